import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";

const STAGE_KINDS = new Set(["item.stageChanged", "item.stageChangeUndone"]);

/**
 * The review's latest events with what a reader needs to make sense of them: the titles of the items they
 * touch (trashed ones included, marked) and the names of the stages an item moved between.
 */
export async function listActivity(access: ReviewAccess, limit = 100) {
  const { reviewId } = access.require("activity.read");
  const events = await db().activityEvent.findMany({
    where: { reviewId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { actor: { select: { id: true, name: true } } },
  });
  const itemIds = new Set<string>();
  const stageIds = new Set<string>();
  for (const event of events) {
    if (event.subjectType === "item") itemIds.add(event.subjectId);
    if (STAGE_KINDS.has(event.kind)) {
      const data = event.data as { from?: unknown; to?: unknown };
      for (const id of [data.from, data.to]) if (typeof id === "string") stageIds.add(id);
    }
  }
  const [items, stages] = await Promise.all([
    db().reviewItem.findMany({
      where: { reviewId, id: { in: [...itemIds] } },
      select: { id: true, titleZh: true, titleEn: true, deletedAt: true },
    }),
    db().reviewStage.findMany({
      where: { reviewId, id: { in: [...stageIds] } },
      select: { id: true, nameZh: true, nameEn: true },
    }),
  ]);
  return {
    events: events.map((event) => ({ ...event, movesStage: STAGE_KINDS.has(event.kind) })),
    items: new Map(items.map((item) => [item.id, item])),
    stages: new Map(stages.map((stage) => [stage.id, stage])),
  };
}

export type ActivityFeedData = Awaited<ReturnType<typeof listActivity>>;
