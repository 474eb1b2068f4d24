import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";

export const changeStageSchema = z.object({
  reviewId: z.string().min(1).max(64),
  itemId: z.string().min(1).max(64),
  stageId: z.string().min(1).max(64),
  note: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => v || null),
});

/** Moves an item to another stage of its review, recording who, when, from, to and why. */
export async function changeStage(userId: string, rawInput: unknown): Promise<void> {
  const input = parseInput(changeStageSchema, rawInput);
  await db().$transaction(async (tx) => {
    await authorize(userId, input.reviewId, "item.changeStage", tx);
    const item = await tx.reviewItem.findFirst({
      where: { id: input.itemId, reviewId: input.reviewId, deletedAt: null },
      select: { id: true, stageId: true },
    });
    if (!item) throw new AppError("NOT_FOUND", "item not found");
    const stage = await tx.reviewStage.findFirst({ where: { id: input.stageId, reviewId: input.reviewId } });
    if (!stage)
      throw new AppError("INVALID_INPUT", "stage does not exist in this review", { stageId: ["unknown stage"] });
    if (stage.id === item.stageId) return;
    await tx.reviewItem.update({
      where: { id: item.id },
      data: { stageId: stage.id, version: { increment: 1 } },
    });
    await tx.statusChange.create({
      data: { itemId: item.id, fromStageId: item.stageId, toStageId: stage.id, changedById: userId, note: input.note },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "item.stageChanged",
      subjectType: "item",
      subjectId: item.id,
      data: { from: item.stageId, to: stage.id, note: input.note },
    });
  });
}
