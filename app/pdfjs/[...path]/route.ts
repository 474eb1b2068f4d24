// pdf.js for the browser, served by the app from the installed package: the library and its worker (same-origin
// module files, so no eval and no CDN), the CMaps Chinese PDFs need and the standard fonts. Nothing is fetched
// from elsewhere at run time. Only these folders and file kinds are served; the version in the URL is ignored
// by the lookup but makes every release a new URL, so the files can be cached for good.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

const PACKAGE_DIR = path.join(process.cwd(), "node_modules", "pdfjs-dist");
const ALLOWED =
  /^(build\/pdf(\.worker)?\.min\.mjs|cmaps\/[A-Za-z0-9_.-]+\.bcmap|standard_fonts\/[A-Za-z0-9_.-]+\.(pfb|ttf)|wasm\/[A-Za-z0-9_.-]+\.wasm)$/;
const TYPES: Record<string, string> = {
  ".mjs": "text/javascript; charset=utf-8",
  ".bcmap": "application/octet-stream",
  ".pfb": "application/octet-stream",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parts = (await params).path;
  // The first segment is the pdf.js version (cache busting), the rest names the file inside the package.
  const relative = parts.slice(1).join("/");
  if (!ALLOWED.test(relative)) return new Response("Not found", { status: 404 });
  const file = path.join(PACKAGE_DIR, relative);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return new Response("Not found", { status: 404 });
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": String(info.size),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
