// PRISMA 2020 flow counts, straight from the data: every number is a count of rows, never a stored tally.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import type { SourceKind } from "@/lib/db/generated/enums";

export interface ReasonCount {
  labelZh: string;
  labelEn: string;
  count: number;
}

export interface PrismaFlowCounts {
  identified: number;
  /** Records from databases, registers and the team's own entry (PRISMA 2020's left column). */
  identifiedBySource: { source: SourceKind; count: number }[];
  /** Records found by other methods: papers added from another paper's reference list (citation searching). */
  identifiedByOtherMethods: number;
  duplicatesRemoved: number;
  screened: number;
  awaitingScreening: number;
  /** True once the team recorded stopping under its stopping rule: the records awaiting are then "not screened". */
  stoppedByRule: boolean;
  excludedAtScreening: number;
  excludedAtScreeningByReason: ReasonCount[];
  assessedForEligibility: number;
  excludedAfterScreening: number;
  excludedAfterScreeningByReason: ReasonCount[];
  included: number;
}

export async function getPrismaFlow(access: ReviewAccess): Promise<PrismaFlowCounts> {
  const { reviewId } = access.require("review.read");
  const [sources, duplicates, decisions, screeningReasons, laterReasons, stops] = await Promise.all([
    // Identified: everything the team brought in that is still here, plus what was removed as a duplicate.
    db().$queryRaw<{ source: SourceKind; count: bigint }[]>`
      SELECT "sourceKind" AS source, count(*) AS count FROM "ReviewItem"
      WHERE "reviewId" = ${reviewId} AND ("deletedAt" IS NULL OR "duplicateOfId" IS NOT NULL)
      GROUP BY "sourceKind" ORDER BY count(*) DESC`,
    db().reviewItem.count({ where: { reviewId, duplicateOfId: { not: null } } }),
    db().$queryRaw<{ choice: string; excluded_later: boolean; count: bigint }[]>`
      SELECT d."choice", (s."kind" = 'EXCLUDED') AS excluded_later, count(*) AS count
      FROM "ScreeningDecision" d
      JOIN "ReviewItem" i ON i."id" = d."itemId"
      JOIN "ReviewStage" s ON s."id" = i."stageId"
      WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL
      GROUP BY d."choice", (s."kind" = 'EXCLUDED')`,
    db().$queryRaw<{ labelZh: string; labelEn: string; count: bigint }[]>`
      SELECT r."labelZh", r."labelEn", count(*) AS count
      FROM "ScreeningDecision" d
      JOIN "ReviewItem" i ON i."id" = d."itemId"
      JOIN "ExclusionReason" r ON r."id" = d."reasonId"
      WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL AND d."choice" = 'EXCLUDE'
      GROUP BY r."id", r."labelZh", r."labelEn", r."position" ORDER BY count(*) DESC, r."position"`,
    // Included at screening, then excluded on reading the full report, with the reason recorded on the item.
    db().$queryRaw<{ labelZh: string; labelEn: string; count: bigint }[]>`
      SELECT r."labelZh", r."labelEn", count(*) AS count
      FROM "ScreeningDecision" d
      JOIN "ReviewItem" i ON i."id" = d."itemId"
      JOIN "ReviewStage" s ON s."id" = i."stageId"
      JOIN "ExclusionReason" r ON r."id" = i."exclusionReasonId"
      WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL AND d."choice" = 'INCLUDE' AND s."kind" = 'EXCLUDED'
      GROUP BY r."id", r."labelZh", r."labelEn", r."position" ORDER BY count(*) DESC, r."position"`,
    db().screeningStop.count({ where: { reviewId } }),
  ]);
  const decided = (choice: string, excludedLater?: boolean) =>
    decisions
      .filter((row) => row.choice === choice && (excludedLater === undefined || row.excluded_later === excludedLater))
      .reduce((sum, row) => sum + Number(row.count), 0);
  const identified = sources.reduce((sum, row) => sum + Number(row.count), 0);
  const screened = decided("INCLUDE") + decided("EXCLUDE");
  const toCounts = (rows: { labelZh: string; labelEn: string; count: bigint }[]) =>
    rows.map((row) => ({ labelZh: row.labelZh, labelEn: row.labelEn, count: Number(row.count) }));
  return {
    identified,
    identifiedBySource: sources
      .filter((row) => row.source !== "CITATION_SEARCH")
      .map((row) => ({ source: row.source, count: Number(row.count) })),
    identifiedByOtherMethods: sources
      .filter((row) => row.source === "CITATION_SEARCH")
      .reduce((sum, row) => sum + Number(row.count), 0),
    duplicatesRemoved: duplicates,
    screened,
    awaitingScreening: identified - duplicates - screened,
    stoppedByRule: stops > 0,
    excludedAtScreening: decided("EXCLUDE"),
    excludedAtScreeningByReason: toCounts(screeningReasons),
    assessedForEligibility: decided("INCLUDE"),
    excludedAfterScreening: decided("INCLUDE", true),
    excludedAfterScreeningByReason: toCounts(laterReasons),
    included: decided("INCLUDE", false),
  };
}
