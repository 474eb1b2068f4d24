// Splits a text into paragraphs (keeping their offsets in the stored text) and a paragraph into segments, each
// covered by the same set of codings, so overlapping highlights render as flat, non-nested marks.

export interface Paragraph {
  start: number;
  end: number;
}

export interface SpanCoding {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  codingIds: string[];
  /** Codings whose passage begins in this segment: where "show in the text" scrolls to. */
  startsCodingIds: string[];
}

export function paragraphsOf(text: string): Paragraph[] {
  return [...text.matchAll(/[^\n]+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

export function segmentsOf(paragraph: Paragraph, codings: readonly SpanCoding[]): Segment[] {
  const inside = codings.filter((coding) => coding.start < paragraph.end && coding.end > paragraph.start);
  const cuts = new Set([paragraph.start, paragraph.end]);
  for (const coding of inside) {
    cuts.add(Math.max(coding.start, paragraph.start));
    cuts.add(Math.min(coding.end, paragraph.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = inside.filter((coding) => coding.start < end && coding.end > start);
    segments.push({
      start,
      end,
      codingIds: covering.map((coding) => coding.id),
      // A passage continuing from the previous paragraph "starts" here too; the first mark in the page wins.
      startsCodingIds: covering
        .filter((coding) => Math.max(coding.start, paragraph.start) === start)
        .map((coding) => coding.id),
    });
  }
  return segments;
}
