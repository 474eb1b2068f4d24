// Krippendorff's alpha for nominal data: agreement among any number of coders, tolerant of missing values
// (a coder who did not read a paper), computed through the coincidence matrix as in Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability".

/** One unit of analysis: each coder's value, or null where that coder gave none. `weight` counts identical units. */
export interface ReliabilityUnit {
  values: readonly (string | null)[];
  weight?: number;
}

/** o[c][k]: how often value c was paired with value k within units. Sums over units, so it can be merged. */
export type Coincidences = Map<string, Map<string, number>>;

export function coincidences(units: Iterable<ReliabilityUnit>, into: Coincidences = new Map()): Coincidences {
  for (const unit of units) {
    const values = unit.values.filter((value): value is string => value !== null);
    const weight = unit.weight ?? 1;
    // Only pairable units count: a value no other coder can be compared with tells nothing about agreement.
    if (values.length < 2 || weight === 0) continue;
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    const share = weight / (values.length - 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs === 0) continue;
        const row = into.get(c) ?? new Map<string, number>();
        row.set(k, (row.get(k) ?? 0) + pairs * share);
        into.set(c, row);
      }
    }
  }
  return into;
}

export function mergeCoincidences(target: Coincidences, source: Coincidences): Coincidences {
  for (const [c, row] of source) {
    const into = target.get(c) ?? new Map<string, number>();
    for (const [k, count] of row) into.set(k, (into.get(k) ?? 0) + count);
    target.set(c, into);
  }
  return target;
}

export interface AlphaResult {
  /** Pairable values (n in Krippendorff's notation). */
  pairable: number;
  /** Share of pairs of values that agree: 1 − observed disagreement. */
  agreement: number | null;
  /** Null when undefined: fewer than two pairable values, or a single value used throughout (no variation). */
  alpha: number | null;
}

export function alphaOfCoincidences(matrix: Coincidences): AlphaResult {
  const totals = new Map<string, number>();
  let n = 0;
  let agreeing = 0;
  for (const [c, row] of matrix) {
    for (const [k, count] of row) {
      totals.set(c, (totals.get(c) ?? 0) + count);
      n += count;
      if (c === k) agreeing += count;
    }
  }
  if (n < 2) return { pairable: n, agreement: null, alpha: null };
  const observedDisagreement = (n - agreeing) / n;
  let expectedPairs = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expectedPairs += nc * nk;
  const expectedDisagreement = expectedPairs / (n * (n - 1));
  return {
    pairable: n,
    agreement: 1 - observedDisagreement,
    alpha: expectedDisagreement === 0 ? null : 1 - observedDisagreement / expectedDisagreement,
  };
}

export function krippendorffAlphaNominal(units: Iterable<ReliabilityUnit>): AlphaResult {
  return alphaOfCoincidences(coincidences(units));
}
