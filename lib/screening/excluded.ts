// Which papers count as excluded outside screening (the matrix, the citation picker, the bibliography): excluded
// at screening, or moved to an excluded stage after reading the full text. One definition for every reader.
import type { Prisma } from "@/lib/db/generated/client";
import type { ScreeningState, StageKind } from "@/lib/db/generated/enums";

export const EXCLUDED_ITEM: Prisma.ReviewItemWhereInput = {
  OR: [{ screeningState: "EXCLUDED" }, { stage: { kind: "EXCLUDED" } }],
};

export const NOT_EXCLUDED_ITEM: Prisma.ReviewItemWhereInput = {
  screeningState: { not: "EXCLUDED" },
  stage: { kind: { not: "EXCLUDED" } },
};

/** What writing should know about a cited or listed paper's screening. */
export type ScreeningStanding = "excluded" | "unscreened" | "screened";

export function screeningStanding(item: {
  screeningState: ScreeningState;
  stage: { kind: StageKind };
}): ScreeningStanding {
  if (item.screeningState === "EXCLUDED" || item.stage.kind === "EXCLUDED") return "excluded";
  if (item.screeningState === "INCLUDED") return "screened";
  return "unscreened";
}
