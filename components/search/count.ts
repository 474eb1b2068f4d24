/** A count as the search shows it: exact, or rounded to two figures when it was estimated. Client-safe. */
export function shownCount(n: number, approximate: boolean): string {
  if (!approximate || n < 100) return n.toLocaleString("en-US");
  const scale = 10 ** (Math.floor(Math.log10(n)) - 1);
  return (Math.round(n / scale) * scale).toLocaleString("en-US");
}
