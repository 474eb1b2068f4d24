// Where to go after signing in. Only a path on this site is accepted, judged the way the browser will read it:
// the WHATWG URL parser drops tabs and newlines and treats "\" like "/", so "/%09/evil.example" or "/\tevil"
// would leave the site if we only looked at the first characters.
const BASE = "http://huitong.invalid";

export function safeCallbackUrl(raw: unknown, fallback = "/reviews"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000 || !raw.startsWith("/")) return fallback;
  // Control characters never belong in a path; a newline in a Location header is a server error.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (parsed.origin !== BASE) return fallback;
  // The decoded form must not become protocol-relative either ("/%2F/evil" is harmless to the parser, but
  // some proxies decode before routing): refuse a path that starts with two slashes in any spelling.
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  if (
    path.startsWith("//") ||
    safeDecode(parsed.pathname)
      .replace(/[\s\\]/g, "/")
      .startsWith("//")
  )
    return fallback;
  return path;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
