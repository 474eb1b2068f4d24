// Where a passage of an extracted text sits in its PDF. pageStarts[i] is the offset of page i+1's first character
// in the extracted text (as lib/files records it; lib/files/pages finds the page). The locator a citation
// prints is the page number printed on the paper ("p. 45"), known when the item's page range and the PDF's page
// count agree; otherwise it is the page of the PDF file itself.
import { pageOfOffset as pageOfFileOffset } from "@/lib/files/pages";

/** The 1-based PDF page holding `offset` of the extracted text, or null when there are no pages. */
export function pageOfOffset(pageStarts: readonly number[], offset: number): number | null {
  return pageOfFileOffset({ pageStarts }, offset);
}

/** The PDF pages a span [start, end) of the extracted text covers, first and last. */
export function pagesOfSpan(
  pageStarts: readonly number[],
  start: number,
  end: number,
): { first: number; last: number } | null {
  const first = pageOfOffset(pageStarts, start);
  const last = pageOfOffset(pageStarts, Math.max(start, end - 1));
  return first === null || last === null ? null : { first, last };
}

/** The offsets [start, end) of one page (1-based) in the extracted text. */
export function pageRange(pageStarts: readonly number[], page: number, textLength: number) {
  const start = pageStarts[page - 1] ?? textLength;
  const end = pageStarts[page] ?? textLength;
  return { start, end: Math.max(start, end) };
}

/**
 * The first printed page of an item's page range ("45-52", "45–52", "45"), when the range is plain numbers and
 * the PDF has as many pages as the range (or one more: a cover sheet, as some databases add in front).
 */
export function printedPageOffset(itemPages: string | null | undefined, pageCount: number | null | undefined) {
  if (!itemPages || !pageCount) return null;
  const match = /^\s*(\d{1,6})\s*(?:[-–—~～至]\s*(\d{1,6}))?\s*$/.exec(itemPages);
  if (!match) return null;
  const first = Number(match[1]);
  const last = match[2] ? Number(match[2]) : first;
  if (last < first) return null;
  const printed = last - first + 1;
  if (pageCount === printed) return { first, cover: 0 };
  if (pageCount === printed + 1) return { first, cover: 1 };
  return null;
}

/** The page a citation prints for PDF page `pdfPage`: the paper's own page number where it is known. */
export function pageLocator(
  pdfPage: number,
  itemPages: string | null | undefined,
  pageCount: number | null | undefined,
): string {
  const printed = printedPageOffset(itemPages, pageCount);
  if (!printed || pdfPage <= printed.cover) return String(pdfPage);
  return String(printed.first + pdfPage - 1 - printed.cover);
}
