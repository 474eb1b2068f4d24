// `npm run bench:library`: a review of 10,000 items, the production server on it, and the latency of the
// library page (over HTTP, signed in) and of the stage-change command. Prints figures; asserts nothing.
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { hashPassword } from "@/lib/auth/password";
import { resolveAccess } from "@/lib/authz/authorize";
import { connectDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { createReviewIn } from "@/lib/reviews/commands";
import { changeStage } from "@/lib/workflow/commands";
import { pick, WORDS } from "./load-seed";
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

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const JOURNALS = ["政治学研究", "中国行政管理", "治理研究", "公共管理学报", "社会学研究", "理论月刊", null];
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
        stageId: pick(stages, i % 7 === 0 ? 5 : i).id,
        titleZh: i % 50 === 0 ? null : `${pick(WORDS, i)}视角下的${pick(WORDS, i * 7 + 3)}研究（${i}）`,
        titleEn: i % 3 === 0 ? `A study of ${i}` : null,
        journalZh: pick(JOURNALS, i),
        year: i % 40 === 0 ? null : 2000 + (i % 26),
        keywordsZh: [pick(WORDS, i), pick(WORDS, i + 4)],
        abstractZh: i % 10 === 0 ? null : `本文讨论${pick(WORDS, i)}与${pick(WORDS, i + 2)}的关系。`.repeat(8),
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
          nameZh: `${pick(SURNAMES, start + k + position)}${pick(["伟", "芳", "敏", "静"], position)}`,
          affiliations: [],
        })),
      ),
    });
    await db.itemTheme.createMany({
      data: batch.map((item, k) => ({ itemId: item.id, themeId: pick(themes, start + k).id })),
    });
    await db.itemAssignment.createMany({
      data: batch
        .filter((_, k) => (start + k) % 2 === 0)
        .map((item, k) => ({ itemId: item.id, userId: pick(editors, k).id })),
    });
    ids.push(...batch.map((item) => item.id));
  }
  return { reviewId: review.id, ownerId: owner.id, stages, ids };
}

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
      // As the server action does: the access resolved for the request, then the command.
      await changeStage(await resolveAccess(ownerId, reviewId), {
        reviewId,
        itemId: ids[turn % ids.length],
        stageId: stages[turn % 5]!.id,
      });
    }),
  ]);

  printTable(`${ITEMS} items, ${RUNS} runs per page after 3 warm-ups (ms)`, results);
} finally {
  server?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await database.stop();
}
process.exit(0);
