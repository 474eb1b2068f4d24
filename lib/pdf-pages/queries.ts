// Reads for reading on the page: an item's PDF with the text extracted from it, and the PDF pages of coded
// passages (for the page numbers theme pages, the matrix and synthesis quotes cite).
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { pageLocator, pageOfOffset } from "./page-of-offset";
import { offsetMap } from "./text-mapping";

/**
 * The PDF an item is read in: its main file once its text is extracted, else the earliest extracted one. Files
 * still being extracted are reported too, so the page can say so.
 */
export async function getItemPdf(access: ReviewAccess, itemId: string) {
  const { reviewId } = access.require("review.read");
  const item = await db().reviewItem.findFirst({ where: { id: itemId, reviewId }, select: { id: true } });
  if (!item) throw new AppError("NOT_FOUND", `item ${itemId} not in review ${reviewId}`);
  const files = await db().itemFile.findMany({
    where: { itemId, reviewId },
    orderBy: [{ isMain: "desc" }, { createdAt: "asc" }],
    select: {
      id: true,
      fileName: true,
      isMain: true,
      state: true,
      pageCount: true,
      pageStarts: true,
      extractedText: true,
    },
  });
  const readable = files.find((file) => file.state === "DONE" && file.extractedText !== null) ?? null;
  return {
    file: readable && { ...readable, extractedText: readable.extractedText ?? "" },
    pending: !readable && files.some((file) => file.state !== "DONE" && file.state !== "FAILED"),
  };
}

export interface PassagePage {
  /** The page of the PDF file, 1-based. */
  pdfPage: number;
  /** The page the paper prints there ("45"), the locator a citation gives. */
  locator: string;
}

/**
 * The PDF pages of full-text passages of the access's review (items of other reviews give nothing). Offsets are
 * in the item's full text; where that text is not the extracted text (a member corrected
 * or kept their own), they are carried over by a character diff. Items without an extracted PDF give nothing.
 */
export async function pagesOfPassages(
  access: ReviewAccess,
  passages: readonly { id: string; itemId: string; field: string; start: number }[],
): Promise<Map<string, PassagePage>> {
  const { reviewId } = access.require("review.read");
  const found = new Map<string, PassagePage>();
  const itemIds = [...new Set(passages.filter((p) => p.field === "FULL_TEXT").map((p) => p.itemId))];
  if (itemIds.length === 0) return found;
  const files = await db().$queryRaw<
    {
      itemId: string;
      fileId: string;
      pageStarts: number[];
      pageCount: number | null;
      pages: string | null;
      same: boolean;
    }[]
  >`
    SELECT DISTINCT ON (f."itemId") f."itemId", f.id AS "fileId", f."pageStarts", f."pageCount", i.pages,
           (f."extractedText" = i."fullText") AS same
    FROM "ItemFile" f JOIN "ReviewItem" i ON i.id = f."itemId"
    WHERE f."itemId" = ANY(${itemIds}) AND i."reviewId" = ${reviewId} AND f.state = 'DONE' AND f."extractedText" IS NOT NULL
    ORDER BY f."itemId", f."isMain" DESC, f."createdAt" ASC`;
  const differing = files.filter((file) => !file.same).map((file) => file.fileId);
  const maps = new Map<string, ReturnType<typeof offsetMap>>();
  if (differing.length > 0) {
    const texts = await db().itemFile.findMany({
      where: { id: { in: differing } },
      select: { itemId: true, extractedText: true, item: { select: { fullText: true } } },
    });
    for (const text of texts) maps.set(text.itemId, offsetMap(text.item.fullText ?? "", text.extractedText ?? ""));
  }
  const byItem = new Map(files.map((file) => [file.itemId, file]));
  for (const passage of passages) {
    const file = passage.field === "FULL_TEXT" ? byItem.get(passage.itemId) : undefined;
    if (!file) continue;
    const offset = maps.get(passage.itemId)?.map(passage.start) ?? passage.start;
    const pdfPage = pageOfOffset(file.pageStarts, offset);
    if (pdfPage === null) continue;
    found.set(passage.id, { pdfPage, locator: pageLocator(pdfPage, file.pages, file.pageCount) });
  }
  return found;
}

/** An attached file's stored bytes, for reading it in the browser: any member who may read the review. */
export async function getFileForReading(access: ReviewAccess, fileId: string) {
  const { reviewId } = access.require("review.read");
  const file = await db().itemFile.findFirst({
    where: { id: fileId, reviewId },
    select: { sha256: true, byteSize: true, fileName: true },
  });
  if (!file) throw new AppError("NOT_FOUND", `file ${fileId} not in review ${reviewId}`);
  return file;
}

/** What a side panel needs to read an item: its full text and, when it has one, its extracted PDF. */
export async function getItemReading(access: ReviewAccess, itemId: string) {
  const { reviewId } = access;
  const { file } = await getItemPdf(access, itemId);
  const item = await db().reviewItem.findFirst({ where: { id: itemId, reviewId }, select: { fullText: true } });
  return {
    fullText: item?.fullText ?? null,
    pdf: file && {
      fileId: file.id,
      fileName: file.fileName,
      extractedText: file.extractedText,
      pageStarts: file.pageStarts,
    },
  };
}
