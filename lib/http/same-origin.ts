// Cross-site request forgery on route handlers. Cookies are "same-site", and a site is only the registrable
// domain: a page on another port or subdomain of the same host (a student's test server, a preview deploy) sends
// the signed-in user's cookie along with a form it posts here. Server actions refuse such requests by comparing
// Origin with Host; route handlers that change something do the same through the route factory in lib/http/route.ts.
export type OriginVerdict = "same-origin" | "cross-origin" | "no-browser-signal";

/**
 * Judges a request by what the browser says about where it comes from: Sec-Fetch-Site when present (every
 * current browser sends it), then Origin against the host the request was sent to. A request with neither
 * comes from a program, not a browser page, and so carries no cookie a page could have borrowed.
 */
export function judgeOrigin(headers: Headers): OriginVerdict {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return "cross-origin";
  const origin = headers.get("origin");
  if (origin === null) return fetchSite === "same-origin" ? "same-origin" : "no-browser-signal";
  // The same rule as Next.js's server actions: the Origin's host must be the host the request was addressed to.
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return "cross-origin";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "cross-origin";
  }
  return originHost.toLowerCase() === host.toLowerCase() ? "same-origin" : "cross-origin";
}
