// `npm run bench:import`: a 10,000-record RIS file (Chinese and English, some already in the review, some
// repeated in the file) through the import: parse, preview with duplicate detection, and the one-transaction
// commit. Prints figures; asserts nothing.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { connectDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { commitImport } from "@/lib/import/commit";
import { parseImportFile } from "@/lib/import/parse-file";
import { previewImport } from "@/lib/import/preview";
import { createReviewIn } from "@/lib/reviews/commands";
import { prepareDatabase, root } from "./support";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const EXISTING = 500;

const pick = <T>(values: readonly T[], i: number): T => values[i % values.length]!;
const WORDS = ["党建引领", "基层治理", "韧性", "城乡融合", "跨域协同", "数字治理", "社区", "乡村振兴", "网格化"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰"];
const JOURNALS = ["政治学研究", "中国行政管理", "治理研究", "公共管理学报", "Public Administration Review"];

function title(i: number) {
  return i % 3 === 0
    ? `Governance study ${i}: ${pick(["resilience", "coordination", "digital reform"], i)} in Chinese cities`
    : `${pick(WORDS, i)}与${pick(WORDS, i + 3)}的第${i}项研究：基于${pick(WORDS, i + 5)}的考察`;
}

function risRecord(i: number) {
  const lines = [
    "TY  - JOUR",
    `AU  - ${pick(SURNAMES, i)}${pick(GIVEN, i + 1)}`,
    `AU  - ${pick(SURNAMES, i + 4)}${pick(GIVEN, i + 7)}`,
    `TI  - ${title(i)}`,
    `JO  - ${pick(JOURNALS, i)}`,
    `PY  - ${2000 + (i % 25)}`,
    `VL  - ${1 + (i % 40)}`,
    `IS  - ${1 + (i % 12)}`,
    `SP  - ${i % 200}`,
    `EP  - ${(i % 200) + 12}`,
    `DO  - 10.${10_000 + (i % 500)}/bench.${i}`,
    `KW  - ${pick(WORDS, i)}`,
    `KW  - ${pick(WORDS, i + 2)}`,
    `AB  - ${pick(WORDS, i)}是理解${pick(WORDS, i + 1)}的重要视角。本文以第${i}个案例讨论其机制与路径。`,
    "ER  - ",
  ];
  return lines.join("\n");
}

async function main() {
  const { url, stop } = await prepareDatabase();
  await migrate(url, path.join(root, "prisma/migrations"));
  const db = connectDatabase(url);
  const owner = await db.user.create({
    data: { email: "import-bench@huitong.bench", name: "导入", passwordHash: "x" },
  });
  const review = await db.$transaction((tx) => createReviewIn(tx, owner.id, { titleZh: "导入基准", titleEn: null }));
  const stage = await db.reviewStage.findFirstOrThrow({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
  // Items already in the review: every 20th record of the file is one of them (same DOI).
  await db.reviewItem.createMany({
    data: Array.from({ length: EXISTING }, (_, n) => ({
      reviewId: review.id,
      stageId: stage.id,
      titleZh: title(n * 20),
      doi: `10.${10_000 + ((n * 20) % 500)}/bench.${n * 20}`,
      sourceKind: "MANUAL" as const,
    })),
  });

  // Every 50th record repeats the one before it, as overlapping database searches do.
  const text = Array.from({ length: RECORDS }, (_, i) => risRecord(i % 50 === 49 ? i - 1 : i)).join("\n\n");
  const bytes = new TextEncoder().encode(text);

  let start = performance.now();
  const parsed = parseImportFile("bench.ris", bytes);
  const parseMs = performance.now() - start;

  start = performance.now();
  const preview = await previewImport(owner.id, review.id, { name: "bench.ris", bytes });
  const previewMs = performance.now() - start;
  const previewJson = JSON.stringify(preview).length;
  const selected = preview.records.filter((r) => !r.duplicate && !r.blocked).map((r) => r.index);

  start = performance.now();
  const { imported } = await commitImport(owner.id, { reviewId: review.id, fileName: "bench.ris", selected }, bytes);
  const commitMs = performance.now() - start;

  console.log(
    `\nImport of ${RECORDS.toLocaleString("en")} RIS records (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB)`,
  );
  console.log(`  parsed records                 ${parsed.records.length}`);
  console.log(
    `  duplicates (review / file)     ${preview.records.filter((r) => r.duplicate?.in === "review").length} / ${preview.records.filter((r) => r.duplicate?.in === "file").length}`,
  );
  console.log(`  parse (decode, detect, map)    ${parseMs.toFixed(0)} ms`);
  console.log(
    `  preview (parse + duplicates)   ${previewMs.toFixed(0)} ms, ${(previewJson / 1024 / 1024).toFixed(1)} MB of JSON`,
  );
  console.log(`  commit (parse + transaction)   ${commitMs.toFixed(0)} ms for ${imported} items`);
  console.log(`  commit transaction alone       ≈ ${(commitMs - parseMs).toFixed(0)} ms`);
  await db.$disconnect();
  await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
