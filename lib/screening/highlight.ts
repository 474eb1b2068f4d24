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

/**
 * Longer words win where two overlap (治理体系 before 治理), and Latin words match regardless of case.
 * Chinese has no word boundaries, so a word matches wherever its characters appear.
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  const words = [...new Set(terms.map((term) => term.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!text || words.length === 0) return text ? [{ text, term: null }] : [];
  const canonical = new Map(words.map((word) => [word.toLowerCase(), word]));
  const pattern = new RegExp(words.map(escapeRegExp).join("|"), "gi");
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) segments.push({ text: text.slice(last, start), term: null });
    segments.push({ text: match[0], term: canonical.get(match[0].toLowerCase()) ?? match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), term: null });
  return segments;
}

/** How often each highlight word occurs, for the panel's legend ("韧性 ×12"). */
export function countHighlights(text: string, terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const segment of highlightSegments(text, terms)) {
    if (segment.term) counts.set(segment.term, (counts.get(segment.term) ?? 0) + 1);
  }
  return counts;
}
