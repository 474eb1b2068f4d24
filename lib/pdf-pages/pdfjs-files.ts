// Which files of the installed pdfjs-dist the app serves to browsers (app/pdfjs): the library, its worker, the
// CMaps, the standard fonts and the image decoders' wasm — nothing else of node_modules, whatever the URL says.
import path from "node:path";

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

/** The file on disk and its content type for a path inside the package, or null when it is not served. */
export function pdfjsFile(relative: string): { file: string; contentType: string } | null {
  if (!ALLOWED.test(relative) || relative.includes("..")) return null;
  const file = path.join(PACKAGE_DIR, relative);
  return { file, contentType: TYPES[path.extname(file)] ?? "application/octet-stream" };
}
