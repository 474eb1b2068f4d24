// `npm run bench:import`: 10,000 mixed-type records (every item type, Chinese, English and bilingual; some
// already in the review, some repeated in the file) in each format this app writes — RIS, BibTeX, BibLaTeX,
// CSL-JSON, CSV — through the import: parse, preview with duplicate detection, and the one-transaction
// commit. Then the round-trip fidelity of each format (fields identical after export → import, of the fields
// the items hold), and the real 7,166-entry BibTeX library when /work/shared/fixtures is beside the checkout.
// Prints figures; asserts nothing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { connectDatabase, type Database } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { MIXED_CORPUS } from "@/lib/export/fixtures/mixed-corpus";
import { formatItems } from "@/lib/export/items";
import type { ReferenceItem } from "@/lib/export/reference-formats";
import { exportAndReimport, fidelity, type RoundTripFormat } from "@/lib/export/round-trip";
import { referenceCsv } from "@/lib/export/round-trip-csv";
import { commitImport } from "@/lib/import/commit";
import { parseImportFile } from "@/lib/import/parse-file";
import { previewImport } from "@/lib/import/preview";
import { createReviewIn } from "@/lib/reviews/commands";
import { prepareDatabase, root } from "./support";
import { accessTo } from "@/lib/testing/access";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const EXISTING_EVERY = 20;
const REPEAT_EVERY = 50;
const FORMATS: RoundTripFormat[] = ["ris", "bibtex", "biblatex", "csl-json", "csv"];
const EXTENSION: Record<RoundTripFormat, string> = {
  ris: "ris",
  bibtex: "bib",
  biblatex: "bib",
  "csl-json": "json",
  csv: "csv",
};
const BIG_BIBTEX = path.resolve(root, "../shared/fixtures/big/bbt_Unabbreviate-on-import-1436-3_7166entries.bib");

/** The n-th item: a corpus item of every type in turn, made distinct by its number (title, DOI, year, pages). */
function generated(n: number): ReferenceItem {
  const template = MIXED_CORPUS[n % MIXED_CORPUS.length]!;
  const mark = (value: string | null) => (value ? `${value} ${n}` : value);
  return {
    ...template,
    id: `bench-${n}`,
    titleZh: template.titleZh ? `${template.titleZh}（第${n}号）` : null,
    titleEn: mark(template.titleEn),
    year: 1990 + (n % 35),
    // A full date agrees with the year (where they disagree, the date wins on import).
    issuedDate: template.issuedDate ? `${1990 + (n % 35)}${template.issuedDate.slice(4)}` : null,
    doi: template.doi ? `${template.doi}.${n}` : null,
    pages: template.pages ? `${n % 300}-${(n % 300) + 12}` : null,
  };
}

function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  return run().then((result) => [result, performance.now() - start]);
}

async function importOnce(
  db: Database,
  ownerId: string,
  label: string,
  fileName: string,
  bytes: Uint8Array,
  existing: ReferenceItem[],
) {
  const review = await db.$transaction((tx) => createReviewIn(tx, ownerId, { titleZh: label, titleEn: null }));
  const stage = await db.reviewStage.findFirstOrThrow({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
  await db.reviewItem.createMany({
    data: existing.map((item) => ({
      reviewId: review.id,
      stageId: stage.id,
      itemType: item.itemType,
      titleZh: item.titleZh,
      titleEn: item.titleEn,
      year: item.year,
      doi: item.doi,
      sourceKind: "MANUAL" as const,
    })),
  });
  const parseStart = performance.now();
  const parsed = parseImportFile(fileName, bytes);
  const parseMs = performance.now() - parseStart;
  const [preview, previewMs] = await timed(async () =>
    previewImport(await accessTo(ownerId, review.id), { name: fileName, bytes }),
  );
  const selected = preview.records.filter((record) => !record.duplicate && !record.blocked).map((r) => r.index);
  const [result, commitMs] = await timed(async () =>
    commitImport(await accessTo(ownerId, review.id), { reviewId: review.id, fileName, selected }, bytes),
  );
  const inReview = preview.records.filter((record) => record.duplicate?.in === "review").length;
  const inFile = preview.records.filter((record) => record.duplicate?.in === "file").length;
  const blocked = preview.records.filter((record) => record.blocked).length;
  return {
    records: parsed.records.length,
    parseMs,
    previewMs,
    commitMs,
    imported: result.imported,
    inReview,
    inFile,
    blocked,
  };
}

async function main() {
  const { url, stop } = await prepareDatabase();
  await migrate(url, path.join(root, "prisma/migrations"));
  const db = connectDatabase(url);
  const owner = await db.user.create({
    data: { email: "import-bench@huitong.bench", name: "导入", passwordHash: "x" },
  });

  const items = Array.from({ length: RECORDS }, (_, n) => generated(n));
  // Every 50th record repeats the one before it, as overlapping database searches do.
  const file = items.map((item, n) =>
    n % REPEAT_EVERY === REPEAT_EVERY - 1 ? { ...items[n - 1]!, id: item.id } : item,
  );
  // Every 20th item is already in the review.
  const existing = items.filter((_, n) => n % EXISTING_EVERY === 0);

  console.log(`\nImport of ${RECORDS.toLocaleString("en")} mixed-type records per format`);
  console.log("  format     size    records  in review / in file  blocked  parse ms  preview ms  commit ms  imported");
  for (const format of FORMATS) {
    const text = format === "csv" ? referenceCsv(file) : formatItems(file, format);
    const bytes = new TextEncoder().encode(text);
    const figures = await importOnce(db, owner.id, `导入基准 ${format}`, `bench.${EXTENSION[format]}`, bytes, existing);
    console.log(
      `  ${format.padEnd(9)} ${`${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`.padStart(7)}  ${String(figures.records).padStart(7)}  ${`${figures.inReview} / ${figures.inFile}`.padStart(19)}  ${String(figures.blocked).padStart(7)}  ${figures.parseMs.toFixed(0).padStart(8)}  ${figures.previewMs.toFixed(0).padStart(10)}  ${figures.commitMs.toFixed(0).padStart(9)}  ${String(figures.imported).padStart(8)}`,
    );
  }

  console.log(`\nRound-trip fidelity on the ${RECORDS.toLocaleString("en")} items (export → import, then again)`);
  console.log("  format     fields identical / fields held   second round trip identical");
  for (const format of FORMATS) {
    const first = exportAndReimport(items, format, referenceCsv);
    const second = exportAndReimport(first.items, format, referenceCsv);
    const third = exportAndReimport(second.items, format, referenceCsv);
    const { identical, total } = fidelity(items, first.items);
    const percent = ((identical / total) * 100).toFixed(2);
    console.log(
      `  ${format.padEnd(9)} ${`${identical.toLocaleString("en")} / ${total.toLocaleString("en")} (${percent}%)`.padStart(32)}   ${third.text === second.text ? "yes" : "NO"}`,
    );
  }

  if (existsSync(BIG_BIBTEX)) {
    const bytes = readFileSync(BIG_BIBTEX);
    const figures = await importOnce(db, owner.id, "导入基准 真实 BibTeX", "library.bib", bytes, []);
    console.log(`\nA real 7,166-entry BibTeX library (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB)`);
    console.log(
      `  records ${figures.records}, blocked ${figures.blocked}; parse ${figures.parseMs.toFixed(0)} ms, preview ${figures.previewMs.toFixed(0)} ms, commit ${figures.commitMs.toFixed(0)} ms for ${figures.imported} items`,
    );
  } else {
    console.log(`\n(skipping the real BibTeX library: ${BIG_BIBTEX} is absent)`);
  }
  await db.$disconnect();
  await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
