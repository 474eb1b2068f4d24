// Scanned PDFs through the jobs: OCR with Tesseract when it is installed (accuracy floor on the committed scan),
// and a plain statement on the file when it is not.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { runDueJobs } from "@/lib/jobs/worker";
import { createReviewIn } from "@/lib/reviews/commands";
import { createTestDatabase } from "@/lib/testing/test-database";
import { attachFile } from "./commands";
import { fileJobs } from "./jobs";
import { ocrAvailability, ocrParagraphs } from "./ocr";
import { characterSimilarity } from "./similarity";
import { DiskFileStore, useFileStore } from "./store";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let url: string;
let reviewId: string;
let owner: string;
let stageId: string;
const fixtures = path.resolve(import.meta.dirname, "fixtures");

async function attachScan(title: string) {
  const item = await db.reviewItem.create({ data: { reviewId, stageId, titleZh: title, sourceKind: "MANUAL" } });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "huitong-upload-")), "scan.pdf");
  copyFileSync(path.join(fixtures, "scanned.pdf"), file);
  const { fileId } = await attachFile(
    await accessTo(owner, reviewId),
    { reviewId, itemId: item.id, fileName: "扫描件.pdf" },
    file,
  );
  return { itemId: item.id, fileId };
}

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  useFileStore(new DiskFileStore(mkdtempSync(path.join(tmpdir(), "huitong-files-"))));
  owner = (await db.user.create({ data: { email: "ocr@example.org", name: "OCR", passwordHash: "!" } })).id;
  reviewId = (await db.$transaction((tx) => createReviewIn(tx, owner, { titleZh: "扫描", titleEn: null }))).id;
  stageId = (await db.reviewStage.findFirstOrThrow({ where: { reviewId }, orderBy: { position: "asc" } })).id;
}, 60_000);

afterEach(() => {
  delete process.env.HUITONG_TESSERACT;
});

describe("scanned PDFs", () => {
  it("says in plain words that OCR is not installed", async () => {
    process.env.HUITONG_TESSERACT = "/nonexistent/tesseract";
    const { fileId, itemId } = await attachScan("没有 OCR");
    await runDueJobs(url, db, fileJobs);
    const file = await db.itemFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(file.state).toBe("OCR_UNAVAILABLE");
    expect(file.errorDetail).toContain("not installed");
    expect((await db.reviewItem.findUniqueOrThrow({ where: { id: itemId } })).fullText).toBeNull();
  }, 120_000);

  it("reads a scan by OCR in the background and gives the item its text", async (context) => {
    if (!(await ocrAvailability()).available) context.skip();
    const { fileId, itemId } = await attachScan("有 OCR");
    await runDueJobs(url, db, fileJobs);
    await runDueJobs(url, db, fileJobs);
    const file = await db.itemFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(file.state).toBe("DONE");
    expect(file.usedOcr).toBe(true);
    const source = readFileSync(path.join(fixtures, "scanned.body.txt"), "utf8");
    expect(characterSimilarity(file.extractedText!, source)).toBeGreaterThan(0.85);
    expect((await db.reviewItem.findUniqueOrThrow({ where: { id: itemId } })).fullText).toBe(file.extractedText);
  }, 180_000);
});

describe("ocrParagraphs", () => {
  it("joins Tesseract's Chinese lines without spaces and keeps blank-line paragraphs", () => {
    expect(ocrParagraphs("在 快速 城市 化 与\n乡村 进程 中 ,\n\nSecond para-\ngraph here.\n\f")).toEqual([
      "在快速城市化与乡村进程中,",
      "Second paragraph here.",
    ]);
  });
});
