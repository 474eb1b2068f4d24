// Reads a PDF with pdf.js (the legacy Node build, its CMaps and standard fonts from the package: nothing is
// fetched) and lays its text out with layout.ts. Runs inside the extraction child process (extract-process.ts),
// never in a request: a hostile PDF can only exhaust that process, which the parent limits and kills.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { layOutPages, type LaidOutText, type PageRuns } from "./layout";
import { findDoi, guessTitle, type PdfMetadata } from "./pdf-metadata";

export type ExtractionFailure =
  "ENCRYPTED" | "CORRUPT" | "NOT_PDF" | "NO_PAGES" | "TOO_MANY_PAGES" | "TIMEOUT" | "OUT_OF_MEMORY" | "TOO_LARGE";

export class ExtractionError extends Error {
  constructor(
    readonly code: ExtractionFailure,
    detail: string,
  ) {
    super(detail);
    this.name = "ExtractionError";
  }
}

export interface ExtractedPdf extends LaidOutText {
  pageCount: number;
  /** 1-based numbers of the pages that carry no text layer (scans): OCR's work. */
  pagesWithoutText: number[];
  metadata: PdfMetadata;
}

export const MAX_PAGES = 2000;

function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("pdfjs-dist/package.json"));
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsModule: Promise<PdfJs> | null = null;
function pdfjs(): Promise<PdfJs> {
  pdfjsModule ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsModule;
}

/** Opens a PDF; the failures a user can act on become ExtractionErrors with a code. */
export async function openPdf(bytes: Uint8Array) {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) throw new ExtractionError("NOT_PDF", "the file does not start with %PDF-");
  const { getDocument } = await pdfjs();
  const dir = pdfjsDir();
  try {
    const document = await getDocument({
      data: bytes,
      cMapUrl: `${pathToFileURL(path.join(dir, "cmaps"))}/`,
      cMapPacked: true,
      standardFontDataUrl: `${pathToFileURL(path.join(dir, "standard_fonts"))}/`,
      // Work in this process; no eval of font programs; images no larger than a big scan.
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      maxImageSize: 64 * 1024 * 1024,
      verbosity: 0,
    }).promise;
    if (document.numPages === 0) throw new ExtractionError("NO_PAGES", "the document has no pages");
    if (document.numPages > MAX_PAGES) {
      throw new ExtractionError("TOO_MANY_PAGES", `${document.numPages} pages (at most ${MAX_PAGES})`);
    }
    return document;
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    // pdf.js does not export PasswordException; its errors are known by name.
    const { name, message } = error instanceof Error ? error : { name: "", message: String(error) };
    if (name === "PasswordException") throw new ExtractionError("ENCRYPTED", message);
    throw new ExtractionError("CORRUPT", message);
  }
}

export async function extractPdf(
  filePath: string,
  onProgress: (pagesDone: number, pageCount: number) => void = () => {},
): Promise<ExtractedPdf> {
  const bytes = new Uint8Array(await readFile(filePath));
  const document = await openPdf(bytes);
  try {
    const pages: PageRuns[] = [];
    const pagesWithoutText: number[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      let page;
      try {
        page = await document.getPage(number);
      } catch (error) {
        throw new ExtractionError(
          "CORRUPT",
          `page ${number}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: PageRuns["runs"] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.length === 0) continue;
        const [a, b, , d, e, f] = item.transform as number[];
        // Rotated text (vertical margins notes, watermarks) is not body text.
        if (Math.abs(b!) > Math.abs(a!) * 0.1) continue;
        runs.push({ text: item.str, x: e!, y: f!, width: item.width, size: Math.abs(d!) || item.height });
      }
      const chars = runs.reduce((sum, run) => sum + run.text.trim().length, 0);
      if (chars < 20) pagesWithoutText.push(number);
      // Viewport is in points with the origin top-left; runs use the PDF's own bottom-left origin.
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
      onProgress(number, document.numPages);
    }
    const laidOut = layOutPages(pages);
    const info = (await document.getMetadata().catch(() => null))?.info as Record<string, unknown> | undefined;
    const firstPages = pages.slice(0, 2);
    const metadata: PdfMetadata = {
      title: guessTitle(typeof info?.Title === "string" ? info.Title : null, firstPages),
      // Writer and Word write placeholders when the author field was left empty.
      author:
        typeof info?.Author === "string" &&
        info.Author.trim() &&
        !/^(un-?named|unknown|administrator|user)$/i.test(info.Author.trim())
          ? info.Author.trim()
          : null,
      subject: typeof info?.Subject === "string" && info.Subject.trim() ? info.Subject.trim() : null,
      doi:
        findDoi([info?.Subject, info?.Keywords, info?.Title].filter((v) => typeof v === "string").join(" ")) ??
        findDoi(laidOut.text.slice(0, 6000) + laidOut.footnotes.map((note) => note.text).join(" ")),
    };
    return { ...laidOut, pageCount: document.numPages, pagesWithoutText, metadata };
  } finally {
    await document.destroy();
  }
}
