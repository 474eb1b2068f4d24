import { z } from "zod";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { applyStageChange, findStage, resolveExclusionReason } from "./stage-change";

const id = z.string().min(1).max(64);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
const optionalId = z
  .string()
  .max(64)
  .nullish()
  .transform((v) => v || null);

export const changeStageSchema = z.object({
  reviewId: id,
  itemId: id,
  stageId: id,
  exclusionReasonId: optionalId,
  note: optionalText(500),
});

/** Moves one item to another stage of its review. Excluding needs a reason from the review's list. */
export async function changeStage(access: ReviewAccess, rawInput: unknown): Promise<{ changed: boolean }> {
  const input = parseInput(changeStageSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "item.changeStage", tx, input.reviewId);
    const item = await tx.reviewItem.findFirst({
      where: { id: input.itemId, reviewId: input.reviewId, deletedAt: null },
      select: { id: true, stageId: true, exclusionReasonId: true },
    });
    if (!item) throw new AppError("NOT_FOUND", `item ${input.itemId} not in review ${input.reviewId}`);
    const stage = await findStage(tx, input.reviewId, input.stageId);
    const exclusionReasonId = await resolveExclusionReason(tx, input.reviewId, stage, input.exclusionReasonId);
    const changeId = await applyStageChange(tx, access, {
      item,
      stage,
      exclusionReasonId,
      note: input.note,
    });
    return { changed: changeId !== null };
  });
}

export const MAX_BULK_ITEMS = 10_000;

export const bulkChangeStageSchema = changeStageSchema
  .omit({ itemId: true })
  .extend({ itemIds: z.array(id).min(1).max(MAX_BULK_ITEMS) });

/** Moves many items at once, all or nothing. Items already in the stage are left alone. */
export async function bulkChangeStage(access: ReviewAccess, rawInput: unknown): Promise<{ changed: number }> {
  const input = parseInput(bulkChangeStageSchema, rawInput);
  return db().$transaction(
    async (tx) => {
      await confirmAccess(access, "item.changeStage", tx, input.reviewId);
      const stage = await findStage(tx, input.reviewId, input.stageId);
      const exclusionReasonId = await resolveExclusionReason(tx, input.reviewId, stage, input.exclusionReasonId);
      const items = await tx.reviewItem.findMany({
        where: { id: { in: [...new Set(input.itemIds)] }, reviewId: input.reviewId, deletedAt: null },
        select: { id: true, stageId: true, exclusionReasonId: true },
      });
      if (items.length !== new Set(input.itemIds).size) {
        throw new AppError("NOT_FOUND", "some items are not in this review or are in the trash");
      }
      let changed = 0;
      for (const item of items) {
        const changeId = await applyStageChange(tx, access, {
          item,
          stage,
          exclusionReasonId,
          note: input.note,
        });
        if (changeId) changed++;
      }
      return { changed };
    },
    { timeout: 120_000 },
  );
}

export const undoStageChangeSchema = z.object({ reviewId: id, itemId: id, changeId: id });

/**
 * Undoes an item's latest stage change by moving it back, as a new history entry that points at the one
 * it reverts. Only the latest change qualifies: if anyone changed the item since, the request is refused.
 */
export async function undoStageChange(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const input = parseInput(undoStageChangeSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "item.changeStage", tx, input.reviewId);
    const item = await tx.reviewItem.findFirst({
      where: { id: input.itemId, reviewId: input.reviewId, deletedAt: null },
      select: { id: true, stageId: true, exclusionReasonId: true },
    });
    if (!item) throw new AppError("NOT_FOUND", `item ${input.itemId} not in review ${input.reviewId}`);
    const [latest, previous] = await tx.statusChange.findMany({
      where: { itemId: item.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 2,
      select: { id: true, fromStageId: true, toStageId: true, exclusionReasonId: true },
    });
    if (!latest || latest.id !== input.changeId || !latest.fromStageId || latest.toStageId !== item.stageId) {
      throw new AppError("NOTHING_TO_UNDO");
    }
    const stage = await findStage(tx, input.reviewId, latest.fromStageId);
    // The reason the item had before: the one recorded when it entered its previous stage.
    const previousReason = previous?.toStageId === stage.id ? previous.exclusionReasonId : null;
    const exclusionReasonId = await resolveExclusionReason(tx, input.reviewId, stage, previousReason, {
      allowArchived: true,
    });
    await applyStageChange(tx, access, {
      item,
      stage,
      exclusionReasonId,
      note: null,
      revertsId: latest.id,
    });
  });
}
