import type { ReviewAccess } from "@/lib/authz/authorize";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { listExclusionReasons } from "@/lib/stages/queries";

/** An item's place in the workflow: stage and reason, the full history with what can be undone, assignees. */
export async function getItemWorkflow(access: ReviewAccess, itemId: string) {
  const { reviewId } = access.require("review.read");
  const item = await db().reviewItem.findFirst({
    where: { id: itemId, reviewId, deletedAt: null },
    select: {
      id: true,
      stageId: true,
      exclusionReasonId: true,
      exclusionReason: { select: { labelZh: true, labelEn: true } },
      assignments: {
        orderBy: { createdAt: "asc" },
        select: { user: { select: { id: true, name: true, email: true } }, createdAt: true },
      },
      statusChanges: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          createdAt: true,
          note: true,
          revertsId: true,
          fromStage: { select: { id: true, nameZh: true, nameEn: true } },
          toStage: { select: { id: true, nameZh: true, nameEn: true } },
          changedBy: { select: { id: true, name: true } },
          exclusionReason: { select: { labelZh: true, labelEn: true } },
        },
      },
    },
  });
  if (!item) throw new AppError("NOT_FOUND", `item ${itemId} not found in review ${reviewId}`);
  const [stages, reasons, members] = await Promise.all([
    db().reviewStage.findMany({
      where: { reviewId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, kind: true },
    }),
    listExclusionReasons(access),
    db().membership.findMany({
      where: { reviewId },
      orderBy: { createdAt: "asc" },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  const latest = item.statusChanges[0];
  const undoable = latest && latest.fromStage && latest.toStage.id === item.stageId ? latest.id : null;
  return {
    role: access.role,
    item: { ...item, undoableChangeId: undoable },
    stages,
    reasons,
    assignableMembers: members.filter((m) => can(m.role, "item.changeStage")).map((m) => m.user),
  };
}

/** "My queue": the items assigned to the reader, grouped by stage in workflow order. */
export async function listMyQueue(access: ReviewAccess, filter: { theme?: string } = {}) {
  const { userId, reviewId } = access.require("review.read");
  const [stages, items] = await Promise.all([
    db().reviewStage.findMany({
      where: { reviewId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, kind: true },
    }),
    db().reviewItem.findMany({
      where: {
        reviewId,
        deletedAt: null,
        assignments: { some: { userId } },
        ...(filter.theme ? { themes: { some: { themeId: filter.theme } } } : {}),
      },
      orderBy: [{ updatedAt: "desc" }],
      take: 2000,
      select: {
        id: true,
        stageId: true,
        titleZh: true,
        titleEn: true,
        journalZh: true,
        journalEn: true,
        year: true,
        screeningState: true,
        authors: {
          where: { role: "AUTHOR" },
          orderBy: { position: "asc" },
          take: 3,
          select: { nameZh: true, nameEn: true },
        },
        assignments: { where: { userId }, select: { createdAt: true } },
        themes: { select: { theme: { select: { id: true, nameZh: true, nameEn: true, color: true } } } },
      },
    }),
  ]);
  return stages.map((stage) => ({ stage, items: items.filter((item) => item.stageId === stage.id) }));
}
