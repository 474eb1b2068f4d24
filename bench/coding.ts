// `npm run bench:coding`: one paper with 1,000 coded passages (overlapping, six themes), the production server on
// it, and how long its reader takes: the page over HTTP, and in Chromium the load, the first paint of the
// highlights, and the time from releasing a selection to the "code the selection" button being ready.
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { anchorAt } from "@/lib/coding/anchor";
import { connectDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { createReviewIn } from "@/lib/reviews/commands";
import {
  EMAIL,
  measure,
  PASSWORD,
  PORT,
  prepareDatabase,
  printTable,
  root,
  signIn,
  startServer,
  waitForServer,
} from "./support";

const CODINGS = Number(process.env.BENCH_CODINGS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const THEMES = ["韧性治理", "城乡融合", "跨域治理", "党建引领", "区域化党建", "协同治理"];
const COLORS = ["#c2410c", "#15803d", "#1d4ed8", "#b91c1c", "#7e22ce", "#0f766e"];

/** The seeded resilience paper's body, repeated to the length of a long article (about 50,000 characters). */
function longText(): string {
  const source = readFileSync(path.join(root, "seeds/003_77c6651b61511a25.txt"), "utf8");
  const body = source
    .split("\n")
    .filter((line) => line.trim().length > 40)
    .join("\n");
  return Array.from({ length: Math.ceil(50_000 / body.length) }, () => body)
    .join("\n")
    .slice(0, 50_000);
}

async function seed(url: string) {
  const db = connectDatabase(url);
  const owner = await db.user.create({
    data: { email: EMAIL, name: "Bench Owner", passwordHash: await hashPassword(PASSWORD) },
  });
  const review = await db.$transaction((tx) => createReviewIn(tx, owner.id, { titleZh: "编码基准", titleEn: null }));
  const stage = await db.reviewStage.findFirstOrThrow({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
  const themes = await Promise.all(
    THEMES.map((nameZh, position) =>
      db.theme.create({ data: { reviewId: review.id, nameZh, color: COLORS[position]!, position } }),
    ),
  );
  const fullText = longText();
  const item = await db.reviewItem.create({
    data: { reviewId: review.id, stageId: stage.id, titleZh: "千处编码的论文", fullText, sourceKind: "MANUAL" },
  });
  // Passages of 8–60 characters spread over the text; every third one overlaps the one before.
  const step = Math.floor((fullText.length - 80) / CODINGS);
  for (let start = 0; start < CODINGS; start += 200) {
    const batch = Array.from({ length: Math.min(200, CODINGS - start) }, (_, k) => {
      const i = start + k;
      const from = i * step - (i % 3 === 0 ? Math.floor(step / 2) : 0);
      const anchor = anchorAt(fullText, Math.max(0, from), Math.max(0, from) + 8 + (i % 53))!;
      return {
        id: `coding${String(i).padStart(5, "0")}`,
        reviewId: review.id,
        itemId: item.id,
        field: "FULL_TEXT" as const,
        ...anchor,
        createdById: owner.id,
      };
    });
    await db.coding.createMany({ data: batch });
    await db.codingTheme.createMany({
      data: batch.flatMap((coding, k) => [
        { codingId: coding.id, themeId: themes[(start + k) % themes.length]!.id },
        ...((start + k) % 5 === 0
          ? [{ codingId: coding.id, themeId: themes[(start + k + 2) % themes.length]!.id }]
          : []),
      ]),
    });
  }
  return { reviewId: review.id, itemId: item.id, length: fullText.length };
}

const database = await prepareDatabase();
let server: ChildProcess | null = null;
try {
  await migrate(database.url, path.join(root, "prisma/migrations"));
  const { reviewId, itemId, length } = await seed(database.url);
  console.log(`seeded one paper of ${length} characters with ${CODINGS} coded passages`);
  server = startServer(database.url);
  await waitForServer();
  const cookie = await signIn();
  const pageUrl = `http://localhost:${PORT}/reviews/${reviewId}/items/${itemId}`;
  let htmlBytes = 0;
  const results: [string, number[]][] = [
    [
      "item page over HTTP (server render)",
      await measure(RUNS, async () => {
        const response = await fetch(pageUrl, { headers: { Cookie: cookie } });
        const html = await response.text();
        if (!response.ok || !html.includes("<mark")) throw new Error(`item page: HTTP ${response.status}`);
        htmlBytes = html.length;
      }),
    ],
  ];

  const browser = await chromium.launch(
    existsSync(chromium.executablePath()) ? {} : { executablePath: "/usr/bin/chromium" },
  );
  const context = await browser.newContext();
  await context.addCookies([
    ...cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: `http://localhost:${PORT}` };
    }),
    { name: "huitong-locale", value: "zh", url: `http://localhost:${PORT}` },
  ]);
  const page = await context.newPage();
  const loads: number[] = [];
  const ready: number[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    const start = performance.now();
    await page.goto(pageUrl, { waitUntil: "load" });
    await page.locator("mark").first().waitFor();
    const loaded = performance.now() - start;
    // Select a passage and time until the reader has read it and enabled its button.
    const selected = await page.evaluate(async () => {
      const paragraph = document.querySelectorAll("p[data-start]")[40]!;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode()!;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(6, node.textContent!.length));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      const button = [...document.querySelectorAll("button")].find((b) =>
        b.getAttribute("aria-label")?.includes("全文"),
      )!;
      const begin = performance.now();
      paragraph.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      while (button.disabled) await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - begin;
    });
    if (run >= 2) {
      loads.push(loaded);
      ready.push(selected);
    }
  }
  await browser.close();
  results.push(["Chromium: load until highlights shown", loads.sort((a, b) => a - b)]);
  results.push(["Chromium: selection → code button ready", ready.sort((a, b) => a - b)]);
  printTable(
    `one paper, ${CODINGS} codings, ${RUNS} runs after warm-ups (ms); page HTML ${(htmlBytes / 1024).toFixed(0)} KiB`,
    results,
  );
} finally {
  server?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await database.stop();
}
process.exit(0);
