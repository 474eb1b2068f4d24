// Splits a text at the review's highlight words, so the screening desk can mark them in the abstract and the
// full text. Pure: the same words mark the same places on the server and in the browser.

export interface TextSegment {
  text: string;
  /** The highlight word this segment matched, as the review spelled it; null for plain text. */
  term: string | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where a highlight word occurs: [start, end) in the text, and the word as the review spelled it. */
export interface TermSpan {
  start: number;
  end: number;
  term: string;
}

/**
 * Every occurrence of the highlight words, in order. Longer words win where two overlap (治理体系 before 治理), and
 * Latin words match regardless of case. Chinese has no word boundaries, so a word matches wherever its characters
 * appear. The PDF page marks these spans of the extracted text on its pages, so its marks and counts are the text
 * view's.
 */
export function highlightSpans(text: string, terms: readonly string[]): TermSpan[] {
  const words = [...new Set(terms.map((term) => term.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!text || words.length === 0) return [];
  const canonical = new Map(words.map((word) => [word.toLowerCase(), word]));
  const pattern = new RegExp(words.map(escapeRegExp).join("|"), "gi");
  return [...text.matchAll(pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    term: canonical.get(match[0].toLowerCase()) ?? match[0],
  }));
}

/** The text cut at the highlight words, keeping it whole (see highlightSpans). */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  if (!text) return [];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const span of highlightSpans(text, terms)) {
    if (span.start > last) segments.push({ text: text.slice(last, span.start), term: null });
    segments.push({ text: text.slice(span.start, span.end), term: span.term });
    last = span.end;
  }
  if (last < text.length) segments.push({ text: text.slice(last), term: null });
  return segments;
}

/** How often each highlight word occurs, for the panel's legend ("韧性 ×12"). */
export function countHighlights(text: string, terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const span of highlightSpans(text, terms)) counts.set(span.term, (counts.get(span.term) ?? 0) + 1);
  return counts;
}
