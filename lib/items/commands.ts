// Adding items by hand, editing their metadata (with a version check so no save silently overwrites
// another), and the trash: soft delete, optionally as a duplicate of another item, and restore.
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { reanchorCodings } from "@/lib/coding/commands";
import { FIELD_COLUMN, PASSAGE_FIELDS } from "@/lib/coding/passage-field";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { refreshItemReferences } from "@/lib/references/sync";
import { parseInput } from "@/lib/validation";
import { changedFields, itemFieldsOf, itemFieldsSchema, newItemFieldsSchema, type ItemFields } from "./item-fields";

const id = z.string().min(1).max(64);

/** What a refused save hands back: the stored values, who saved them and when, to merge against. */
export interface EditConflict {
  version: number;
  theirs: ItemFields;
  savedBy: string | null;
  savedAt: string;
}

function columnsOf(fields: ItemFields) {
  const { authors: _authors, contributors: _contributors, identifiers, dates, ...columns } = fields;
  return { ...columns, identifiers: identifiers as Prisma.InputJsonValue, dates: dates as Prisma.InputJsonValue };
}

function authorRows(fields: ItemFields) {
  return fields.authors.map((author, position) => ({ role: "AUTHOR" as const, position, ...author }));
}

/** Editors, translators, supervisors: numbered within their role, as the (item, role, position) key wants. */
function contributorRows(fields: ItemFields) {
  const next = new Map<string, number>();
  return fields.contributors.map(({ role, nameZh, nameEn }) => {
    const position = next.get(role) ?? 0;
    next.set(role, position + 1);
    return { role, position, nameZh, nameEn, affiliations: [], corresponding: false, bio: null };
  });
}

export const createItemSchema = z.object({ reviewId: id, fields: newItemFieldsSchema });

/** Adds an item by hand. It enters the review's first stage, like every new item. */
export async function createItem(access: ReviewAccess, rawInput: unknown): Promise<{ itemId: string }> {
  const { userId } = access;
  const input = parseInput(createItemSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "item.create", tx, input.reviewId);
    return insertItem(tx, { reviewId: input.reviewId, userId, fields: input.fields, activity: { source: "manual" } });
  });
}

/**
 * Writes a new item, authorized and validated by the caller, into the review's first stage with its history
 * entry, its cited references and the activity event: every way of adding one item goes through here.
 */
export async function insertItem(
  tx: Transaction,
  args: {
    reviewId: string;
    userId: string;
    fields: ItemFields;
    sourceNote?: string | null;
    /** How the record was found; PRISMA counts citation searching apart from records added by hand. */
    sourceKind?: "MANUAL" | "CITATION_SEARCH";
    activity: Record<string, string | number | null>;
  },
): Promise<{ itemId: string }> {
  const firstStage = await tx.reviewStage.findFirst({
    where: { reviewId: args.reviewId, kind: { not: "EXCLUDED" } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  if (!firstStage) throw new AppError("STAGE_NOT_FOUND", `review ${args.reviewId} has no stage to start in`);
  const item = await tx.reviewItem.create({
    data: {
      reviewId: args.reviewId,
      stageId: firstStage.id,
      ...columnsOf(args.fields),
      sourceKind: args.sourceKind ?? "MANUAL",
      sourceNote: args.sourceNote ?? null,
      createdById: args.userId,
      authors: { create: [...authorRows(args.fields), ...contributorRows(args.fields)] },
    },
    select: { id: true },
  });
  await tx.statusChange.create({
    data: { itemId: item.id, fromStageId: null, toStageId: firstStage.id, changedById: args.userId, note: null },
  });
  await refreshItemReferences(tx, { id: item.id, reviewId: args.reviewId, fullText: args.fields.fullText });
  await recordActivity(tx, {
    reviewId: args.reviewId,
    actorId: args.userId,
    kind: "item.created",
    subjectType: "item",
    subjectId: item.id,
    data: args.activity,
  });
  return { itemId: item.id };
}

export const updateItemSchema = z.object({
  reviewId: id,
  itemId: id,
  /** The version the editor started from; a save against any other version is a conflict. */
  version: z.coerce.number().int().min(1),
  fields: itemFieldsSchema,
});

/**
 * Saves an item's metadata if nobody saved it since the editor loaded it. Otherwise nothing is written and
 * EDIT_CONFLICT carries the stored values, so the user can merge and save again against the new version.
 */
export async function updateItem(
  access: ReviewAccess,
  rawInput: unknown,
): Promise<{ version: number; changed: readonly string[] }> {
  const { userId } = access;
  const input = parseInput(updateItemSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "item.update", tx, input.reviewId);
    const stored = await loadEditable(tx, input.reviewId, input.itemId);
    if (stored.version !== input.version) {
      throw new AppError(
        "EDIT_CONFLICT",
        `item ${input.itemId} is at version ${stored.version}, the save was based on ${input.version}`,
        undefined,
        await conflictDetails(tx, stored),
      );
    }
    const changed = changedFields(stored.fields, input.fields);
    if (changed.length === 0) return { version: stored.version, changed };
    // The version in the WHERE makes a concurrent save that passed the check above lose here instead.
    const updated = await tx.reviewItem.updateMany({
      where: { id: input.itemId, version: input.version },
      data: { ...columnsOf(input.fields), version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      throw new AppError(
        "EDIT_CONFLICT",
        `item ${input.itemId} changed during the save`,
        undefined,
        await conflictDetails(tx, await loadEditable(tx, input.reviewId, input.itemId)),
      );
    }
    if (changed.includes("authors")) {
      await tx.itemAuthor.deleteMany({ where: { itemId: input.itemId, role: "AUTHOR" } });
      await tx.itemAuthor.createMany({
        data: authorRows(input.fields).map((author) => ({ ...author, itemId: input.itemId })),
      });
    }
    if (changed.includes("contributors")) {
      await tx.itemAuthor.deleteMany({ where: { itemId: input.itemId, role: { not: "AUTHOR" } } });
      await tx.itemAuthor.createMany({
        data: contributorRows(input.fields).map((contributor) => ({ ...contributor, itemId: input.itemId })),
      });
    }
    if (changed.includes("fullText")) {
      await refreshItemReferences(tx, { id: input.itemId, reviewId: input.reviewId, fullText: input.fields.fullText });
    }
    // Coded passages follow their words into the corrected text, in the same transaction as the correction.
    for (const field of PASSAGE_FIELDS) {
      if (changed.includes(FIELD_COLUMN[field])) {
        await reanchorCodings(tx, input.itemId, field, input.fields[FIELD_COLUMN[field]] ?? "");
      }
    }
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "item.updated",
      subjectType: "item",
      subjectId: input.itemId,
      data: { fields: changed },
    });
    return { version: input.version + 1, changed };
  });
}

async function loadEditable(tx: Transaction, reviewId: string, itemId: string) {
  const item = await tx.reviewItem.findFirst({
    where: { id: itemId, reviewId, deletedAt: null },
    include: { authors: { orderBy: [{ role: "asc" }, { position: "asc" }] } },
  });
  if (!item) throw new AppError("NOT_FOUND", `item ${itemId} not in review ${reviewId}`);
  return { id: item.id, version: item.version, updatedAt: item.updatedAt, fields: itemFieldsOf(item) };
}

async function conflictDetails(
  tx: Transaction,
  stored: Awaited<ReturnType<typeof loadEditable>>,
): Promise<EditConflict> {
  const lastEdit = await tx.activityEvent.findFirst({
    where: { subjectType: "item", subjectId: stored.id, kind: "item.updated" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  return {
    version: stored.version,
    theirs: stored.fields,
    savedBy: lastEdit?.actor?.name ?? null,
    savedAt: (lastEdit?.createdAt ?? stored.updatedAt).toISOString(),
  };
}

export const MAX_TRASH_ITEMS = 10_000;

export const trashItemsSchema = z.object({
  reviewId: id,
  itemIds: z.array(id).min(1).max(MAX_TRASH_ITEMS),
  /** Set when the items are removed as duplicates of this one; PRISMA counts them as duplicates removed. */
  duplicateOfId: id
    .nullish()
    .or(z.literal(""))
    .transform((value) => value || null),
});

/** Moves items to the trash. Nothing is lost: restore brings them back with stage, themes and history. */
export async function trashItems(access: ReviewAccess, rawInput: unknown): Promise<{ trashed: number }> {
  const { userId } = access;
  const input = parseInput(trashItemsSchema, rawInput);
  const itemIds = [...new Set(input.itemIds)];
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "item.delete", tx, input.reviewId);
    if (input.duplicateOfId) {
      if (itemIds.includes(input.duplicateOfId)) {
        throw new AppError("INVALID_INPUT", "an item cannot be a duplicate of itself", {
          duplicateOfId: ["an item cannot be a duplicate of itself"],
        });
      }
      const kept = await tx.reviewItem.findFirst({
        where: { id: input.duplicateOfId, reviewId: input.reviewId, deletedAt: null },
        select: { id: true },
      });
      if (!kept) throw new AppError("NOT_FOUND", `duplicate target ${input.duplicateOfId} not in review`);
    }
    const found = await tx.reviewItem.count({
      where: { id: { in: itemIds }, reviewId: input.reviewId, deletedAt: null },
    });
    if (found !== itemIds.length)
      throw new AppError("NOT_FOUND", "some items are not in this review or already trashed");
    await tx.reviewItem.updateMany({
      where: { id: { in: itemIds } },
      data: { deletedAt: new Date(), deletedById: userId, duplicateOfId: input.duplicateOfId },
    });
    for (const itemId of itemIds) {
      await recordActivity(tx, {
        reviewId: input.reviewId,
        actorId: userId,
        kind: "item.deleted",
        subjectType: "item",
        subjectId: itemId,
        data: { duplicateOf: input.duplicateOfId },
      });
    }
    return { trashed: itemIds.length };
  });
}

export const restoreItemsSchema = z.object({ reviewId: id, itemIds: z.array(id).min(1).max(MAX_TRASH_ITEMS) });

export async function restoreItems(access: ReviewAccess, rawInput: unknown): Promise<{ restored: number }> {
  const { userId } = access;
  const input = parseInput(restoreItemsSchema, rawInput);
  const itemIds = [...new Set(input.itemIds)];
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "item.delete", tx, input.reviewId);
    const found = await tx.reviewItem.count({
      where: { id: { in: itemIds }, reviewId: input.reviewId, deletedAt: { not: null } },
    });
    if (found !== itemIds.length) throw new AppError("NOT_FOUND", "some items are not in this review's trash");
    await tx.reviewItem.updateMany({
      where: { id: { in: itemIds } },
      data: { deletedAt: null, deletedById: null, duplicateOfId: null },
    });
    for (const itemId of itemIds) {
      await recordActivity(tx, {
        reviewId: input.reviewId,
        actorId: userId,
        kind: "item.restored",
        subjectType: "item",
        subjectId: itemId,
      });
    }
    return { restored: itemIds.length };
  });
}
