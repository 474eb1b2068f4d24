// Text anchors for coded passages: the quote, a little context either side and the offsets. Resolving an anchor
// against the current text finds the passage again when the text was re-rendered or lightly corrected, and says
// so honestly (exact, moved, fuzzy) — or reports it orphaned instead of pointing at the wrong words.

export const CONTEXT_LENGTH = 32;
/** How close a corrected passage must stay to the coded quote to count as the same passage. */
const FUZZY_THRESHOLD = 0.75;
const MAX_CANDIDATES = 200;

export interface TextAnchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export type AnchorStatus = "exact" | "moved" | "fuzzy" | "orphaned";

export interface ResolvedAnchor {
  start: number;
  end: number;
  status: AnchorStatus;
}

/** The anchor of text[start, end), or null when the range is empty, out of bounds or only whitespace. */
export function anchorAt(text: string, start: number, end: number): TextAnchor | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) return null;
  const quote = text.slice(start, end);
  if (quote.trim() === "") return null;
  return {
    start,
    end,
    quote,
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

export function resolveAnchor(text: string, anchor: TextAnchor): ResolvedAnchor {
  const { start, end, quote } = anchor;
  if (text.slice(start, end) === quote) return { start, end, status: "exact" };

  const occurrences = findAll(text, quote);
  if (occurrences.length > 0) {
    const best = bestBy(
      occurrences,
      (at) => contextScore(text, at, at + quote.length, anchor) - distancePenalty(at, start),
    );
    return { start: best, end: best + quote.length, status: "moved" };
  }

  const fuzzy = findFuzzy(text, anchor);
  if (fuzzy) return { ...fuzzy, status: "fuzzy" };
  const clampedStart = Math.min(start, text.length);
  return { start: clampedStart, end: Math.min(Math.max(end, clampedStart), text.length), status: "orphaned" };
}

function findAll(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = text.indexOf(needle); at !== -1 && found.length < MAX_CANDIDATES; at = text.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

function bestBy<T>(values: T[], score: (value: T) => number): T {
  let best = values[0] as T;
  let bestScore = score(best);
  for (const value of values.slice(1)) {
    const s = score(value);
    if (s > bestScore) [best, bestScore] = [value, s];
  }
  return best;
}

/** How many characters of the stored context still sit right before and after a candidate. */
function contextScore(text: string, start: number, end: number, anchor: TextAnchor): number {
  return (
    commonSuffixLength(text.slice(Math.max(0, start - anchor.prefix.length), start), anchor.prefix) +
    commonPrefixLength(text.slice(end, end + anchor.suffix.length), anchor.suffix)
  );
}

// A tie-breaker only: context decides, and among equals the candidate nearest the old place wins.
const distancePenalty = (at: number, original: number) => Math.abs(at - original) / 1e9;

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The passage after a light correction: a span that begins where the quote's head (or the context before it)
 * still is, ends where its tail (or the context after it) still is, and reads nearly the same as the quote.
 */
function findFuzzy(text: string, anchor: TextAnchor): { start: number; end: number } | null {
  const { quote } = anchor;
  const piece = Math.max(2, Math.min(12, Math.floor(quote.length / 3)));
  const starts = new Set<number>();
  for (const at of findAll(text, quote.slice(0, piece))) starts.add(at);
  if (anchor.prefix.length >= 4) for (const at of findAll(text, anchor.prefix)) starts.add(at + anchor.prefix.length);
  const ends = new Set<number>();
  for (const at of findAll(text, quote.slice(-piece))) ends.add(at + piece);
  if (anchor.suffix.length >= 4) for (const at of findAll(text, anchor.suffix)) ends.add(at);

  const minLength = Math.floor(quote.length * 0.7);
  const maxLength = Math.ceil(quote.length * 1.3) + 2;
  let best: { start: number; end: number; score: number } | null = null;
  for (const start of starts) {
    for (const end of ends) {
      const length = end - start;
      if (length < minLength || length > maxLength) continue;
      const score = similarity(text.slice(start, end), quote) - distancePenalty(start, anchor.start);
      if (score >= FUZZY_THRESHOLD && (!best || score > best.score)) best = { start, end, score };
    }
  }
  return best && { start: best.start, end: best.end };
}

/** 1 for equal strings, falling towards 0 as more characters must change (Levenshtein distance). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length]! / longest;
}
