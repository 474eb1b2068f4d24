// A Content-Security-Policy with a fresh nonce for every page: Next reads the nonce from the request's CSP
// header and puts it on its own scripts, so an injected <script> (without the nonce) does not run.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    host: request.headers.get("host") ?? request.nextUrl.host,
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only. Not API routes, uploads or static files: a proxy makes Next buffer request bodies (up to
      // 10 MB, then silently cut), which would break imports and restores; server actions answer with data,
      // not HTML, and are left out for the same reason.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|reviews/[^/]+/library/import/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
  ],
};
