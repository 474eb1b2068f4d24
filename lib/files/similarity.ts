// Character-level similarity of extracted text to the text a PDF was made from: 1 − (edit distance ÷ length of
// the source), after both are reduced to their characters (whitespace carries no meaning in Chinese and is
// layout in a PDF). The figure the extraction test asserts a floor on and `bench:pdf` prints.
import DiffMatchPatch from "diff-match-patch";

export function comparable(text: string): string {
  return text.replace(/\s+/g, "");
}

export function characterSimilarity(extracted: string, source: string): number {
  const a = comparable(source);
  const b = comparable(extracted);
  if (a.length === 0) return b.length === 0 ? 1 : 0;
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 10;
  const diffs = dmp.diff_main(a, b, false);
  return Math.max(0, 1 - dmp.diff_levenshtein(diffs) / a.length);
}
