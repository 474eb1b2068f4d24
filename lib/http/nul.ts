// PostgreSQL cannot store the NUL character (U+0000) in text: a NUL that reaches a query fails deep inside
// the database with an error nobody can act on. It is refused at the edge instead, with a message that says
// what is wrong — in URLs by the web server, in input by parseInput, in backups by the backup reader.

/** Where the first NUL sits in a value (a path like "authors.2.bio", "" for the value itself), or null. */
export function findNul(value: unknown, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? "" : null;
  // Input deeper than this is refused by its schema anyway; the walk must not overflow the stack on it.
  if (value === null || typeof value !== "object" || depth > 64) return null;
  if (value instanceof Blob) return null;
  const entries = value instanceof FormData ? [...value.entries()] : Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const inner = findNul(child, depth + 1);
    if (inner !== null) return inner ? `${key}.${inner}` : key;
  }
  return null;
}

/** Whether a request URL (path and query, still percent-encoded) holds an encoded NUL. */
export function urlHasNul(url: string): boolean {
  return /%00/.test(url) || url.includes("\u0000");
}

export const NUL_IN_URL_MESSAGE =
  "400 · 请求地址中含有空字符（%00），无法处理。\nThe address contains a null character (%00) and cannot be processed.\n";
