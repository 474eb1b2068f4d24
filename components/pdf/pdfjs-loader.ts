// Loads pdf.js in the browser from the app's own copy (app/pdfjs), once per page load, and opens documents
// with the CMaps and standard fonts served the same way: nothing comes from a CDN and nothing is evaluated
// from strings, so a strict Content-Security-Policy ('self' scripts and workers) allows it.
import type * as PdfJs from "pdfjs-dist";
import { PDFJS_ASSETS } from "@/lib/pdf-pages/assets";

export type PdfLibrary = typeof PdfJs;
export type PdfDocument = PdfJs.PDFDocumentProxy;
export type PdfPageProxy = PdfJs.PDFPageProxy;
export type PdfTextContent = Awaited<ReturnType<PdfJs.PDFPageProxy["getTextContent"]>>;

let library: Promise<PdfLibrary> | null = null;

export function loadPdfLibrary(): Promise<PdfLibrary> {
  library ??= (
    import(/* webpackIgnore: true */ /* turbopackIgnore: true */ PDFJS_ASSETS.library) as Promise<PdfLibrary>
  ).then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = PDFJS_ASSETS.worker;
    return pdfjs;
  });
  library.catch(() => {
    library = null;
  });
  return library;
}

export async function openPdf(url: string) {
  const pdfjs = await loadPdfLibrary();
  const task = pdfjs.getDocument({
    url,
    cMapUrl: PDFJS_ASSETS.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: PDFJS_ASSETS.standardFontDataUrl,
    wasmUrl: PDFJS_ASSETS.wasmUrl,
    isEvalSupported: false,
    // Pages are fetched as they are shown: a 300-page book opens with its first pages only.
    disableAutoFetch: true,
    disableStream: true,
    withCredentials: true,
  });
  return { pdfjs, task };
}

/** The page's text as the text layer draws it: its items' strings, concatenated. */
export function layerTextOf(content: PdfTextContent): string {
  let text = "";
  for (const item of content.items) if ("str" in item) text += item.str;
  return text;
}
