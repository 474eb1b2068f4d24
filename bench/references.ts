// `npm run bench:references`: a review of 1,000 papers that each print a 30-entry reference list drawn from a
// pool of 3,000 works (so many works are cited by several papers), built through the same code that saves an
// item. Prints the parser's throughput, the item page's reference query (with cited-by and already-in-review),
// the review's co-cited list, and a backup of the whole review: export, its size, and restore.
import { performance } from "node:perf_hooks";
import { exportBackup } from "@/lib/backup/export-backup";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { connectDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { parseReference } from "@/lib/references/parse-reference";
import { listItemReferences, listSharedReferences } from "@/lib/references/queries";
import { refreshItemReferences } from "@/lib/references/sync";
import { createReviewIn } from "@/lib/reviews/commands";
import { measure, prepareDatabase, printTable, root } from "./support";
import path from "node:path";
import { accessTo } from "@/lib/testing/access";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const PER_ITEM = Number(process.env.BENCH_REFERENCES ?? 30);
const POOL = Number(process.env.BENCH_POOL ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const SURNAMES = ["朱", "刘", "张", "王", "陈", "李", "赵", "孙", "徐", "高"];
const JOURNALS = ["行政论坛", "理论探讨", "探索与争鸣", "中国行政管理", "公共管理学报", "政治学研究"];

function work(index: number): string {
  const author = `${SURNAMES[index % 10]}${SURNAMES[(index * 7) % 10]}${index % 3 ? "明" : "华"}`;
  const journal = JOURNALS[index % JOURNALS.length];
  const year = 2000 + (index % 25);
  return index % 5 === 0
    ? `${author}.基层治理研究第${index}卷[M].北京:人民出版社,${year}:${index % 90}-${(index % 90) + 12}.`
    : `${author},${SURNAMES[(index * 3) % 10]}强.韧性治理的第${index}种路径[J].${journal},${year},${index % 40}(0${(index % 9) + 1}):${index % 100}-${(index % 100) + 9}.`;
}

function paperText(item: number): string {
  const cited = Array.from({ length: PER_ITEM }, (_, n) => (item * 37 + n * 101) % POOL);
  return `正文第 ${item} 篇。基层治理是国家治理的基石。\n\n参考文献\n${cited.map((w, n) => `[${n + 1}]${work(w)}`).join("\n")}`;
}

async function main() {
  const database = await prepareDatabase();
  try {
    await migrate(database.url, path.join(root, "prisma/migrations"));
    const db = connectDatabase(database.url);
    const owner = await db.user.create({
      data: { email: "bench-refs@huitong.bench", name: "Bench", passwordHash: "x" },
    });
    const review = await db.$transaction((tx) =>
      createReviewIn(tx, owner.id, { titleZh: "参考文献基准", titleEn: null }),
    );
    const stage = await db.reviewStage.findFirstOrThrow({
      where: { reviewId: review.id },
      orderBy: { position: "asc" },
    });

    const lines = Array.from({ length: 10_000 }, (_, n) => `[${n + 1}]${work(n)}`);
    let start = performance.now();
    for (const line of lines) parseReference(line);
    const parseMs = performance.now() - start;

    start = performance.now();
    const itemIds: string[] = [];
    for (let item = 0; item < ITEMS; item++) {
      const fullText = paperText(item);
      const id = await db.$transaction(async (tx) => {
        const row = await tx.reviewItem.create({
          data: { reviewId: review.id, stageId: stage.id, titleZh: `论文 ${item}`, sourceKind: "MANUAL", fullText },
          select: { id: true },
        });
        await refreshItemReferences(tx, { id: row.id, reviewId: review.id, fullText });
        return row.id;
      });
      itemIds.push(id);
    }
    const buildMs = performance.now() - start;
    const references = await db.itemReference.count({ where: { reviewId: review.id } });
    // Some cited works are also items of the review, so "already in the review" has matches to find.
    for (let w = 0; w < 50; w++) {
      const parsed = parseReference(work(w));
      await db.reviewItem.create({
        data: {
          reviewId: review.id,
          stageId: stage.id,
          titleZh: parsed.title,
          year: parsed.year,
          sourceKind: "MANUAL",
        },
      });
    }

    // A bulk load leaves the planner without statistics until autovacuum's analyze runs; measure after it.
    await db.$executeRawUnsafe("ANALYZE");
    let at = 0;
    const itemPage = await measure(RUNS, async () => {
      await listItemReferences(await accessTo(owner.id, review.id), itemIds[at++ % itemIds.length]!);
    });
    const { total: coCitedWorks } = await listSharedReferences(await accessTo(owner.id, review.id));
    const coCited = await measure(Math.max(5, Math.floor(RUNS / 4)), async () => {
      await listSharedReferences(await accessTo(owner.id, review.id));
    });
    start = performance.now();
    const backup = await exportBackup(await accessTo(owner.id, review.id));
    const exportMs = performance.now() - start;
    const text = JSON.stringify(backup);
    start = performance.now();
    await restoreBackup(owner.id, text);
    const restoreMs = performance.now() - start;

    console.log(`\n${ITEMS} items × ${PER_ITEM} references (${references} stored), pool of ${POOL} works`);
    console.log(`parser: 10,000 references in ${parseMs.toFixed(0)} ms (${((10_000 / parseMs) * 1000).toFixed(0)}/s)`);
    console.log(
      `saving ${ITEMS} items with their lists: ${buildMs.toFixed(0)} ms (${(buildMs / ITEMS).toFixed(1)} ms each)`,
    );
    console.log(`co-cited works (≥2 citing items): ${coCitedWorks} (the page lists the 200 cited most)`);
    printTable("queries (ms)", [
      ["item page: references + cited-by + in review", itemPage],
      ["review: co-cited list", coCited],
    ]);
    console.log(
      `\nbackup export: ${exportMs.toFixed(0)} ms, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MiB`,
    );
    console.log(`backup restore: ${restoreMs.toFixed(0)} ms`);
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

await main();
