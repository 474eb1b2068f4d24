/** Only same-site paths may be used as a post-sign-in destination (no open redirects). */
export function safeCallbackUrl(raw: unknown, fallback = "/reviews"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return fallback;
  return raw;
}
