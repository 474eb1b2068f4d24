// `npm run bench:pdf`: PDF text extraction, measured. For each committed test PDF, the character accuracy of the
// extracted text against the text it was made from; then throughput (pages per second) and the extraction
// process's peak memory for a 30-page Chinese two-column paper and a 500-page book, both laid out by LibreOffice
// on the fly; then OCR seconds per page on the scanned page. Figures only — no assertions.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ocrAvailability } from "@/lib/files/ocr";
import type { ExtractedPdf } from "@/lib/files/pdf-extract";
import { runExtraction, type ExtractionStats } from "@/lib/files/run-extraction";
import { characterSimilarity } from "@/lib/files/similarity";
import { chinesePaperSpec, englishPaperSpec, expectedBody, FIXTURES_DIR, makePaperPdf } from "@/scripts/make-test-pdfs";

const limits = { timeoutMs: 30 * 60_000, memoryMb: 2048 };

async function extract(filePath: string, kind: "text" | "ocr" = "text") {
  let stats: ExtractionStats = { peakMb: 0 };
  const started = performance.now();
  const result = await runExtraction<ExtractedPdf>(
    { kind, filePath },
    limits,
    () => {},
    (s) => (stats = s),
  );
  return { result, seconds: (performance.now() - started) / 1000, peakMb: stats.peakMb };
}

const rows: Record<string, string | number>[] = [];
for (const name of ["zh-two-column", "en-hyphenated"]) {
  const { result, seconds, peakMb } = await extract(path.join(FIXTURES_DIR, `${name}.pdf`));
  const body = readFileSync(path.join(FIXTURES_DIR, `${name}.body.txt`), "utf8");
  const notes = readFileSync(path.join(FIXTURES_DIR, `${name}.footnotes.txt`), "utf8");
  rows.push({
    file: `${name}.pdf`,
    pages: result.pageCount,
    "body accuracy": `${(characterSimilarity(result.text, body) * 100).toFixed(2)} %`,
    "footnote accuracy": `${(characterSimilarity(result.footnotes.map((n) => n.text).join("\n"), notes) * 100).toFixed(2)} %`,
    seconds: seconds.toFixed(2),
    "peak MB": Math.round(peakMb),
  });
}
const ocr = await ocrAvailability();
if (ocr.available) {
  const { result, seconds, peakMb } = await extract(path.join(FIXTURES_DIR, "scanned.pdf"), "ocr");
  const body = readFileSync(path.join(FIXTURES_DIR, "scanned.body.txt"), "utf8");
  rows.push({
    file: "scanned.pdf (OCR)",
    pages: result.pageCount,
    "body accuracy": `${(characterSimilarity(result.text, body) * 100).toFixed(2)} %`,
    "footnote accuracy": "—",
    seconds: `${(seconds / result.pageCount).toFixed(2)} per page`,
    "peak MB": Math.round(peakMb),
  });
} else {
  console.log(`OCR not measured: ${ocr.reason}`);
}
console.log("\nExtraction accuracy of the committed test PDFs (character similarity to the source text)");
console.table(rows);

// Larger documents, laid out now (LibreOffice takes a while for the book).
const dir = mkdtempSync(path.join(tmpdir(), "huitong-bench-pdf-"));
const large: Record<string, string | number>[] = [];
const documents = [
  { label: "Chinese two-column paper", spec: chinesePaperSpec(Number(process.env.BENCH_PAPER_PARAGRAPHS ?? 190)) },
  {
    label: "book (single column, English)",
    spec: { ...englishPaperSpec(Number(process.env.BENCH_BOOK_PARAGRAPHS ?? 2600)), footnotes: [] },
  },
];
for (const { label, spec } of documents) {
  const laidOut = performance.now();
  const pdf = await makePaperPdf(spec);
  const layoutSeconds = (performance.now() - laidOut) / 1000;
  const filePath = path.join(dir, `${label.replace(/\W+/g, "-")}.pdf`);
  writeFileSync(filePath, pdf);
  const { result, seconds, peakMb } = await extract(filePath);
  large.push({
    document: label,
    pages: result.pageCount,
    MB: (pdf.length / 1024 / 1024).toFixed(1),
    "extraction s": seconds.toFixed(1),
    "pages/s": (result.pageCount / seconds).toFixed(1),
    "peak MB": Math.round(peakMb),
    accuracy: `${(characterSimilarity(result.text, expectedBody(spec)) * 100).toFixed(2)} %`,
    "(LibreOffice s)": layoutSeconds.toFixed(0),
  });
}
console.log("\nExtraction throughput and memory (child process, including its start)");
console.table(large);
