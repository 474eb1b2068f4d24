// Reading attached files: the list an item page shows (with extraction progress), the library's per-item
// summary, and the bytes for a download — all scoped by the reader's membership, so a foreign id finds nothing.
import type { Readable } from "node:stream";
import { z } from "zod";
import { authorize } from "@/lib/authz/authorize";
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

export async function listItemFiles(userId: string, reviewId: string, itemId: string): Promise<ItemFileView[]> {
  await authorize(userId, reviewId, "review.read");
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
export async function fileText(userId: string, reviewId: string, fileId: string): Promise<string | null> {
  await authorize(userId, reviewId, "review.read");
  const file = await db().itemFile.findFirst({ where: { id: fileId, reviewId }, select: { extractedText: true } });
  if (!file) throw new AppError("NOT_FOUND", `file ${fileId} not in review ${reviewId}`);
  return file.extractedText;
}

/** For the library: per item, its files' count and the state of the one furthest from done. */
export async function fileSummaries(
  userId: string,
  reviewId: string,
): Promise<Map<string, { count: number; state: FileExtractionState; pagesDone: number; pageCount: number | null }>> {
  await authorize(userId, reviewId, "review.read");
  const files = await db().itemFile.findMany({
    where: { reviewId },
    select: { itemId: true, state: true, pagesDone: true, pageCount: true, isMain: true },
  });
  const summaries = new Map<
    string,
    { count: number; state: FileExtractionState; pagesDone: number; pageCount: number | null }
  >();
  for (const file of files) {
    const summary = summaries.get(file.itemId);
    const busy = IN_PROGRESS.includes(file.state) || file.state === "FAILED" || file.state === "OCR_UNAVAILABLE";
    if (!summary)
      summaries.set(file.itemId, { count: 1, state: file.state, pagesDone: file.pagesDone, pageCount: file.pageCount });
    else {
      summary.count += 1;
      if (busy && summary.state === "DONE")
        Object.assign(summary, { state: file.state, pagesDone: file.pagesDone, pageCount: file.pageCount });
    }
  }
  return summaries;
}

const fileRef = z.object({ reviewId: z.string().min(1).max(64), fileId: z.string().min(1).max(64) });

/** A file's bytes for a member of its review; anyone else gets NOT_FOUND, as for the item. */
export async function openItemFile(
  userId: string,
  rawInput: unknown,
): Promise<{ fileName: string; byteSize: number; sha256: string; stream: Readable }> {
  const input = parseInput(fileRef, rawInput);
  await authorize(userId, input.reviewId, "review.read");
  const file = await db().itemFile.findFirst({
    where: { id: input.fileId, reviewId: input.reviewId, item: { deletedAt: null } },
    select: { fileName: true, byteSize: true, sha256: true },
  });
  if (!file) throw new AppError("NOT_FOUND", `file ${input.fileId} not in review ${input.reviewId}`);
  return { ...file, stream: await fileStore().get(file.sha256) };
}
