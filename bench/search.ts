// `npm run bench:search [-- --papers N]`: first the quality of search on the labelled corpus
// (lib/search/fixtures/quality.ts: precision@10 and recall per kind of query), then a review of 10,000 papers (or
// N: the indexed papers copied under new ids in SQL) and 10 coded passages per paper, its search index built from
// scratch, and the latency and CPU time of searchReview (parse → authorize → capped counts → ranked candidates →
// highlighting, in process, no HTTP) for one- and two-character, common, rare, English, mixed, phrase, name,
// identifier and filtered queries, and the index's size. Prints figures only; drops its databases at the end.
// BENCH_REUSE=1 keeps the large review in a database on TEST_DATABASE_URL's server and reuses it next time.
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { connectDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { createReviewIn } from "@/lib/reviews/commands";
import { closeSearchPool } from "@/lib/search/connection";
import { drainSearchQueue, reindexAll } from "@/lib/search/indexer";
import { evaluateQuality, loadQualityCorpus, qualityByKind } from "@/lib/search/quality";
import { parseSearchParams, searchReview } from "@/lib/search/search";
import { accessTo } from "@/lib/testing/access";
import { fullTextOf, loadPapersFile } from "@/seeds/seed";
import { measure, prepareDatabase, printTable, root } from "./support";

/** `npm run bench:search -- --papers 100000` (or BENCH_PAPERS) sets the review's size. */
function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const PAPERS = Number(option("papers") ?? process.env.BENCH_PAPERS ?? 10_000);
/**
 * Papers built and indexed one by one, as the app does. A larger review repeats them with new ids (same texts,
 * so every word keeps its share of the review), their search entries copied in SQL from the indexed originals:
 * what the indexer would write for the same text, without an hour of segmenting.
 */
const BASE_PAPERS = Math.min(PAPERS, Number(process.env.BENCH_BASE_PAPERS ?? 10_000));
const PASSAGES_PER_PAPER = Number(process.env.BENCH_PASSAGES_PER_PAPER ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const QUERIES = [
  "韧性",
  "城乡融合",
  "党建引领基层治理",
  '"共同富裕"',
  "数字治理 -乡村",
  "治",
  "治理",
  "韌性",
  "王华",
  "元治理",
  "governance",
  "govrnance",
  '"urban rural integration"',
  "resilience community",
  "韧性 governance",
  "23BKS051",
  "韧性 year:2020..2024",
];

const ENGLISH = (
  "governance resilience community party building grassroots urban rural integration digital village regional " +
  "coordination collaborative cross-boundary mechanism framework practice logic effective reconstruction unit " +
  "modernization common prosperity social organization network platform public service policy"
).split(" ");

/** A deterministic generator, so two runs build the same review. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function corpus(): string[] {
  const sentences = loadPapersFile()
    .papers.flatMap((paper) => (fullTextOf(paper) ?? "").split(/(?<=[。！？])/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && s.length <= 160);
  if (sentences.length < 100) throw new Error("the seed documents should give the bench its sentences");
  return sentences;
}

async function seed(url: string) {
  const db = connectDatabase(url);
  const rand = random(42);
  const pick = <T>(values: readonly T[]) => values[Math.floor(rand() * values.length)]!;
  const sentences = corpus();
  const owner = await db.user.create({
    data: { email: "bench-search@huitong.bench", name: "Bench", passwordHash: "x" },
  });
  const review = await db.$transaction((tx) =>
    createReviewIn(tx, owner.id, { titleZh: "万篇文献检索基准", titleEn: null }),
  );
  const stages = await db.reviewStage.findMany({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
  const started = performance.now();
  const itemIds: string[] = [];
  for (let batch = 0; batch < BASE_PAPERS; batch += 500) {
    const rows = Array.from({ length: Math.min(500, BASE_PAPERS - batch) }, (_, i) => {
      const fullText = Array.from({ length: 12 }, () => pick(sentences)).join("\n");
      return {
        reviewId: review.id,
        stageId: pick(stages).id,
        titleZh: pick(sentences).slice(0, 30),
        titleEn: Array.from({ length: 8 }, () => pick(ENGLISH)).join(" "),
        year: 2000 + Math.floor(rand() * 26),
        keywordsZh: [pick(sentences).slice(0, 4), pick(sentences).slice(4, 8)],
        keywordsEn: [pick(ENGLISH), pick(ENGLISH)],
        abstractZh: Array.from({ length: 3 }, () => pick(sentences)).join(""),
        abstractEn: Array.from({ length: 60 }, () => pick(ENGLISH)).join(" "),
        fullText,
        sourceKind: "MANUAL" as const,
        seedKey: `bench-${batch + i}`,
      };
    });
    await db.reviewItem.createMany({ data: rows });
  }
  for (const item of await db.reviewItem.findMany({ where: { reviewId: review.id }, select: { id: true } })) {
    itemIds.push(item.id);
  }
  // 100 papers' passages at a time: a createMany above PostgreSQL's bind-parameter limit is split by Prisma into
  // chunks that it sends at once on one transaction's connection (pg's "client.query() when the client is
  // already executing a query" deprecation), so each statement stays below it.
  for (let batch = 0; batch < itemIds.length; batch += 100) {
    const items = await db.reviewItem.findMany({
      where: { id: { in: itemIds.slice(batch, batch + 100) } },
      select: { id: true, fullText: true },
    });
    const codings = items.flatMap((item) => {
      const text = item.fullText ?? "";
      return Array.from({ length: PASSAGES_PER_PAPER }, () => {
        const start = Math.floor(rand() * Math.max(1, text.length - 80));
        const end = start + 20 + Math.floor(rand() * 60);
        return {
          reviewId: review.id,
          itemId: item.id,
          field: "FULL_TEXT" as const,
          start,
          end,
          quote: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - 20), start),
          suffix: text.slice(end, end + 20),
          memo: rand() < 0.4 ? pick(sentences) : null,
          createdById: owner.id,
        };
      });
    });
    await db.coding.createMany({ data: codings });
  }
  const inserted = performance.now() - started;
  console.log(
    `built ${BASE_PAPERS} papers and ${BASE_PAPERS * PASSAGES_PER_PAPER} passages in ${(inserted / 1000).toFixed(1)} s`,
  );
  return { db, reviewId: review.id, ownerId: owner.id };
}

/** The columns of a table, each as a SELECT expression: the named ones rewritten, the rest copied. */
async function copyColumns(client: pg.Client, table: string, rewrite: Record<string, string>) {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  const names = rows.map((r) => `"${r.column_name}"`);
  const values = rows.map((r) => rewrite[r.column_name] ?? `"${r.column_name}"`);
  return { names: names.join(", "), values: values.join(", ") };
}

/**
 * Grows the review to PAPERS papers by copying the indexed BASE_PAPERS (items, their passages and the search
 * entries of both) under new ids, in SQL: triggers off for the session (nothing to queue: the entries are
 * copied too), the GIN indexes dropped during the copy and built again at the end, as a bulk load would.
 */
async function replicate(url: string, reviewId: string) {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    // The GIN indexes (lib/search/search.ts and the search migrations) are dropped during the copy and built
    // again at the end, as a bulk load would.
    const gin: Record<string, string> = {
      SearchEntry_tsv_idx: `USING GIN ("tsv")`,
      SearchEntry_headTsv_idx: `USING GIN ("headTsv")`,
      SearchEntry_latinPairs_idx: `USING GIN (search_latin_pairs("latinTsv"))`,
      SearchEntry_tsv_share64_idx: `USING GIN ("tsv") WHERE (hashtext("id") & 1023) < 16`,
      SearchEntry_tsv_share8_idx: `USING GIN ("tsv") WHERE (hashtext("id") & 1023) >= 896`,
      SearchEntry_headTsv_share64_idx: `USING GIN ("headTsv") WHERE (hashtext("id") & 1023) >= 16 AND (hashtext("id") & 1023) < 32`,
    };
    for (const name of Object.keys(gin)) await client.query(`DROP INDEX IF EXISTS "${name}"`);
    const copies = Math.ceil(PAPERS / BASE_PAPERS) - 1;
    for (let copy = 1; copy <= copies; copy++) {
      const papers = Math.min(BASE_PAPERS, PAPERS - copy * BASE_PAPERS);
      const suffix = `'~${copy}'`;
      await client.query("BEGIN");
      // The first `papers` originals (by seed key), so a size that is no multiple of the base still comes out exact.
      await client.query(
        `CREATE TEMP TABLE originals ON COMMIT DROP AS
           SELECT "id" FROM "ReviewItem" WHERE "reviewId" = $1 AND "seedKey" LIKE 'bench-%' AND "seedKey" NOT LIKE '%~%'
            ORDER BY "seedKey" LIMIT $2`,
        [reviewId, papers],
      );
      const item = await copyColumns(client, "ReviewItem", {
        id: `"id" || ${suffix}`,
        seedKey: `"seedKey" || ${suffix}`,
      });
      await client.query(
        `INSERT INTO "ReviewItem" (${item.names}) SELECT ${item.values} FROM "ReviewItem" WHERE "id" IN (SELECT "id" FROM originals)`,
      );
      const coding = await copyColumns(client, "Coding", { id: `"id" || ${suffix}`, itemId: `"itemId" || ${suffix}` });
      await client.query(
        `INSERT INTO "Coding" (${coding.names}) SELECT ${coding.values} FROM "Coding" WHERE "itemId" IN (SELECT "id" FROM originals)`,
      );
      const entry = await copyColumns(client, "SearchEntry", {
        id: `"id" || ${suffix}`,
        sourceId: `"sourceId" || ${suffix}`,
        itemId: `"itemId" || ${suffix}`,
      });
      await client.query(
        `INSERT INTO "SearchEntry" (${entry.names}) SELECT ${entry.values} FROM "SearchEntry"
          WHERE "reviewId" = $1 AND "itemId" IN (SELECT "id" FROM originals)`,
        [reviewId],
      );
      await client.query("COMMIT");
      process.stdout.write(`\rcopied ${(copy + 1) * BASE_PAPERS > PAPERS ? PAPERS : (copy + 1) * BASE_PAPERS} papers`);
    }
    const indexing = performance.now();
    for (const [name, definition] of Object.entries(gin)) {
      await client.query(`CREATE INDEX "${name}" ON "SearchEntry" ${definition}`);
    }
    console.log(
      `\ngrew the review to ${PAPERS} papers in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(GIN indexes built in ${((performance.now() - indexing) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await client.end();
  }
}

/**
 * BENCH_REUSE=1 (or `--reuse NAME`) keeps the built review in a database named after its size (or NAME) and
 * reuses it on the next run, so a 100,000-paper review is built once and then measured or EXPLAINed at will.
 */
const REUSE_NAME = option("reuse") ?? process.env.BENCH_REUSE_NAME;
async function reusableDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("BENCH_REUSE needs TEST_DATABASE_URL (a PostgreSQL server to keep the database on)");
  const name = REUSE_NAME ?? `huitong_bench_search_${PAPERS}_${PASSAGES_PER_PAPER}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`--reuse ${name}: a database name of a-z, 0-9 and _`);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop: async () => {} };
}

async function existingReview(url: string) {
  const db = connectDatabase(url);
  const owner = await db.user.findUnique({ where: { email: "bench-search@huitong.bench" } });
  const review = owner && (await db.review.findFirst({ where: { titleZh: "万篇文献检索基准" } }));
  if (!owner || !review) {
    await db.$disconnect();
    return null;
  }
  console.log(`reusing the review built earlier in ${new URL(url).pathname.slice(1)}`);
  return { db, reviewId: review.id, ownerId: owner.id };
}

/** Removes a scratch database: dropped from TEST_DATABASE_URL's server, or the embedded server's files deleted. */
async function dropDatabase(database: { url: string; stop: () => Promise<void> }) {
  await database.stop();
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${new URL(database.url).pathname.slice(1)}" WITH (FORCE)`);
    await client.end();
  } else {
    rmSync(path.join(root, ".data/bench"), { recursive: true, force: true });
  }
}

/** CPU time so far, ms: this process, and the server processes of the bench's database (null if unreadable). */
async function cpuNow(db: Awaited<ReturnType<typeof seed>>["db"]): Promise<{ node: number; server: number | null }> {
  const usage = process.cpuUsage();
  const node = (usage.user + usage.system) / 1000;
  try {
    const backends = await db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
    let ticks = 0;
    for (const { pid } of backends) {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return { node, server: ticks * 10 };
  } catch {
    return { node, server: null };
  }
}

/** The labelled corpus in a database of its own: precision@10 and recall per kind of query. */
async function quality() {
  const database = await prepareDatabase();
  try {
    await migrate(database.url, path.join(root, "prisma/migrations"));
    const db = connectDatabase(database.url);
    const owner = await db.user.create({
      data: { email: "bench-quality@huitong.bench", name: "Quality", passwordHash: "x" },
    });
    const review = await db.$transaction((tx) =>
      createReviewIn(tx, owner.id, { titleZh: "检索质量标注集", titleEn: null }),
    );
    const keys = await loadQualityCorpus(db, review.id);
    await drainSearchQueue(db);
    const outcomes = await evaluateQuality(await accessTo(owner.id, review.id), keys);
    console.log(`\nsearch quality on the labelled corpus: ${keys.size} papers, ${outcomes.length} queries\n`);
    console.log(`${"kind of query".padEnd(16)} ${"queries".padStart(8)} ${"P@10".padStart(8)} ${"recall".padStart(8)}`);
    for (const row of qualityByKind(outcomes)) {
      console.log(
        `${row.kind.padEnd(16)} ${String(row.queries).padStart(8)} ${row.precisionAt10.toFixed(2).padStart(8)} ${row.recall.toFixed(2).padStart(8)}`,
      );
    }
    for (const outcome of outcomes.filter((o) => o.precisionAt10 < 1 || o.recall < 1)) {
      console.log(`  imperfect: ${outcome.q} expected [${outcome.expected}] found [${outcome.found}]`);
    }
    await db.$disconnect();
  } finally {
    await closeSearchPool();
    await dropDatabase(database);
  }
}

async function main() {
  if (process.env.BENCH_QUALITY !== "0") await quality();
  const reuse = process.env.BENCH_REUSE === "1" || REUSE_NAME !== undefined;
  const database = reuse ? await reusableDatabase() : await prepareDatabase();
  try {
    await migrate(database.url, path.join(root, "prisma/migrations"));
    const { db, reviewId, ownerId } = (reuse && (await existingReview(database.url))) || (await seed(database.url));
    const ownerAccess = await accessTo(ownerId, reviewId);
    if (process.env.BENCH_SEED_ONLY === "1") {
      await db.$disconnect();
      return;
    }

    const indexStart = performance.now();
    // BENCH_REINDEX=1 rebuilds a reused index from scratch (after a change to what is indexed).
    const sources = process.env.BENCH_REINDEX === "1" ? (await reindexAll(db)).sources : await drainSearchQueue(db);
    const indexSeconds = (performance.now() - indexStart) / 1000;
    if (PAPERS > BASE_PAPERS && (await db.reviewItem.count({ where: { reviewId } })) < PAPERS) {
      await replicate(database.url, reviewId);
    }
    await db.$executeRawUnsafe(`VACUUM ANALYZE "ReviewItem"`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Coding"`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE "SearchEntry"`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE "SearchPending"`);
    const [size] = await db.$queryRaw<{ total: bigint; gin: bigint; entries: bigint }[]>`
      SELECT pg_total_relation_size('"SearchEntry"') AS total, pg_relation_size('"SearchEntry_tsv_idx"') AS gin,
             (SELECT count(*) FROM "SearchEntry") AS entries`;
    const mib = (bytes: bigint | undefined) => `${(Number(bytes ?? 0) / 1024 / 1024).toFixed(1)} MiB`;
    console.log(`indexed ${sources} sources in ${indexSeconds.toFixed(1)} s; the index holds ${size?.entries} entries`);
    console.log(`index size: SearchEntry total ${mib(size?.total)} (GIN index on the tsvector ${mib(size?.gin)})`);

    const results: [string, number[]][] = [];
    const cpu: string[] = [];
    const only = process.env.BENCH_QUERIES?.split("|");
    for (const q of only ?? QUERIES) {
      const params = parseSearchParams({ q });
      const first = await searchReview(ownerAccess, params);
      const before = await cpuNow(db);
      const times = await measure(RUNS, async () => {
        await searchReview(ownerAccess, params);
      });
      const after = await cpuNow(db);
      results.push([`${q} (${first.approximate ? "≈" : ""}${first.total} hits)`, times]);
      // Warm-ups included: measure() runs the search 3 times more than it times.
      const runs = RUNS + 3;
      if (before.server !== null && after.server !== null) {
        cpu.push(
          `${q.padEnd(28)} ${((after.node - before.node) / runs).toFixed(1).padStart(6)} ${((after.server - before.server) / runs).toFixed(1).padStart(8)}`,
        );
      }
    }
    printTable(`search latency over ${RUNS} runs, ms (first page of 20, counts per kind)`, results);
    if (cpu.length) {
      // What a search costs whatever else the machine runs: CPU time of this process and of the database's
      // server processes (read from /proc, so only for a server on this machine), per search.
      console.log(`\nCPU per search, ms (independent of the machine's load; PostgreSQL in 10 ms ticks)\n`);
      console.log(`${"query".padEnd(28)} ${"node".padStart(6)} ${"postgres".padStart(8)}`);
      for (const line of cpu) console.log(line);
    }
    console.log(
      `\nmachine load (uptime): ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(", ")} on ${os.cpus().length} cores`,
    );
    await db.$disconnect();
  } finally {
    await closeSearchPool();
    if (!reuse) await dropDatabase(database);
  }
}

await main();
