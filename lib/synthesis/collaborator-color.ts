// Each member keeps one caret colour everywhere, derived from their id; the palette stays readable on white.
const PALETTE = ["#0f766e", "#b45309", "#7c3aed", "#be123c", "#1d4ed8", "#15803d", "#c2410c", "#a21caf"];

export function collaboratorColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? "#0f766e";
}
