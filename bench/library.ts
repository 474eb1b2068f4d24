// `npm run bench:library`: a review of 10,000 items, the production server on it, and the latency of the
// library page (over HTTP, signed in) and of the stage-change command. Prints figures; asserts nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { connectDatabase } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrator";
import { createReviewIn } from "@/lib/reviews/commands";
import { changeStage } from "@/lib/workflow/commands";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const root = path.resolve(import.meta.dirname, "..");
const EMAIL = "bench-owner@huitong.bench";
const PASSWORD = "bench-password";

async function prepareDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const name = `huitong_bench_${randomBytes(4).toString("hex")}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return { url: url.toString(), stop: async () => {} };
  }
  const dataDir = path.join(root, ".data/bench");
  rmSync(dataDir, { recursive: true, force: true });
  return startEmbeddedPostgres({ dataDir, port: 54359, password: "bench", database: "huitong", unsafeFast: true });
}

const pickOne = <T>(values: readonly T[], i: number): T => values[i % values.length]!;
const JOURNALS = ["政治学研究", "中国行政管理", "治理研究", "公共管理学报", "社会学研究", "理论月刊", null];
const WORDS = [
  "党建引领",
  "基层治理",
  "韧性",
  "城乡融合",
  "跨域协同",
  "数字治理",
  "社区",
  "乡村振兴",
  "网格化",
  "共同体",
];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

async function seed(url: string) {
  const db = connectDatabase(url);
  const owner = await db.user.create({
    data: { email: EMAIL, name: "Bench Owner", passwordHash: await hashPassword(PASSWORD) },
  });
  const editors = await Promise.all(
    [1, 2, 3].map((n) =>
      db.user.create({ data: { email: `editor${n}@huitong.bench`, name: `编辑${n}`, passwordHash: "x" } }),
    ),
  );
  const review = await db.$transaction((tx) =>
    createReviewIn(tx, owner.id, { titleZh: "万篇文献基准", titleEn: null }),
  );
  await db.membership.createMany({
    data: editors.map((user) => ({ reviewId: review.id, userId: user.id, role: "EDITOR" as const })),
  });
  const stages = await db.reviewStage.findMany({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
  const themes = await Promise.all(
    WORDS.slice(0, 6).map((name, position) =>
      db.theme.create({ data: { reviewId: review.id, nameZh: name, color: "#0f766e", position } }),
    ),
  );
  const ids: string[] = [];
  for (let start = 0; start < ITEMS; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, ITEMS - start) }, (_, k) => {
      const i = start + k;
      return {
        id: `bench${String(i).padStart(6, "0")}`,
        reviewId: review.id,
        stageId: pickOne(stages, i % 7 === 0 ? 5 : i).id,
        titleZh: i % 50 === 0 ? null : `${pickOne(WORDS, i)}视角下的${pickOne(WORDS, i * 7 + 3)}研究（${i}）`,
        titleEn: i % 3 === 0 ? `A study of ${i}` : null,
        journalZh: pickOne(JOURNALS, i),
        year: i % 40 === 0 ? null : 2000 + (i % 26),
        keywordsZh: [pickOne(WORDS, i), pickOne(WORDS, i + 4)],
        abstractZh: i % 10 === 0 ? null : `本文讨论${pickOne(WORDS, i)}与${pickOne(WORDS, i + 2)}的关系。`.repeat(8),
        sourceKind: "DATABASE_EXPORT" as const,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      };
    });
    await db.reviewItem.createMany({ data: batch });
    await db.itemAuthor.createMany({
      data: batch.flatMap((item, k) =>
        Array.from({ length: 1 + ((start + k) % 4) }, (_, position) => ({
          itemId: item.id,
          position,
          nameZh: `${pickOne(SURNAMES, start + k + position)}${pickOne(["伟", "芳", "敏", "静"], position)}`,
          affiliations: [],
        })),
      ),
    });
    await db.itemTheme.createMany({
      data: batch.map((item, k) => ({ itemId: item.id, themeId: pickOne(themes, start + k).id })),
    });
    await db.itemAssignment.createMany({
      data: batch
        .filter((_, k) => (start + k) % 2 === 0)
        .map((item, k) => ({ itemId: item.id, userId: pickOne(editors, k).id })),
    });
    ids.push(...batch.map((item) => item.id));
  }
  return { reviewId: review.id, ownerId: owner.id, stages, ids };
}

function startServer(url: string): ChildProcess {
  const server = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(PORT),
      HUITONG_SEED: "off",
      HUITONG_DATA_DIR: ".data/bench-app",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return server;
}

async function waitForServer() {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the server did not come up within 10 minutes");
}

/** Signs in through next-auth's credentials callback, as the sign-in form does, and returns the session cookie. */
async function signIn(): Promise<string> {
  const base = `http://localhost:${PORT}`;
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, callbackUrl: `${base}/reviews` }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (HTTP ${response.status})`);
  return [...cookies, session.split(";")[0]].join("; ");
}

async function measure(runs: number, work: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const database = await prepareDatabase();
let server: ChildProcess | null = null;
try {
  await migrate(database.url, path.join(root, "prisma/migrations"));
  const seedStart = performance.now();
  const { reviewId, ownerId, stages, ids } = await seed(database.url);
  console.log(`seeded ${ids.length} items in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  server = startServer(database.url);
  await waitForServer();
  const cookie = await signIn();
  const results: [string, number[]][] = [];
  const page = (query: string) => async () => {
    const response = await fetch(`http://localhost:${PORT}/reviews/${reviewId}/library${query}`, {
      headers: { Cookie: cookie },
    });
    const html = await response.text();
    if (!response.ok || !html.includes("<table")) throw new Error(`library${query}: HTTP ${response.status}`);
  };
  for (const [label, query] of [
    ["library: first page", ""],
    ["library: free text ?q=治理", `?q=${encodeURIComponent("治理")}`],
    ["library: sorted by year", "?sort=year&dir=asc"],
    ["library: page 50 of 200", "?page=50"],
    ["library: stage + missing year", `?stage=${stages[0]!.id}&missing=year`],
  ] as const) {
    results.push([label, await measure(RUNS, page(query))]);
  }
  results.push([
    "board page",
    await measure(RUNS, async () => {
      const response = await fetch(`http://localhost:${PORT}/reviews/${reviewId}/board`, {
        headers: { Cookie: cookie },
      });
      await response.text();
      if (!response.ok) throw new Error(`board: HTTP ${response.status}`);
    }),
  ]);
  // Server actions are not plain HTTP endpoints; the command they call is measured directly on the same database.
  let turn = 0;
  results.push([
    "stage change (changeStage)",
    await measure(RUNS * 3, async () => {
      turn++;
      await changeStage(ownerId, { reviewId, itemId: ids[turn % ids.length], stageId: stages[turn % 5]!.id });
    }),
  ]);

  console.log(`\n${ITEMS} items, ${RUNS} runs per page after 3 warm-ups (ms)\n`);
  console.log(`${"measurement".padEnd(34)} ${"median".padStart(8)} ${"p95".padStart(8)}`);
  for (const [label, times] of results) {
    console.log(
      `${label.padEnd(34)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)}`,
    );
  }
} finally {
  server?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await database.stop();
}
process.exit(0);
