// Each member keeps one caret colour everywhere, derived from their id; the palette stays readable on white.
const PALETTE = [
  "#0f766e",
  "#1d4ed8",
  "#be123c",
  "#7c3aed",
  "#15803d",
  "#b45309",
  "#0369a1",
  "#a21caf",
  "#4d7c0f",
  "#9f1239",
  "#4338ca",
  "#57534e",
];

export function collaboratorColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? "#0f766e";
}
