// The one place an item changes stage. Single moves, bulk moves, board drags, screening decisions and
// undo all come through `applyStageChange`, so every path validates the same way and leaves the same history.
import { recordActivity } from "@/lib/activity/record";
import type { ReviewAccess } from "@/lib/authz/authorize";
import type { Transaction } from "@/lib/db/client";
import type { StageKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { links, notify } from "@/lib/notifications/notify";

export interface TargetStage {
  id: string;
  kind: StageKind;
}

export interface ItemPosition {
  id: string;
  stageId: string;
  exclusionReasonId: string | null;
}

export interface StageChangeRequest {
  reviewId: string;
  actorId: string;
  item: ItemPosition;
  stage: TargetStage;
  exclusionReasonId: string | null;
  note: string | null;
  /** The history entry this change undoes. */
  revertsId?: string;
}

/** A move as the caller describes it: the review and the actor are those of the caller's access. */
export type StageMove = Omit<StageChangeRequest, "reviewId" | "actorId">;

/** Looks a stage up inside the review; an id from another review is as unknown as a made-up one. */
export async function findStage(tx: Transaction, reviewId: string, stageId: string) {
  const stage = await tx.reviewStage.findFirst({ where: { id: stageId, reviewId } });
  if (!stage) throw new AppError("STAGE_NOT_FOUND", `stage ${stageId} is not in review ${reviewId}`);
  return stage;
}

/**
 * Checks the exclusion reason a move needs: required (and from the review's current list) for an
 * EXCLUDED stage, dropped for any other stage. Undo may restore a reason that has since been archived.
 */
export async function resolveExclusionReason(
  tx: Transaction,
  reviewId: string,
  stage: Pick<TargetStage, "kind">,
  reasonId: string | null,
  options: { allowArchived?: boolean } = {},
): Promise<string | null> {
  if (stage.kind !== "EXCLUDED") return null;
  if (!reasonId) throw new AppError("EXCLUSION_REASON_REQUIRED");
  const reason = await tx.exclusionReason.findFirst({
    where: { id: reasonId, reviewId, ...(options.allowArchived ? {} : { archivedAt: null }) },
    select: { id: true },
  });
  if (!reason) throw new AppError("EXCLUSION_REASON_REQUIRED", `reason ${reasonId} is not in review ${reviewId}`);
  return reason.id;
}

/**
 * Moves one item inside the caller's transaction and records who, when, from, to, why.
 * Returns the new history entry's id, or null when the item already sits there with that reason.
 * The caller has confirmed in this transaction the action that moves the item (`confirmAccess`: a stage change,
 * a screening vote or ruling) and validated the reason with `resolveExclusionReason`; the review and the actor
 * recorded are those of its access, so no move is written under another name or into another review.
 */
export async function applyStageChange(tx: Transaction, access: ReviewAccess, move: StageMove): Promise<string | null> {
  const change: StageChangeRequest = { ...move, reviewId: access.reviewId, actorId: access.userId };
  const { item, stage } = change;
  const reasonId = stage.kind === "EXCLUDED" ? change.exclusionReasonId : null;
  if (item.stageId === stage.id && item.exclusionReasonId === reasonId) return null;
  await tx.reviewItem.update({
    where: { id: item.id },
    // `version` guards metadata edits only: a stage move must not make someone's open edit form conflict.
    data: { stageId: stage.id, exclusionReasonId: reasonId },
  });
  const entry = await tx.statusChange.create({
    data: {
      itemId: item.id,
      fromStageId: item.stageId,
      toStageId: stage.id,
      changedById: change.actorId,
      note: change.note,
      exclusionReasonId: reasonId,
      revertsId: change.revertsId ?? null,
    },
    select: { id: true },
  });
  await recordActivity(tx, {
    reviewId: change.reviewId,
    actorId: change.actorId,
    kind: change.revertsId ? "item.stageChangeUndone" : "item.stageChanged",
    subjectType: "item",
    subjectId: item.id,
    data: { from: item.stageId, to: stage.id, reason: reasonId, note: change.note },
  });
  await notifyAssignees(tx, change);
  return entry.id;
}

/** Members assigned to the item hear about its moves (except their own). */
async function notifyAssignees(tx: Transaction, change: StageChangeRequest) {
  const assignees = await tx.itemAssignment.findMany({
    where: { itemId: change.item.id, userId: { not: change.actorId } },
    select: { userId: true },
  });
  if (assignees.length === 0) return;
  const [item, stages] = await Promise.all([
    tx.reviewItem.findUnique({ where: { id: change.item.id }, select: { titleZh: true, titleEn: true } }),
    tx.reviewStage.findMany({
      where: { id: { in: [change.item.stageId, change.stage.id] } },
      select: { id: true, nameZh: true, nameEn: true },
    }),
  ]);
  const stageName = (id: string) => {
    const stage = stages.find((candidate) => candidate.id === id);
    return stage ? { zh: stage.nameZh, en: stage.nameEn } : null;
  };
  await notify(tx, {
    reviewId: change.reviewId,
    kind: "STAGE_CHANGED",
    actorId: change.actorId,
    subject: { itemIds: [change.item.id] },
    link: links.item(change.reviewId, change.item.id),
    data: {
      itemTitle: item?.titleZh ?? item?.titleEn ?? null,
      from: stageName(change.item.stageId),
      to: stageName(change.stage.id),
      undo: !!change.revertsId,
    },
  });
}
