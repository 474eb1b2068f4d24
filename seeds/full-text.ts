// Cuts a paper's own text out of a scraped page: from the curated start marker to the end marker,
// without the lines the curator marked as site noise, with the page's indentation and blank-line
// runs normalised so paragraphs read cleanly.
export interface FullTextSpec {
  start: string;
  end: string;
  dropLines: string[];
}

export function extractFullText(document: string, spec: FullTextSpec): string {
  const text = document.replace(/\r\n?/g, "\n");
  const startAt = uniqueIndex(text, spec.start, "start");
  const endAt = uniqueIndex(text, spec.end, "end") + spec.end.length;
  if (endAt <= startAt) throw new Error("full-text end marker comes before its start marker");
  const drop = new Set(spec.dropLines.map((line) => line.trim()));
  const paragraphs = text
    .slice(startAt, endAt)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => !drop.has(line));
  return paragraphs
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function uniqueIndex(text: string, marker: string, name: string): number {
  const first = text.indexOf(marker);
  if (first < 0) throw new Error(`full-text ${name} marker not found: ${marker.slice(0, 40)}`);
  if (text.indexOf(marker, first + 1) >= 0) throw new Error(`full-text ${name} marker occurs more than once`);
  return first;
}
