// The background side of files: extract a PDF's text (and OCR its scanned pages) in a limited child process,
// store progress as it goes, and give the text to the item when it has none.
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { applyFileText } from "./apply-text";
import { ocrAvailability } from "./ocr";
import { ExtractionError, type ExtractedPdf } from "./pdf-extract";
import { extractionLimits, runExtraction } from "./run-extraction";
import { fileStore } from "./store";

const payload = z.object({ fileId: z.string().min(1).max(64) });

/** A document whose pages mostly carry no text layer is a scan: its text comes from OCR. */
function needsOcr(result: ExtractedPdf): boolean {
  const meaningful = result.text.replace(/\s+/g, "").length;
  return result.pagesWithoutText.length > result.pageCount / 2 && meaningful < result.pageCount * 200;
}

/** Writes progress at most twice a second: a 500-page book does not become 500 updates in a burst. */
function progressWriter(db: Database, fileId: string) {
  let last = 0;
  return async (pagesDone: number, pageCount: number) => {
    const now = Date.now();
    if (now - last < 500 && pagesDone < pageCount) return;
    last = now;
    await db.itemFile.updateMany({ where: { id: fileId }, data: { pagesDone, pageCount } });
  };
}

async function fail(db: Database, fileId: string, error: ExtractionError, context: JobContext) {
  context.log(`extraction of file ${fileId} failed: ${error.code} ${error.message}`);
  await db.itemFile.updateMany({
    where: { id: fileId },
    data: { state: "FAILED", errorCode: error.code, errorDetail: error.message.slice(0, 2000) },
  });
}

/** Stores the extracted text and, for the main file of an item without full text, makes it the item's. */
async function finish(db: Database, fileId: string, result: ExtractedPdf, usedOcr: boolean) {
  await db.$transaction(
    async (tx) => {
      const file = await tx.itemFile.update({
        where: { id: fileId },
        data: {
          state: "DONE",
          pagesDone: result.pageCount,
          pageCount: result.pageCount,
          extractedText: result.text,
          pageStarts: result.pageStarts,
          footnotes: result.footnotes as unknown as Prisma.InputJsonValue,
          usedOcr,
          ...(usedOcr ? {} : { metadata: result.metadata as unknown as Prisma.InputJsonValue }),
          errorCode: null,
          errorDetail: null,
        },
        include: { item: { select: { fullText: true } } },
      });
      if (file.isMain && !file.item.fullText?.trim() && result.text.trim()) {
        await applyFileText(tx, file, null);
      }
    },
    { timeout: 60_000 },
  );
}

export const ocrFileJob = defineJob({
  name: "files.ocr",
  payload,
  maxAttempts: 2,
  // One OCR at a time: Tesseract takes a core per page.
  queue: () => "files.ocr",
  async run({ fileId }, context) {
    const { db } = context;
    const file = await db.itemFile.findUnique({ where: { id: fileId } });
    if (!file || file.state !== "OCR_QUEUED") return;
    const ocr = await ocrAvailability();
    if (!ocr.available) {
      await db.itemFile.update({ where: { id: fileId }, data: { state: "OCR_UNAVAILABLE", errorDetail: ocr.reason } });
      return;
    }
    await db.itemFile.update({ where: { id: fileId }, data: { state: "OCR_RUNNING", pagesDone: 0 } });
    try {
      const filePath = await fileStore().localPath(file.sha256);
      const limits = extractionLimits();
      // OCR takes seconds per page: the time limit grows with the pages.
      const timeoutMs = Math.max(limits.timeoutMs, (file.pageCount ?? 1) * 60_000);
      const result = await runExtraction<ExtractedPdf>(
        { kind: "ocr", filePath },
        { ...limits, timeoutMs },
        progressWriter(db, fileId),
      );
      await finish(db, fileId, result, true);
    } catch (error) {
      if (error instanceof ExtractionError) await fail(db, fileId, error, context);
      else throw error;
    }
  },
});

export const extractFileJob = defineJob({
  name: "files.extract",
  payload,
  maxAttempts: 2,
  async run({ fileId }, context) {
    const { db } = context;
    const file = await db.itemFile.findUnique({ where: { id: fileId } });
    if (!file) return;
    await db.itemFile.update({
      where: { id: fileId },
      data: { state: "EXTRACTING", pagesDone: 0, errorCode: null, errorDetail: null },
    });
    let result: ExtractedPdf;
    try {
      const filePath = await fileStore().localPath(file.sha256);
      result = await runExtraction<ExtractedPdf>(
        { kind: "text", filePath },
        extractionLimits(),
        progressWriter(db, fileId),
      );
    } catch (error) {
      if (error instanceof ExtractionError) return fail(db, fileId, error, context);
      throw error;
    }
    if (!needsOcr(result)) return finish(db, fileId, result, false);
    const ocr = await ocrAvailability();
    await db.$transaction(async (tx) => {
      await tx.itemFile.update({
        where: { id: fileId },
        data: {
          state: ocr.available ? "OCR_QUEUED" : "OCR_UNAVAILABLE",
          pageCount: result.pageCount,
          pagesDone: 0,
          metadata: result.metadata as unknown as Prisma.InputJsonValue,
          errorDetail: ocr.available ? null : ocr.reason,
        },
      });
      if (ocr.available) await enqueueJob(tx, ocrFileJob, { fileId }, { jobKey: `files.ocr:${fileId}` });
    });
  },
});

export const fileJobs = [extractFileJob, ocrFileJob];
