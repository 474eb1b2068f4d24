// Search at scale, on synthetic index entries (written as the indexer would, many at once): counts are estimated
// within a few percent when exact counting would read too much, and the statements of a search read only a few
// rows where a naive plan would read every match (an English phrase whose words are everywhere, a year filter).
// Each statement the search sends is recorded and run again under EXPLAIN ANALYZE to count the rows it read.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { accessTo } from "@/lib/testing/access";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { closeSearchPool, SEARCH_OPTIONS } from "./connection";
import { parseSearchParams, searchReview } from "./search";

const statements: Prisma.Sql[] = [];
vi.mock("./connection", async (importOriginal) => {
  const original = await importOriginal<typeof import("./connection")>();
  return {
    ...original,
    searchQuery: (statement: Prisma.Sql) => {
      statements.push(statement);
      return original.searchQuery(statement);
    },
  };
});

let db: Database;
let explainer: pg.Client;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;

/** Passages of the review's paper: `count` entries with the given Han tsvector and English stems. */
async function insertEntries(prefix: string, count: number, tsv: string, latin = "", itemId = team.itemId) {
  await db.$executeRawUnsafe(
    `INSERT INTO "SearchEntry" ("id", "reviewId", "kind", "sourceId", "itemId", "title", "body", "tsv", "headTsv",
                                "latinTsv", "fold", "updatedAt")
     SELECT $1 || n, $2, 'PASSAGE', $1 || n, $3, '', '', $4::tsvector || to_tsvector('english', $5),
            $4::tsvector || to_tsvector('english', $5), to_tsvector('english', $5), '', CURRENT_TIMESTAMP
       FROM generate_series(1, $6::int) AS n`,
    prefix,
    team.reviewId,
    itemId,
    tsv,
    latin,
    count,
  );
}

beforeAll(async () => {
  let url: string;
  ({ db, url } = await createTestDatabase());
  explainer = new pg.Client({ connectionString: url, options: SEARCH_OPTIONS });
  await explainer.connect();
  team = await createReviewWithTeam(db, "规模");
  // 60,000 entries hold 琤璁; every third also 瑷; 1,500 of them 珩; the English words of a phrase in the wrong
  // order in 5,000, in the right order in 7.
  await insertEntries("scale-a-", 20_000, "'琤璁':1 '瑷':2", "");
  await insertEntries("scale-b-", 38_500, "'琤璁':1", "");
  await insertEntries("scale-c-", 1_500, "'琤璁':1 '珩':2", "");
  await insertEntries("phrase-wrong-", 5_000, "", "rural urban integration and urban integration rural");
  await insertEntries("phrase-right-", 7, "", "urban rural integration");
  await db.$executeRawUnsafe(`VACUUM ANALYZE "SearchEntry"`);
}, 120_000);

afterAll(async () => {
  await closeSearchPool();
  await explainer?.end();
  await db.$disconnect();
});

async function search(q: string) {
  statements.length = 0;
  const result = await searchReview(await accessTo(team.users.OWNER.id, team.reviewId), parseSearchParams({ q }));
  return { result, statements: [...statements] };
}

interface PlanNode {
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/** Rows of SearchEntry a statement read from the table (returned or filtered out), under EXPLAIN ANALYZE. */
async function entriesRead(statement: Prisma.Sql): Promise<number> {
  const { rows } = await explainer.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
    statement.values as unknown[],
  );
  const row = rows[0];
  const walk = (node: PlanNode): number =>
    (node["Relation Name"] === "SearchEntry"
      ? ((node["Actual Rows"] ?? 0) +
          (node["Rows Removed by Filter"] ?? 0) +
          (node["Rows Removed by Index Recheck"] ?? 0)) *
        (node["Actual Loops"] ?? 1)
      : 0) + (node.Plans ?? []).reduce((sum, child) => sum + walk(child), 0);
  return walk(row!["QUERY PLAN"][0].Plan);
}

async function readByCounting(statements: Prisma.Sql[]): Promise<number> {
  let total = 0;
  // The counting statements (the ranking statement counts its candidates too, but not "AS n").
  for (const statement of statements.filter((s) => s.text.includes("count(*)::int AS n"))) {
    total += await entriesRead(statement);
  }
  return total;
}

describe("counts at scale", () => {
  it("estimates a count of 60,000 within 5 %, says so, and reads a few thousand entries to do it", async () => {
    const { result, statements } = await search("琤璁");
    expect(result.approximate).toBe(true);
    expect(Math.abs(result.counts.PASSAGE - 60_000) / 60_000).toBeLessThan(0.05);
    expect(await readByCounting(statements)).toBeLessThan(8_000);
  });

  it("estimates a word in a third of them within 5 %", async () => {
    const { result } = await search("琤璁 瑷");
    expect(result.approximate).toBe(true);
    expect(Math.abs(result.counts.PASSAGE - 20_000) / 20_000).toBeLessThan(0.05);
  });

  it("counts 1,500 matches exactly: too few to estimate within a few percent", async () => {
    const { result } = await search("珩");
    expect(result).toMatchObject({ approximate: false, total: 1_500 });
  });
});

describe("English phrases at scale", () => {
  it("finds the 7 entries holding the phrase in order without reading the 5,000 holding its words", async () => {
    const { result, statements } = await search('"urban rural integration"');
    expect(result).toMatchObject({ approximate: false, total: 7 });
    expect(result.hits).toHaveLength(7);
    let read = 0;
    for (const statement of statements) read += await entriesRead(statement);
    expect(read).toBeLessThan(200);
  });

  it("a phrase with stop words between its words still matches as written", async () => {
    const { result } = await search('"integration rural and urban"');
    expect(result.total).toBe(0);
    expect((await search('"integration and urban"')).result.total).toBe(5_000);
  });
});
