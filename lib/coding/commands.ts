// Coding passages of an item's text with themes and a memo; editing and deleting codings; keeping their anchors
// on their passages when the item's text is corrected.
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { anchorAt, resolveAnchor } from "./anchor";
import { PASSAGE_FIELDS, textOf, type PassageFieldName } from "./passage-field";

const id = z.string().min(1).max(64);
const memo = z
  .string()
  .max(5000)
  .nullish()
  .transform((value) => value?.trim() || null);
const themeIds = z.array(id).min(1).max(30);

async function assertLiveThemes(tx: Transaction, reviewId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await tx.theme.count({ where: { id: { in: unique }, reviewId, archivedAt: null } });
  if (found !== unique.length) throw new AppError("NOT_FOUND", "some themes are not live themes of this review");
  return unique;
}

export const codePassageSchema = z.object({
  reviewId: id,
  itemId: id,
  field: z.enum(PASSAGE_FIELDS),
  start: z.coerce.number().int().min(0),
  end: z.coerce.number().int().min(1),
  /** What the reader saw selected; a mismatch means the page is out of date and the offsets cannot be trusted. */
  // Form submission turns "\n" into "\r\n"; the stored text has plain line feeds.
  quote: z
    .string()
    .min(1)
    .max(100_000)
    .transform((value) => value.replace(/\r\n/g, "\n")),
  themeIds,
  memo,
});

export async function codePassage(access: ReviewAccess, rawInput: unknown): Promise<{ codingId: string }> {
  const { userId } = access;
  const input = parseInput(codePassageSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "coding.write", tx, input.reviewId);
    const item = await tx.reviewItem.findFirst({
      where: { id: input.itemId, reviewId: input.reviewId, deletedAt: null },
      select: { id: true, fullText: true, abstractZh: true, abstractEn: true },
    });
    if (!item) throw new AppError("NOT_FOUND", `item ${input.itemId} not in review ${input.reviewId}`);
    const text = textOf(item, input.field);
    const anchor = anchorAt(text, input.start, input.end);
    if (!anchor || anchor.quote !== input.quote) {
      throw new AppError("UNANCHORABLE", `selection ${input.start}-${input.end} does not match the stored text`);
    }
    const ids = await assertLiveThemes(tx, input.reviewId, input.themeIds);
    const coding = await tx.coding.create({
      data: {
        reviewId: input.reviewId,
        itemId: item.id,
        field: input.field,
        ...anchor,
        memo: input.memo,
        createdById: userId,
        themes: { create: ids.map((themeId) => ({ themeId })) },
      },
      select: { id: true },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "coding.created",
      subjectType: "item",
      subjectId: item.id,
      data: { codingId: coding.id, themeIds: ids },
    });
    return { codingId: coding.id };
  });
}

export const updateCodingSchema = z.object({ reviewId: id, codingId: id, themeIds, memo });

export async function updateCoding(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(updateCodingSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "coding.write", tx, input.reviewId);
    const coding = await findCoding(tx, input.reviewId, input.codingId);
    const ids = await assertLiveThemes(tx, input.reviewId, input.themeIds);
    await tx.codingTheme.deleteMany({ where: { codingId: coding.id } });
    await tx.codingTheme.createMany({ data: ids.map((themeId) => ({ codingId: coding.id, themeId })) });
    await tx.coding.update({ where: { id: coding.id }, data: { memo: input.memo } });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "coding.updated",
      subjectType: "item",
      subjectId: coding.itemId,
      data: { codingId: coding.id, themeIds: ids },
    });
  });
}

export const deleteCodingSchema = z.object({ reviewId: id, codingId: id });

export async function deleteCoding(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(deleteCodingSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "coding.write", tx, input.reviewId);
    const coding = await findCoding(tx, input.reviewId, input.codingId);
    await tx.coding.delete({ where: { id: coding.id } });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "coding.deleted",
      subjectType: "item",
      subjectId: coding.itemId,
      data: { codingId: coding.id, quote: coding.quote.slice(0, 200) },
    });
  });
}

async function findCoding(tx: Transaction, reviewId: string, codingId: string) {
  const coding = await tx.coding.findFirst({ where: { id: codingId, reviewId } });
  if (!coding) throw new AppError("NOT_FOUND", `coding ${codingId} not in review ${reviewId}`);
  return coding;
}

/**
 * Moves the codings of one text of an item onto the corrected text, inside the caller's transaction (the item
 * edit). A passage that cannot be found keeps its quote and is marked orphaned rather than pointing elsewhere.
 */
export async function reanchorCodings(
  tx: Transaction,
  itemId: string,
  field: PassageFieldName,
  text: string,
): Promise<{ moved: number; orphaned: number }> {
  const codings = await tx.coding.findMany({ where: { itemId, field } });
  let moved = 0;
  let orphaned = 0;
  for (const coding of codings) {
    const found = resolveAnchor(text, coding);
    if (found.status === "exact" && !coding.orphaned) continue;
    if (found.status === "orphaned") {
      orphaned++;
      if (!coding.orphaned) await tx.coding.update({ where: { id: coding.id }, data: { orphaned: true } });
      continue;
    }
    moved++;
    // The stored anchor follows the passage, so it describes the text as it now reads.
    const anchor = anchorAt(text, found.start, found.end)!;
    await tx.coding.update({ where: { id: coding.id }, data: { ...anchor, orphaned: false } });
  }
  return { moved, orphaned };
}
