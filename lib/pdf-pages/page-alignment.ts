// One PDF page's text layer (the strings pdf.js draws, in its order) aligned with the same page's part of the
// extracted text (reading order fixed, headers and page numbers gone, lines joined, hyphens undone). A selection
// on the page becomes offsets in the extracted text, and a coded passage of the text becomes runs of characters
// on the page to highlight. Whitespace differs freely between the two, so it is set aside before aligning;
// characters only one side has (a running header, a removed hyphen) simply stay unmapped.
import DiffMatchPatch from "diff-match-patch";

export interface PageAlignment {
  /** Offset of the page's first character in the extracted text. */
  pageStart: number;
  pageEnd: number;
  /** For each character of the layer text, its offset in the extracted text, or -1. */
  layerToText: Int32Array;
  /** For each character of the page's extracted text (relative to pageStart), its layer index, or -1. */
  textToLayer: Int32Array;
  layerText: string;
}

const isSpace = (char: string) => /\s/u.test(char);

function compact(text: string, from = 0, to = text.length) {
  let kept = "";
  const positions: number[] = [];
  for (let i = from; i < to; i++) {
    const char = text[i]!;
    if (isSpace(char)) continue;
    kept += char;
    positions.push(i);
  }
  return { kept, positions };
}

export function alignPage(layerText: string, extractedText: string, pageStart: number, pageEnd: number): PageAlignment {
  const start = Math.max(0, Math.min(pageStart, extractedText.length));
  const end = Math.max(start, Math.min(pageEnd, extractedText.length));
  const layerToText = new Int32Array(layerText.length).fill(-1);
  const textToLayer = new Int32Array(end - start).fill(-1);
  const layer = compact(layerText);
  const page = compact(extractedText, start, end);
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0.5;
  const diffs =
    layer.kept === page.kept
      ? [[DiffMatchPatch.DIFF_EQUAL, layer.kept] as const]
      : dmp.diff_main(layer.kept, page.kept, false);
  let l = 0;
  let p = 0;
  for (const [op, text] of diffs) {
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      for (let k = 0; k < text.length; k++) {
        const layerIndex = layer.positions[l + k]!;
        const textIndex = page.positions[p + k]!;
        layerToText[layerIndex] = textIndex;
        textToLayer[textIndex - start] = layerIndex;
      }
    }
    if (op !== DiffMatchPatch.DIFF_INSERT) l += text.length;
    if (op !== DiffMatchPatch.DIFF_DELETE) p += text.length;
  }
  return { pageStart: start, pageEnd: end, layerToText, textToLayer, layerText };
}

/**
 * The extracted-text span a selection of layer characters [from, to) stands for: from the first character that
 * has a place in the text to just after the last one. Null when nothing selected is in the text (a header).
 */
export function layerSpanToText(
  alignment: PageAlignment,
  from: number,
  to: number,
): { start: number; end: number } | null {
  let first = -1;
  let last = -1;
  for (let i = Math.max(0, from); i < Math.min(to, alignment.layerToText.length); i++) {
    const at = alignment.layerToText[i]!;
    if (at < 0) continue;
    if (first < 0 || at < first) first = at;
    if (at > last) last = at;
  }
  return first < 0 ? null : { start: first, end: last + 1 };
}

/** The first text offset at or after layer character `from` (for a selection that starts on this page). */
export function textOffsetAtOrAfter(alignment: PageAlignment, from: number): number | null {
  for (let i = Math.max(0, from); i < alignment.layerToText.length; i++) {
    if (alignment.layerToText[i]! >= 0) return alignment.layerToText[i]!;
  }
  return null;
}

/** Just after the last text offset before layer character `to` (for a selection that ends on this page). */
export function textOffsetBefore(alignment: PageAlignment, to: number): number | null {
  for (let i = Math.min(to, alignment.layerToText.length) - 1; i >= 0; i--) {
    if (alignment.layerToText[i]! >= 0) return alignment.layerToText[i]! + 1;
  }
  return null;
}

/**
 * The runs of layer characters [start, end) that show the text span [start, end) on this page, in layer order.
 * Runs separated only by whitespace on the page are joined, so a highlight does not break between words.
 */
export function textSpanToLayerRuns(alignment: PageAlignment, start: number, end: number) {
  const from = Math.max(start, alignment.pageStart);
  const to = Math.min(end, alignment.pageEnd);
  const indices: number[] = [];
  for (let at = from; at < to; at++) {
    const layerIndex = alignment.textToLayer[at - alignment.pageStart]!;
    if (layerIndex >= 0) indices.push(layerIndex);
  }
  indices.sort((a, b) => a - b);
  const runs: { start: number; end: number }[] = [];
  for (const index of indices) {
    const last = runs[runs.length - 1];
    if (last && (index === last.end || onlySpaces(alignment.layerText, last.end, index))) last.end = index + 1;
    else runs.push({ start: index, end: index + 1 });
  }
  return runs;
}

function onlySpaces(text: string, from: number, to: number) {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) if (!isSpace(text[i]!)) return false;
  return true;
}
