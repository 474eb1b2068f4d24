import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";

/** Everything the settings page shows: stages with their item counts, the exclusion reasons, screening rules. */
export async function getWorkflowSettings(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const [review, stages, itemCounts, usedStageIds, reasons] = await Promise.all([
    db().review.findUniqueOrThrow({ where: { id: reviewId }, select: { screeningVotesRequired: true } }),
    db().reviewStage.findMany({ where: { reviewId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    db().reviewItem.groupBy({ by: ["stageId"], where: { reviewId, deletedAt: null }, _count: { _all: true } }),
    db().$queryRaw<{ id: string }[]>`
      SELECT s."id" FROM "ReviewStage" s
      WHERE s."reviewId" = ${reviewId}
        AND (EXISTS (SELECT 1 FROM "ReviewItem" i WHERE i."stageId" = s."id")
          OR EXISTS (SELECT 1 FROM "StatusChange" c WHERE c."toStageId" = s."id" OR c."fromStageId" = s."id"))`,
    listExclusionReasons(access, { includeArchived: true }),
  ]);
  const counts = new Map(itemCounts.map((row) => [row.stageId, row._count._all]));
  const used = new Set(usedStageIds.map((row) => row.id));
  return {
    role: access.role,
    screeningVotesRequired: review.screeningVotesRequired,
    stages: stages.map((stage) => ({
      ...stage,
      itemCount: counts.get(stage.id) ?? 0,
      // Mirrors deleteStage's rule, so the page never offers a deletion the command would refuse.
      deletable: !used.has(stage.id) && stages.filter((other) => other.kind === stage.kind).length > 1,
    })),
    reasons,
  };
}

/** The review's exclusion reasons in order, for a reader of the review. */
export function listExclusionReasons(access: ReviewAccess, options: { includeArchived?: boolean } = {}) {
  const { reviewId } = access.require("review.read");
  return db().exclusionReason.findMany({
    where: { reviewId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, labelZh: true, labelEn: true, archivedAt: true },
  });
}
