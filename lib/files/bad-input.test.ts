// Hostile and broken PDFs through the real extraction child process: each ends with its own code in bounded
// time and memory, and the process that asked is unharmed.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bombPdf, noPagesPdf, pagesPdf } from "./hostile-pdfs";
import { ExtractionError, MAX_PAGES, type ExtractedPdf } from "./pdf-extract";
import { runExtraction } from "./run-extraction";

const dir = mkdtempSync(path.join(tmpdir(), "huitong-hostile-"));
function file(name: string, bytes: Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, bytes);
  return target;
}

async function failure(filePath: string, limits = { timeoutMs: 60_000, memoryMb: 512 }) {
  const error = await runExtraction<ExtractedPdf>({ kind: "text", filePath }, limits, () => {}).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

describe("bad PDFs", () => {
  it("reports a document without pages", async () => {
    expect((await failure(file("empty-tree.pdf", noPagesPdf()))).code).toBe("NO_PAGES");
  }, 120_000);

  it("refuses more pages than the limit before reading them", async () => {
    expect((await failure(file("huge.pdf", pagesPdf(MAX_PAGES + 1)))).code).toBe("TOO_MANY_PAGES");
  }, 120_000);

  it("stops a decompression bomb at its time or memory limit", async () => {
    // Unlimited, the child would inflate and lex the whole gigabyte; the limits end it with a named failure.
    const bomb = file("bomb.pdf", bombPdf(1024));
    const error = await failure(bomb, { timeoutMs: 15_000, memoryMb: 300 });
    expect(["TIMEOUT", "OUT_OF_MEMORY"]).toContain(error.code);
  }, 120_000);

  it("reads a plain document and reports its pages as it goes", async () => {
    const progress: number[] = [];
    const result = await runExtraction<ExtractedPdf>(
      {
        kind: "text",
        filePath: file(
          "plain.pdf",
          pagesPdf(3, (page) => `This is page ${page} of the plain test document.`),
        ),
      },
      { timeoutMs: 60_000, memoryMb: 512 },
      (done) => void progress.push(done),
    );
    expect(result.pageCount).toBe(3);
    expect(progress).toEqual([1, 2, 3]);
    expect(result.text).toContain("This is page 2 of the plain test document.");
  }, 120_000);
});
