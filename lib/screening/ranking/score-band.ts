// How a score is said to a screener: three bands rather than a bare probability, which the model's balanced
// training makes optimistic in absolute terms but reliable in order.
export type ScoreBand = "high" | "medium" | "low";

export function scoreBand(score: number): ScoreBand {
  if (score >= 0.7) return "high";
  if (score >= 0.35) return "medium";
  return "low";
}
