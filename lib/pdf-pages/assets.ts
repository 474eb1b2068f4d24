// Where the browser finds pdf.js, its worker, CMaps and standard fonts: served by app/pdfjs from the package.
// Client-safe; the version makes each pdf.js release a new, cacheable URL.
export const PDFJS_VERSION = "5.6.205";
const base = `/pdfjs/${PDFJS_VERSION}`;

export const PDFJS_ASSETS = {
  library: `${base}/build/pdf.min.mjs`,
  worker: `${base}/build/pdf.worker.min.mjs`,
  cMapUrl: `${base}/cmaps/`,
  standardFontDataUrl: `${base}/standard_fonts/`,
  wasmUrl: `${base}/wasm/`,
} as const;

/** The viewer's stream of an attached file (app/api/reviews/[reviewId]/files/[fileId]/read). */
export const pdfReadUrl = (reviewId: string, fileId: string) =>
  `/api/reviews/${encodeURIComponent(reviewId)}/files/${encodeURIComponent(fileId)}/read`;
