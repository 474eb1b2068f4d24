// How two titles are recognised as the same work: case, full/half width, spaces and punctuation (ASCII and
// CJK) ignored. One pattern for JavaScript and PostgreSQL, so a query and the code agree.
export const TITLE_NOISE = "[\\s!-/:-@\\[-\\x60{-~、。《》“”‘’·—「」『』【】…〈〉]+";

export function normalizedTitle(title: string | null): string {
  return (title ?? "").normalize("NFKC").toLowerCase().replace(new RegExp(TITLE_NOISE, "gu"), "");
}
