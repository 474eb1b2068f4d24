// Reading attached files: the list an item page shows (with extraction progress), the library's per-item
// summary, and the bytes for a download — all scoped by the reader's membership, so a foreign id finds nothing.
import type { Readable } from "node:stream";
import { z } from "zod";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import type { FileExtractionState } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { fileStore } from "./store";

export interface ItemFileView {
  id: string;
  fileName: string;
  byteSize: number;
  isMain: boolean;
  pageCount: number | null;
  pagesDone: number;
  state: FileExtractionState;
  errorCode: string | null;
  errorDetail: string | null;
  usedOcr: boolean;
  footnoteCount: number;
  textLength: number;
  textAppliedAt: string | null;
  textDeclinedAt: string | null;
  createdAt: string;
}

export const IN_PROGRESS: FileExtractionState[] = ["QUEUED", "EXTRACTING", "OCR_QUEUED", "OCR_RUNNING"];

export async function listItemFiles(access: ReviewAccess, itemId: string): Promise<ItemFileView[]> {
  const { reviewId } = access.require("review.read");
  const files = await db().itemFile.findMany({
    where: { reviewId, itemId },
    orderBy: [{ isMain: "desc" }, { createdAt: "asc" }],
  });
  return files.map((file) => ({
    id: file.id,
    fileName: file.fileName,
    byteSize: file.byteSize,
    isMain: file.isMain,
    pageCount: file.pageCount,
    pagesDone: file.pagesDone,
    state: file.state,
    errorCode: file.errorCode,
    errorDetail: file.errorDetail,
    usedOcr: file.usedOcr,
    footnoteCount: Array.isArray(file.footnotes) ? file.footnotes.length : 0,
    textLength: file.extractedText?.length ?? 0,
    textAppliedAt: file.textAppliedAt?.toISOString() ?? null,
    textDeclinedAt: file.textDeclinedAt?.toISOString() ?? null,
    createdAt: file.createdAt.toISOString(),
  }));
}

/** The main file's extracted text, for the comparison shown before it replaces an item's full text. */
export async function fileText(access: ReviewAccess, fileId: string): Promise<string | null> {
  const { reviewId } = access.require("review.read");
  const file = await db().itemFile.findFirst({ where: { id: fileId, reviewId }, select: { extractedText: true } });
  if (!file) throw new AppError("NOT_FOUND", `file ${fileId} not in review ${reviewId}`);
  return file.extractedText;
}

const fileRef = z.object({ reviewId: z.string().min(1).max(64), fileId: z.string().min(1).max(64) });

/** A file's bytes for a member of its review; anyone else gets NOT_FOUND, as for the item. */
export async function openItemFile(
  access: ReviewAccess,
  rawInput: unknown,
): Promise<{ fileName: string; byteSize: number; sha256: string; stream: Readable }> {
  const input = parseInput(fileRef, rawInput);
  access.require("review.read", input.reviewId);
  const file = await db().itemFile.findFirst({
    where: { id: input.fileId, reviewId: input.reviewId, item: { deletedAt: null } },
    select: { fileName: true, byteSize: true, sha256: true },
  });
  if (!file) throw new AppError("NOT_FOUND", `file ${input.fileId} not in review ${input.reviewId}`);
  return { ...file, stream: await fileStore().get(file.sha256) };
}

export interface ReviewFileActivity {
  id: string;
  itemId: string;
  fileName: string;
  state: FileExtractionState;
  pagesDone: number;
  pageCount: number | null;
  errorCode: string | null;
  errorDetail: string | null;
}

/** The review's files still being read, and those that failed in the last day: the library's progress panel. */
export async function listFileActivity(access: ReviewAccess): Promise<ReviewFileActivity[]> {
  const { reviewId } = access.require("review.read");
  const since = new Date(Date.now() - 24 * 3600_000);
  return db().itemFile.findMany({
    where: {
      reviewId,
      item: { deletedAt: null },
      OR: [{ state: { in: IN_PROGRESS } }, { state: { in: ["FAILED", "OCR_UNAVAILABLE"] }, updatedAt: { gte: since } }],
    },
    select: {
      id: true,
      itemId: true,
      fileName: true,
      state: true,
      pagesDone: true,
      pageCount: true,
      errorCode: true,
      errorDetail: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
  });
}

/** Every item of the review by title, for choosing where a dropped PDF goes. */
export async function listItemChoices(
  access: ReviewAccess,
): Promise<{ id: string; titleZh: string | null; titleEn: string | null; year: number | null }[]> {
  const { reviewId } = access.require("review.read");
  return db().reviewItem.findMany({
    where: { reviewId, deletedAt: null },
    select: { id: true, titleZh: true, titleEn: true, year: true },
    orderBy: [{ titleZh: "asc" }, { titleEn: "asc" }],
  });
}
