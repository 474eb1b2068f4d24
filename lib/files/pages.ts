// Passages map back to pages: an ItemFile remembers the offset in its extracted text where each page starts.
export interface PagedText {
  pageStarts: readonly number[];
}

/**
 * The 1-based page holding the character at `offset` of the file's extracted text (the item's full text when
 * the file's text became it); null when the file has no pages recorded or the offset is negative.
 */
export function pageOfOffset(file: PagedText, offset: number): number | null {
  const starts = file.pageStarts;
  if (starts.length === 0 || offset < 0 || !Number.isFinite(offset)) return null;
  // The last page whose start is at or before the offset (pages without text share their successor's start).
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
