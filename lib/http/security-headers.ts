// The browser-side defences every response carries, in one place: the Content-Security-Policy (built per
// request around a nonce, by proxy.ts) and the static headers (next.config.ts).

/** Bodies a server action may carry: the item form's full text (2,000,000 characters, up to 3 bytes each in
 * UTF-8) with every other field at its limit fits, and so does a round's annotated Word file coming back
 * (word-import-actions.ts); larger bodies are refused by Next before the action runs. */
export const SERVER_ACTION_BODY_LIMIT_MB = 20;

/**
 * The policy for an HTML page. Scripts: only those carrying this response's nonce, and what they load
 * ('strict-dynamic': Next's chunks). Styles: the app's own stylesheets plus inline style attributes — React,
 * Tiptap and the collaboration carets write `style="…"`, and a style cannot run code. The editor's socket
 * is on the same host (/collab); pdf.js runs its worker from a blob.
 */
export function contentSecurityPolicy(nonce: string, options: { host: string; dev: boolean }): string {
  // 'wasm-unsafe-eval' lets pdf.js compile its WebAssembly image decoders; it does not allow eval().
  const scriptSources = [
    `'self'`,
    `'nonce-${nonce}'`,
    `'strict-dynamic'`,
    `'wasm-unsafe-eval'`,
    ...(options.dev ? [`'unsafe-eval'`] : []),
  ];
  return [
    `default-src 'self'`,
    `script-src ${scriptSources.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self' ws://${options.host} wss://${options.host}`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join("; ");
}

/** Headers for every response, pages, downloads and API alike. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** Sent only when the request arrived over HTTPS (directly or through a proxy that says so): a browser that
 * saw HSTS over plain HTTP on localhost would refuse the app's own http:// address afterwards. */
export const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };
