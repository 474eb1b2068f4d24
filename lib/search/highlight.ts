// Marks what a query matched in a stored text and cuts the fragment around the first hit. Client-safe.

export interface Segment {
  text: string;
  hit: boolean;
}

export type Matcher =
  /** Exact text, case-insensitive (Chinese words, phrases). */
  | { type: "literal"; text: string }
  /** A Latin word starting with an English stem (governance, governing ← govern). */
  | { type: "stem"; stem: string };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function matcherPattern(matchers: Matcher[]): RegExp | null {
  const alternatives = matchers
    .map((m) =>
      m.type === "literal"
        ? escape(m.text).replace(/ /g, "\\s+")
        : `(?<![\\p{L}\\p{N}])${escape(m.stem)}[\\p{L}\\p{N}]*`,
    )
    .filter(Boolean)
    // Longest first, so a phrase wins over a word inside it.
    .sort((a, b) => b.length - a.length);
  return alternatives.length ? new RegExp(alternatives.join("|"), "giu") : null;
}

/** Text as the index folded it (traditional → simplified …); the identity when folding would move offsets. */
export type Folder = (text: string) => string;

function foldedView(text: string, foldText?: Folder): string {
  if (!foldText) return text;
  const folded = foldText(text);
  return folded.length === text.length ? folded : text;
}

/** Every hit of the pattern in the text, as segments; matched on the folded text when a folder is given. */
export function markAll(text: string, pattern: RegExp | null, foldText?: Folder): Segment[] {
  if (!pattern || !text) return text ? [{ text, hit: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  const view = foldedView(text, foldText);
  for (const folded of view.matchAll(pattern)) {
    const match = Object.assign([text.slice(folded.index ?? 0, (folded.index ?? 0) + folded[0].length)], {
      index: folded.index,
    });
    if (!match[0]) continue;
    const at = match.index ?? 0;
    if (at > last) segments.push({ text: text.slice(last, at), hit: false });
    const previous = segments.at(-1);
    // Adjacent hits (城乡 + 融合) read as one mark.
    if (previous?.hit && at === last) previous.text += match[0];
    else segments.push({ text: match[0], hit: true });
    last = at + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), hit: false });
  return segments;
}

export interface Fragment {
  segments: Segment[];
  /** Offset of the first hit in the text, -1 when the text has none. */
  firstHit: number;
  firstHitText: string;
}

/** The part of a long text around its first hit (or its beginning), hits marked. */
export function fragment(
  text: string,
  pattern: RegExp | null,
  before = 40,
  length = 160,
  /** Texts to centre on in preference to the first hit, most specific first (the whole query, its longest word). */
  anchors: string[] = [],
  foldText?: Folder,
): Fragment {
  const flat = text.replace(/\s+/g, " ");
  const locate = (view: string): [number, string] | null => {
    for (const anchor of anchors) {
      const at = anchor ? view.indexOf(anchor.toLowerCase()) : -1;
      if (at >= 0) return [at, flat.slice(at, at + anchor.length)];
    }
    if (!pattern) return null;
    pattern.lastIndex = 0;
    const match = [...view.matchAll(pattern)][0];
    return match ? [match.index ?? 0, flat.slice(match.index ?? 0, (match.index ?? 0) + match[0].length)] : null;
  };
  // Most stored text is already simplified and half-width: folding a whole full text (tens of thousands of
  // characters through OpenCC) is only worth it when the plain text holds no hit.
  const plain = flat.toLowerCase();
  let found = locate(plain);
  if (!found && foldText) {
    const folded = foldedView(flat, foldText);
    if (folded !== flat && folded !== plain) found = locate(folded);
  }
  const [firstHit, firstHitText] = found ?? [-1, ""];
  const start = firstHit > before ? firstHit - before : 0;
  const end = Math.min(flat.length, start + length);
  const cut = flat.slice(start, end);
  const segments = markAll(cut, pattern, foldText);
  if (start > 0) segments.unshift({ text: "…", hit: false });
  if (end < flat.length) segments.push({ text: "…", hit: false });
  // The hit's offset in the original text (whitespace not collapsed) for callers that locate it.
  const original = firstHit >= 0 ? text.indexOf(firstHitText) : -1;
  return { segments, firstHit: original, firstHitText };
}
