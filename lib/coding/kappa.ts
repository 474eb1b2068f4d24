// Cohen's kappa for two coders' yes/no judgements on the same units (did each code a theme in an item; did each
// code a character with a theme), and the pooled kappa over many codes at once.

export interface KappaResult {
  units: number;
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
  /** Share of units where the coders agree. */
  agreement: number | null;
  /** Agreement beyond chance; null when it is undefined (no units, or both coders said the same for every unit). */
  kappa: number | null;
}

/** A 2×2 table of two coders' yes/no judgements: how many units each combination covers. */
export interface AgreementTable {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

export function cohenKappa(judgements: readonly (readonly [boolean, boolean])[]): KappaResult {
  const count = (match: (a: boolean, b: boolean) => boolean) => judgements.filter(([a, b]) => match(a, b)).length;
  return kappaOfTable({
    both: count((a, b) => a && b),
    firstOnly: count((a, b) => a && !b),
    secondOnly: count((a, b) => !a && b),
    neither: count((a, b) => !a && !b),
  });
}

/** Observed and chance agreement of a 2×2 table; null when it has no units. */
function agreementParts(table: AgreementTable): { units: number; observed: number; chance: number } | null {
  const { both, firstOnly, secondOnly, neither } = table;
  const units = both + firstOnly + secondOnly + neither;
  if (units === 0) return null;
  const firstYes = (both + firstOnly) / units;
  const secondYes = (both + secondOnly) / units;
  return {
    units,
    observed: (both + neither) / units,
    chance: firstYes * secondYes + (1 - firstYes) * (1 - secondYes),
  };
}

/** Cohen's kappa from counts, for units too many to list one by one (the characters of a text). */
export function kappaOfTable(table: AgreementTable): KappaResult {
  const { both, firstOnly, secondOnly, neither } = table;
  const parts = agreementParts(table);
  const units = both + firstOnly + secondOnly + neither;
  if (!parts) return { units, both, firstOnly, secondOnly, neither, agreement: null, kappa: null };
  const { observed, chance } = parts;
  const kappa = chance === 1 ? null : (observed - chance) / (1 - chance);
  return { units, both, firstOnly, secondOnly, neither, agreement: observed, kappa };
}

/**
 * One kappa for many yes/no codes judged on the same units (here: every theme over the same characters): the
 * pooled kappa of de Vries et al. (2008, Field Methods 20(3)), (P̄o − P̄e) / (1 − P̄e) with the observed and
 * chance agreement averaged over the codes, rather than an average of kappas that a rare code would swing.
 */
export function pooledKappa(tables: readonly AgreementTable[]): { agreement: number | null; kappa: number | null } {
  const parts = tables.map(agreementParts).filter((part) => part !== null);
  if (parts.length === 0) return { agreement: null, kappa: null };
  const observed = parts.reduce((sum, part) => sum + part.observed, 0) / parts.length;
  const chance = parts.reduce((sum, part) => sum + part.chance, 0) / parts.length;
  return { agreement: observed, kappa: chance === 1 ? null : (observed - chance) / (1 - chance) };
}

/** Landis & Koch's labels, the ones reviewers expect next to a kappa. */
export function kappaBand(kappa: number): "poor" | "slight" | "fair" | "moderate" | "substantial" | "almostPerfect" {
  if (kappa < 0) return "poor";
  if (kappa <= 0.2) return "slight";
  if (kappa <= 0.4) return "fair";
  if (kappa <= 0.6) return "moderate";
  if (kappa <= 0.8) return "substantial";
  return "almostPerfect";
}
