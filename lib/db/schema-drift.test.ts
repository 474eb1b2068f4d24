// Fails when the SQL migrations and prisma/schema.prisma describe different databases.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPrismaSchema, type SchemaCatalog } from "@/lib/testing/prisma-schema-reader";
import { createEmptyDatabase } from "@/lib/testing/test-database";
import { migrate } from "./migrator";

const root = path.resolve(import.meta.dirname, "../..");
const schema: SchemaCatalog = readPrismaSchema(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"));
let client: pg.Client;

beforeAll(async () => {
  const { url } = await createEmptyDatabase("huitong_drift");
  await migrate(url, path.join(root, "prisma/migrations"));
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client?.end());

async function columnsOf(table: string) {
  const result = await client.query<{
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    formatted: string;
  }>(
    `SELECT c.column_name, c.data_type, c.udt_name, c.is_nullable,
            format_type(a.atttypid, a.atttypmod) AS formatted
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name
      WHERE c.table_schema = 'public' AND c.table_name = $1`,
    [table],
  );
  return result.rows;
}

/**
 * Indexes Prisma cannot declare (on expressions, or partial): they live in the migrations' SQL only, named here.
 * Every other index must be in the schema.
 */
const SQL_ONLY_INDEXES = [
  "SearchEntry_latinPairs_idx",
  "SearchEntry_tsv_share64_idx",
  "SearchEntry_tsv_share8_idx",
  "SearchEntry_headTsv_share64_idx",
];

async function indexColumnSets(table: string, uniqueOnly: boolean) {
  const result = await client.query<{ columns: string[] }>(
    `SELECT array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = format('public.%I', $1::text)::regclass AND (NOT $2::boolean OR i.indisunique) AND NOT i.indisprimary
        AND NOT i.indexrelid::regclass::text = ANY($3::text[])
      GROUP BY i.indexrelid`,
    [table, uniqueOnly, SQL_ONLY_INDEXES.map((name) => `"${name}"`)],
  );
  return result.rows.map((row) => row.columns.join(","));
}

describe("migrations match prisma/schema.prisma", () => {
  it("has exactly the schema's tables", async () => {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(tables.rows.map((r) => r.table_name).sort()).toEqual(schema.models.map((m) => m.name).sort());
  });

  it("has exactly the schema's enums and values", async () => {
    const enums = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(enums.rows.map((r) => [r.name, r.values]))).toEqual(Object.fromEntries(schema.enums));
  });

  for (const model of schema.models) {
    it(`${model.name}: columns, types, nullability, unique constraints and indexes agree`, async () => {
      const columns = await columnsOf(model.name);
      const actual = Object.fromEntries(
        columns.map((c) => [
          c.column_name,
          {
            type: c.data_type === "USER-DEFINED" ? c.udt_name : c.formatted.replace(/\[\]$/, ""),
            nullable: c.is_nullable === "YES",
            list: c.data_type === "ARRAY",
          },
        ]),
      );
      const expected = Object.fromEntries(
        model.columns.map((c) => [c.name, { type: c.type, nullable: c.nullable, list: c.list }]),
      );
      expect(actual).toEqual(expected);
      const uniques = await indexColumnSets(model.name, true);
      expect(uniques.sort()).toEqual(model.uniques.map((u) => u.join(",")).sort());
      const all = await indexColumnSets(model.name, false);
      expect(all.sort()).toEqual([...model.uniques, ...model.indexes].map((u) => u.join(",")).sort());
    });
  }

  it("has the indexes only the migrations' SQL can declare", async () => {
    const found = await client.query<{ name: string }>(
      `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indexrelid::regclass::text = ANY($1::text[])`,
      [SQL_ONLY_INDEXES.map((name) => `"${name}"`)],
    );
    expect(found.rows.map((r) => r.name.replace(/"/g, "")).sort()).toEqual([...SQL_ONLY_INDEXES].sort());
  });

  it("applying the migrations again changes nothing", async () => {
    const { url } = await createEmptyDatabase("huitong_drift_twice");
    expect((await migrate(url, path.join(root, "prisma/migrations"))).length).toBeGreaterThan(0);
    expect(await migrate(url, path.join(root, "prisma/migrations"))).toEqual([]);
  });
});
