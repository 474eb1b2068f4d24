// `npm run bench:pdf-view`: the PDF view of a paper carrying 300 coded passages, and of a 300-page book with as
// many, on the production server in Chromium: the time from navigation until the first page is painted and the
// highlights of its codings are drawn, and until a page deep in the file shows after jumping to it.
// The PDFs are laid out by LibreOffice from the seed text (scripts/make-test-pdfs.ts), so the bench needs soffice.
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { anchorAt } from "@/lib/coding/anchor";
import { connectDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { extractPdf } from "@/lib/files/pdf-extract";
import { DiskFileStore } from "@/lib/files/store";
import { createReviewIn } from "@/lib/reviews/commands";
import { chinesePaperSpec, makePaperPdf } from "../scripts/make-test-pdfs";
import {
  EMAIL,
  PASSWORD,
  PORT,
  prepareDatabase,
  printTable,
  root,
  signIn,
  startServer,
  waitForServer,
} from "./support";

const CODINGS = Number(process.env.BENCH_CODINGS ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
// About 8 paragraphs of the two-column layout fill a page.
const DOCUMENTS = [
  { label: "paper", paragraphs: Number(process.env.BENCH_PAPER_PARAGRAPHS ?? 240) },
  { label: "book", paragraphs: Number(process.env.BENCH_BOOK_PARAGRAPHS ?? 2400) },
].filter((document) => document.paragraphs > 0);
// LibreOffice takes a minute for the book: the PDFs are kept between runs.
const PDF_CACHE = path.join(root, ".data/bench-pdf-view");
const COLORS = ["#c2410c", "#15803d", "#1d4ed8", "#b91c1c", "#7e22ce", "#0f766e"];

async function seed(url: string, files: DiskFileStore, pdfs: { label: string; file: string }[]) {
  const db = connectDatabase(url);
  const owner = await db.user.create({
    data: { email: EMAIL, name: "Bench Owner", passwordHash: await hashPassword(PASSWORD) },
  });
  const review = await db.$transaction((tx) => createReviewIn(tx, owner.id, { titleZh: "PDF 基准", titleEn: null }));
  const stage = await db.reviewStage.findFirstOrThrow({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
  const themes = await Promise.all(
    COLORS.map((color, position) =>
      db.theme.create({ data: { reviewId: review.id, nameZh: `主题${position + 1}`, color, position } }),
    ),
  );
  const items = [];
  for (const pdf of pdfs) {
    const started = performance.now();
    const extracted = await extractPdf(pdf.file);
    const stored = await files.putFile(pdf.file);
    const item = await db.reviewItem.create({
      data: {
        reviewId: review.id,
        stageId: stage.id,
        titleZh: `${pdf.label}（${extracted.pageCount} 页）`,
        fullText: extracted.text,
        sourceKind: "MANUAL",
      },
    });
    await db.fileBlob.upsert({
      where: { sha256: stored.sha256 },
      create: { sha256: stored.sha256, byteSize: stored.byteSize, mime: "application/pdf" },
      update: {},
    });
    await db.itemFile.create({
      data: {
        reviewId: review.id,
        itemId: item.id,
        sha256: stored.sha256,
        fileName: path.basename(pdf.file),
        byteSize: stored.byteSize,
        isMain: true,
        state: "DONE",
        pageCount: extracted.pageCount,
        pagesDone: extracted.pageCount,
        extractedText: extracted.text,
        pageStarts: extracted.pageStarts,
        textAppliedAt: new Date(),
      },
    });
    // Passages of 8–60 characters spread over the text, every third overlapping the one before; the first
    // page gets its share like every other.
    const text = extracted.text;
    const step = Math.floor((text.length - 80) / CODINGS);
    const codings = Array.from({ length: CODINGS }, (_, i) => {
      const from = Math.max(0, i * step - (i % 3 === 0 ? Math.floor(step / 2) : 0));
      return {
        id: `${pdf.label}${String(i).padStart(5, "0")}`,
        reviewId: review.id,
        itemId: item.id,
        field: "FULL_TEXT" as const,
        ...anchorAt(text, from, from + 8 + (i % 53))!,
        createdById: owner.id,
      };
    });
    await db.coding.createMany({ data: codings });
    await db.codingTheme.createMany({
      data: codings.map((coding, i) => ({ codingId: coding.id, themeId: themes[i % themes.length]!.id })),
    });
    items.push({
      ...pdf,
      itemId: item.id,
      pages: extracted.pageCount,
      extractSeconds: (performance.now() - started) / 1000,
    });
  }
  return { reviewId: review.id, items };
}

const database = await prepareDatabase();
let server: ChildProcess | null = null;
try {
  const pdfs = [];
  for (const document of DOCUMENTS) {
    const started = performance.now();
    const file = path.join(PDF_CACHE, `${document.label}-${document.paragraphs}.pdf`);
    if (!existsSync(file)) {
      mkdirSync(PDF_CACHE, { recursive: true });
      writeFileSync(file, await makePaperPdf(chinesePaperSpec(document.paragraphs)));
      console.log(
        `laid out the ${document.label} with LibreOffice in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    pdfs.push({ label: document.label, file });
  }
  await migrate(database.url, path.join(root, "prisma/migrations"));
  const appData = path.join(root, ".data/bench-app");
  const { reviewId, items } = await seed(database.url, new DiskFileStore(path.join(appData, "files")), pdfs);
  for (const item of items) {
    console.log(
      `${item.label}: ${item.pages} pages, ${CODINGS} codings (extracted in ${item.extractSeconds.toFixed(1)} s)`,
    );
  }
  server = startServer(database.url);
  await waitForServer();
  const cookie = await signIn();

  const browser = await chromium.launch(
    existsSync(chromium.executablePath()) ? {} : { executablePath: "/usr/bin/chromium" },
  );
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addCookies([
    ...cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: `http://localhost:${PORT}` };
    }),
    { name: "huitong-locale", value: "zh", url: `http://localhost:${PORT}` },
  ]);
  const page = await context.newPage();
  const results: [string, number[]][] = [];
  for (const item of items) {
    const firstPage: number[] = [];
    const html: number[] = [];
    const opened: number[] = [];
    const painted: number[] = [];
    const jump: number[] = [];
    const target = Math.max(2, Math.floor(item.pages * 0.8));
    for (let run = 0; run < RUNS + 2; run++) {
      const start = performance.now();
      await page.goto(`http://localhost:${PORT}/reviews/${reviewId}/items/${item.itemId}?view=pdf`, {
        waitUntil: "domcontentloaded",
      });
      const loadedHtml = performance.now() - start;
      await page.locator('[data-page-number="1"]').waitFor();
      const openedPdf = performance.now() - start;
      await page.locator('[data-page-number="1"][data-rendered]').waitFor();
      const paintedPage = performance.now() - start;
      await page.locator('[data-page-number="1"][data-rendered] [data-coding-id]').first().waitFor();
      const shown = performance.now() - start;
      const jumpStart = performance.now();
      const pageNumber = page.getByRole("textbox", { name: "页码" });
      await pageNumber.fill(String(target));
      await pageNumber.press("Enter");
      await page.locator(`[data-page-number="${target}"][data-rendered] [data-coding-id]`).first().waitFor();
      if (run >= 2) {
        firstPage.push(shown);
        html.push(loadedHtml);
        opened.push(openedPdf);
        painted.push(paintedPage);
        jump.push(performance.now() - jumpStart);
      }
    }
    results.push([`${item.label} (${item.pages} p.): page HTML loaded`, html.sort((a, b) => a - b)]);
    results.push([`${item.label}: PDF opened, pages laid out`, opened.sort((a, b) => a - b)]);
    results.push([`${item.label}: first page painted`, painted.sort((a, b) => a - b)]);
    results.push([`${item.label}: first page + highlights`, firstPage.sort((a, b) => a - b)]);
    results.push([`${item.label}: jump to p. ${target} + highlights`, jump.sort((a, b) => a - b)]);
  }
  await browser.close();
  printTable(
    `PDF view, ${CODINGS} codings per document, ${RUNS} runs after 2 warm-ups (ms, navigation included)`,
    results,
  );
} finally {
  server?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await database.stop();
}
process.exit(0);
