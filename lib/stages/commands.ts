// The owner's configuration of a review's workflow: its stages and its exclusion-reason list.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(40);

const stageNamesSchema = z.object({ reviewId: id, nameZh: name, nameEn: name });

async function refuseDuplicateStageName(
  tx: Transaction,
  reviewId: string,
  nameZh: string,
  nameEn: string,
  exceptId?: string,
) {
  const clash = await tx.reviewStage.findFirst({
    where: {
      reviewId,
      id: exceptId ? { not: exceptId } : undefined,
      OR: [{ nameZh }, { nameEn: { equals: nameEn, mode: "insensitive" } }],
    },
    select: { nameZh: true },
  });
  if (clash) throw new AppError("DUPLICATE_NAME", `a stage named ${nameZh} / ${nameEn} exists`);
}

/** Adds an ordinary (ACTIVE) stage after the last ordinary stage, so excluded stays at the end. */
export async function createStage(access: ReviewAccess, rawInput: unknown): Promise<{ id: string }> {
  const { userId } = access;
  const input = parseInput(stageNamesSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "stage.manage", tx, input.reviewId);
    await refuseDuplicateStageName(tx, input.reviewId, input.nameZh, input.nameEn);
    const stages = await tx.reviewStage.findMany({ where: { reviewId: input.reviewId }, orderBy: { position: "asc" } });
    const lastActive = stages.findLastIndex((stage) => stage.kind === "ACTIVE");
    const insertAt = lastActive + 1;
    for (const stage of stages.slice(insertAt)) {
      await tx.reviewStage.update({ where: { id: stage.id }, data: { position: stage.position + 1 } });
    }
    const position = insertAt < stages.length ? stages[insertAt]!.position : (stages.at(-1)?.position ?? -1) + 1;
    const stage = await tx.reviewStage.create({
      data: {
        reviewId: input.reviewId,
        key: `custom-${randomBytes(4).toString("hex")}`,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        position,
        kind: "ACTIVE",
      },
      select: { id: true },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "stage.created",
      subjectType: "stage",
      subjectId: stage.id,
      data: { nameZh: input.nameZh, nameEn: input.nameEn },
    });
    return stage;
  });
}

export const renameStageSchema = stageNamesSchema.extend({ stageId: id });

export async function renameStage(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(renameStageSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "stage.manage", tx, input.reviewId);
    const stage = await tx.reviewStage.findFirst({ where: { id: input.stageId, reviewId: input.reviewId } });
    if (!stage) throw new AppError("STAGE_NOT_FOUND");
    if (stage.nameZh === input.nameZh && stage.nameEn === input.nameEn) return;
    await refuseDuplicateStageName(tx, input.reviewId, input.nameZh, input.nameEn, stage.id);
    await tx.reviewStage.update({ where: { id: stage.id }, data: { nameZh: input.nameZh, nameEn: input.nameEn } });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "stage.renamed",
      subjectType: "stage",
      subjectId: stage.id,
      data: { from: { zh: stage.nameZh, en: stage.nameEn }, to: { zh: input.nameZh, en: input.nameEn } },
    });
  });
}

export const moveStageSchema = z.object({ reviewId: id, stageId: id, direction: z.enum(["up", "down"]) });

/** Swaps a stage with its neighbour. Positions are rewritten densely so they never collide. */
export async function moveStage(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(moveStageSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "stage.manage", tx, input.reviewId);
    const stages = await tx.reviewStage.findMany({
      where: { reviewId: input.reviewId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    });
    const index = stages.findIndex((stage) => stage.id === input.stageId);
    if (index < 0) throw new AppError("STAGE_NOT_FOUND");
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= stages.length) return;
    [stages[index], stages[target]] = [stages[target]!, stages[index]!];
    for (const [position, stage] of stages.entries()) {
      if (stage.position !== position) await tx.reviewStage.update({ where: { id: stage.id }, data: { position } });
    }
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "stage.reordered",
      subjectType: "stage",
      subjectId: input.stageId,
      data: { order: stages.map((stage) => stage.id) },
    });
  });
}

export const deleteStageSchema = z.object({ reviewId: id, stageId: id });

/**
 * Deletes a stage that was added by mistake. A stage that holds items, or ever did, stays: deleting it
 * would rewrite items' history. The review keeps at least one ordinary and one excluded stage.
 */
export async function deleteStage(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(deleteStageSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "stage.manage", tx, input.reviewId);
    const stage = await tx.reviewStage.findFirst({ where: { id: input.stageId, reviewId: input.reviewId } });
    if (!stage) throw new AppError("STAGE_NOT_FOUND");
    const [items, history, sameKind] = await Promise.all([
      tx.reviewItem.count({ where: { stageId: stage.id } }),
      tx.statusChange.count({ where: { OR: [{ toStageId: stage.id }, { fromStageId: stage.id }] } }),
      tx.reviewStage.count({ where: { reviewId: input.reviewId, kind: stage.kind } }),
    ]);
    if (items > 0 || history > 0 || sameKind <= 1) {
      throw new AppError("STAGE_IN_USE", `stage ${stage.id}: ${items} items, ${history} history entries`);
    }
    await tx.reviewStage.delete({ where: { id: stage.id } });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "stage.deleted",
      subjectType: "stage",
      subjectId: stage.id,
      data: { nameZh: stage.nameZh, nameEn: stage.nameEn },
    });
  });
}

// ───────────── Exclusion reasons ─────────────

const label = z.string().trim().min(1).max(80);
const reasonLabelsSchema = z.object({ reviewId: id, labelZh: label, labelEn: label });

async function refuseDuplicateReason(tx: Transaction, reviewId: string, labelZh: string, exceptId?: string) {
  const clash = await tx.exclusionReason.findFirst({
    where: { reviewId, labelZh, id: exceptId ? { not: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw new AppError("DUPLICATE_NAME", `reason ${labelZh} exists`);
}

export async function createExclusionReason(access: ReviewAccess, rawInput: unknown): Promise<{ id: string }> {
  const { userId } = access;
  const input = parseInput(reasonLabelsSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "review.update", tx, input.reviewId);
    await refuseDuplicateReason(tx, input.reviewId, input.labelZh);
    const last = await tx.exclusionReason.aggregate({ where: { reviewId: input.reviewId }, _max: { position: true } });
    const reason = await tx.exclusionReason.create({
      data: { ...input, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "review.settingsChanged",
      subjectType: "review",
      subjectId: input.reviewId,
      data: { exclusionReasonAdded: input.labelZh },
    });
    return reason;
  });
}

export const updateExclusionReasonSchema = reasonLabelsSchema.extend({
  reasonId: id,
  archived: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});

/** Relabels a reason, or archives it (kept on past decisions, no longer offered) or brings it back. */
export async function updateExclusionReason(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(updateExclusionReasonSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "review.update", tx, input.reviewId);
    const reason = await tx.exclusionReason.findFirst({ where: { id: input.reasonId, reviewId: input.reviewId } });
    if (!reason) throw new AppError("NOT_FOUND", `reason ${input.reasonId} not in review ${input.reviewId}`);
    await refuseDuplicateReason(tx, input.reviewId, input.labelZh, reason.id);
    const archivedAt =
      input.archived === undefined ? reason.archivedAt : input.archived ? (reason.archivedAt ?? new Date()) : null;
    // Excluding always needs a reason, so at least one must stay on offer.
    if (archivedAt !== null && reason.archivedAt === null) {
      const active = await tx.exclusionReason.count({ where: { reviewId: input.reviewId, archivedAt: null } });
      if (active <= 1) throw new AppError("LAST_EXCLUSION_REASON");
    }
    await tx.exclusionReason.update({
      where: { id: reason.id },
      data: { labelZh: input.labelZh, labelEn: input.labelEn, archivedAt },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "review.settingsChanged",
      subjectType: "review",
      subjectId: input.reviewId,
      data: { exclusionReasonChanged: reason.id },
    });
  });
}
