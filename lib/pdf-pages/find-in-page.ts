// Find in the PDF: the query matched against a page's text layer with whitespace set aside (pdf.js splits
// Chinese lines and words into pieces with and without spaces), case-insensitively for Latin text.

/** The layer character spans [start, end) where the query occurs on a page. */
export function findInLayer(layerText: string, query: string): { start: number; end: number }[] {
  const needle = [...query.toLowerCase()].filter((char) => !/\s/u.test(char)).join("");
  if (!needle) return [];
  let kept = "";
  const positions: number[] = [];
  for (let i = 0; i < layerText.length; i++) {
    const char = layerText[i]!;
    if (/\s/u.test(char)) continue;
    kept += char.toLowerCase().length === 1 ? char.toLowerCase() : char;
    positions.push(i);
  }
  const found: { start: number; end: number }[] = [];
  for (let at = kept.indexOf(needle); at !== -1; at = kept.indexOf(needle, at + needle.length)) {
    found.push({ start: positions[at]!, end: positions[at + needle.length - 1]! + 1 });
  }
  return found;
}
