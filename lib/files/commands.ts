// Files attached to items: attach (from an upload's temp file), choose the main one, remove, and take the
// extracted text as the item's full text. Every write is one transaction that also enqueues the work it causes.
import { open, stat } from "node:fs/promises";
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { parseInput } from "@/lib/validation";
import { applyFileText } from "./apply-text";
import { extractFileJob } from "./jobs";
import { fileStore } from "./store";

/** Why a file was refused before anything was stored; the edge words it with the file's name. */
export type FileRejection = "EMPTY" | "TOO_LARGE" | "NOT_PDF" | "TRUNCATED" | "ALREADY_ATTACHED";

export function rejectFile(reason: FileRejection, fileName: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError("FILE_REJECTED", `${fileName}: ${reason}`, undefined, { reason, fileName, ...extra });
}

export const MAX_FILE_BYTES = Number(process.env.HUITONG_MAX_FILE_MB ?? 200) * 1024 * 1024;

const id = z.string().min(1).max(64);
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .transform((name) => name.replace(/[\\/\u0000-\u001f]/g, "_"));

/**
 * The cheap checks that need no parser: bytes present, the PDF header in the first kilobyte, an end-of-file
 * marker in the last one (a download cut short has none). Damage deeper inside is found by the extraction job.
 */
export async function checkPdfFile(path: string, name: string): Promise<number> {
  const { size } = await stat(path);
  if (size === 0) throw rejectFile("EMPTY", name);
  if (size > MAX_FILE_BYTES) throw rejectFile("TOO_LARGE", name, { size, limit: MAX_FILE_BYTES });
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(Math.min(1024, size));
    await handle.read(head, 0, head.length, 0);
    if (!head.toString("latin1").includes("%PDF-")) throw rejectFile("NOT_PDF", name);
    const tail = Buffer.alloc(Math.min(2048, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    if (!tail.toString("latin1").includes("%%EOF")) throw rejectFile("TRUNCATED", name);
  } finally {
    await handle.close();
  }
  return size;
}

const attachSchema = z.object({
  reviewId: id,
  itemId: id,
  fileName,
  /** Make it the main full text even when the item already has one. */
  makeMain: z.boolean().default(false),
});

/**
 * Attaches an uploaded PDF (a temp file the route streamed the body into) to an item: checked, stored under
 * its hash, recorded and queued for extraction in one transaction. The first file of an item is its main one.
 */
export async function attachFile(
  access: ReviewAccess,
  rawInput: unknown,
  tempPath: string,
): Promise<{ fileId: string; sha256: string }> {
  const { userId } = access;
  const input = parseInput(attachSchema, rawInput);
  access.require("item.update", input.reviewId);
  await checkPdfFile(tempPath, input.fileName);
  const stored = await fileStore().putFile(tempPath);
  try {
    return await db().$transaction(async (tx) => {
      await confirmAccess(access, "item.update", tx, input.reviewId);
      const item = await tx.reviewItem.findFirst({
        where: { id: input.itemId, reviewId: input.reviewId, deletedAt: null },
        select: { id: true },
      });
      if (!item) throw new AppError("NOT_FOUND", `item ${input.itemId} not in review ${input.reviewId}`);
      const fileId = await insertFile(tx, {
        reviewId: input.reviewId,
        itemId: input.itemId,
        fileName: input.fileName,
        sha256: stored.sha256,
        byteSize: stored.byteSize,
        makeMain: input.makeMain,
        userId,
      });
      return { fileId, sha256: stored.sha256 };
    });
  } catch (error) {
    await forgetIfUnused(stored.sha256);
    throw error;
  }
}

/** The file row, its blob row and its extraction job, inside the caller's transaction. */
export async function insertFile(
  tx: Transaction,
  args: {
    reviewId: string;
    itemId: string;
    fileName: string;
    sha256: string;
    byteSize: number;
    makeMain: boolean;
    userId: string;
  },
): Promise<string> {
  const existing = await tx.itemFile.findUnique({
    where: { itemId_sha256: { itemId: args.itemId, sha256: args.sha256 } },
    select: { fileName: true },
  });
  if (existing) throw rejectFile("ALREADY_ATTACHED", args.fileName, { existing: existing.fileName });
  await tx.fileBlob.upsert({
    where: { sha256: args.sha256 },
    create: { sha256: args.sha256, byteSize: args.byteSize, mime: "application/pdf" },
    update: {},
  });
  const hasMain = (await tx.itemFile.count({ where: { itemId: args.itemId, isMain: true } })) > 0;
  const isMain = args.makeMain || !hasMain;
  if (isMain && hasMain) await tx.itemFile.updateMany({ where: { itemId: args.itemId }, data: { isMain: false } });
  const file = await tx.itemFile.create({
    data: {
      reviewId: args.reviewId,
      itemId: args.itemId,
      sha256: args.sha256,
      fileName: args.fileName,
      byteSize: args.byteSize,
      isMain,
      createdById: args.userId,
    },
    select: { id: true },
  });
  await enqueueJob(tx, extractFileJob, { fileId: file.id }, { jobKey: `files.extract:${file.id}` });
  await recordActivity(tx, {
    reviewId: args.reviewId,
    actorId: args.userId,
    kind: "item.fileAttached",
    subjectType: "item",
    subjectId: args.itemId,
    data: { fileId: file.id, fileName: args.fileName },
  });
  return file.id;
}

/** Deletes stored bytes no file row points to any more (after a failed attach or a removal). */
export async function forgetIfUnused(sha256: string): Promise<void> {
  const used = await db().itemFile.count({ where: { sha256 } });
  if (used > 0) return;
  await db().fileBlob.deleteMany({ where: { sha256, itemFiles: { none: {} } } });
  if ((await db().fileBlob.count({ where: { sha256 } })) === 0) await fileStore().delete(sha256);
}

const fileRef = z.object({ reviewId: id, fileId: id });

async function loadFile(tx: Transaction, reviewId: string, fileId: string) {
  const file = await tx.itemFile.findFirst({
    where: { id: fileId, reviewId, item: { deletedAt: null } },
    include: { item: { select: { id: true, fullText: true } } },
  });
  if (!file) throw new AppError("NOT_FOUND", `file ${fileId} not in review ${reviewId}`);
  return file;
}

export async function setMainFile(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const input = parseInput(fileRef, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "item.update", tx, input.reviewId);
    const file = await loadFile(tx, input.reviewId, input.fileId);
    await tx.itemFile.updateMany({ where: { itemId: file.itemId }, data: { isMain: false } });
    await tx.itemFile.update({ where: { id: file.id }, data: { isMain: true } });
  });
}

export async function removeFile(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(fileRef, rawInput);
  const sha256 = await db().$transaction(async (tx) => {
    await confirmAccess(access, "item.update", tx, input.reviewId);
    const file = await loadFile(tx, input.reviewId, input.fileId);
    await tx.itemFile.delete({ where: { id: file.id } });
    // The main file goes: the next file (oldest first) becomes the main one. The item's text stays.
    if (file.isMain) {
      const next = await tx.itemFile.findFirst({ where: { itemId: file.itemId }, orderBy: { createdAt: "asc" } });
      if (next) await tx.itemFile.update({ where: { id: next.id }, data: { isMain: true } });
    }
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "item.fileRemoved",
      subjectType: "item",
      subjectId: file.itemId,
      data: { fileName: file.fileName },
    });
    return file.sha256;
  });
  await forgetIfUnused(sha256);
}

/** A member confirms, after the comparison, that the file's text replaces the item's full text. */
export async function takeFileText(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(fileRef, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "item.update", tx, input.reviewId);
    const file = await loadFile(tx, input.reviewId, input.fileId);
    if (file.state !== "DONE" || !file.extractedText) {
      throw new AppError("INVALID_INPUT", `file ${file.id} has no extracted text yet`);
    }
    await applyFileText(tx, file, userId);
  });
}

/** A member keeps the item's own full text: the offer to replace it is not shown again. */
export async function keepItemText(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const input = parseInput(fileRef, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "item.update", tx, input.reviewId);
    const file = await loadFile(tx, input.reviewId, input.fileId);
    await tx.itemFile.update({ where: { id: file.id }, data: { textDeclinedAt: new Date() } });
  });
}

/** Runs a failed or unfinished extraction again (after installing Tesseract, say). */
export async function retryExtraction(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const input = parseInput(fileRef, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "item.update", tx, input.reviewId);
    const file = await loadFile(tx, input.reviewId, input.fileId);
    await tx.itemFile.update({
      where: { id: file.id },
      data: { state: "QUEUED", pagesDone: 0, errorCode: null, errorDetail: null },
    });
    await enqueueJob(tx, extractFileJob, { fileId: file.id }, { jobKey: `files.extract:${file.id}` });
  });
}
