// Cohen's kappa for two coders' yes/no judgements on the same units (here: did each code a theme in an item).

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

export function cohenKappa(judgements: readonly (readonly [boolean, boolean])[]): KappaResult {
  const count = (match: (a: boolean, b: boolean) => boolean) => judgements.filter(([a, b]) => match(a, b)).length;
  const both = count((a, b) => a && b);
  const firstOnly = count((a, b) => a && !b);
  const secondOnly = count((a, b) => !a && b);
  const neither = count((a, b) => !a && !b);
  const units = judgements.length;
  if (units === 0) return { units, both, firstOnly, secondOnly, neither, agreement: null, kappa: null };
  const observed = (both + neither) / units;
  const firstYes = (both + firstOnly) / units;
  const secondYes = (both + secondOnly) / units;
  const chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  const kappa = chance === 1 ? null : (observed - chance) / (1 - chance);
  return { units, both, firstOnly, secondOnly, neither, agreement: observed, kappa };
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
