// The search's own small pool of PostgreSQL connections, set up for what a search asks of the server:
// - enable_seqscan off: the GIN indexes answer "which entries match" for any term in milliseconds, while a
//   sequential scan (which the planner favours for common terms under a LIMIT) reads and decompresses every
//   tsvector it passes;
// - jit off: compiling a plan to machine code costs more than running any of these statements;
// - work_mem 32 MB: the bitmap of a term in 30 % of a 100,000-paper review stays exact; a lossy bitmap would
//   make PostgreSQL re-read the large vectors of every entry on its pages;
// - no parallel workers: on a busy server, starting them costs more than the short statements they would share.
// Set once per connection (startup options), they cost no round trip per search; the app's other queries keep
// the server's defaults. The pool follows DATABASE_URL, which tests and benches point at their own database.
import pg from "pg";
import type { Prisma } from "@/lib/db/generated/client";

/** The settings of every search connection (exported for tests that EXPLAIN a search's statements). */
export const SEARCH_OPTIONS = "-c enable_seqscan=off -c jit=off -c work_mem=32MB -c max_parallel_workers_per_gather=0";

const globalForSearch = globalThis as unknown as { huitongSearchPool?: { url: string; pool: pg.Pool } };

function pool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Huitong with `npm start`, which provides it.");
  const current = globalForSearch.huitongSearchPool;
  if (current?.url === url) return current.pool;
  if (current) void current.pool.end().catch(() => {});
  // Two statements of a search run side by side; a few searches at once share the rest.
  const created = new pg.Pool({
    connectionString: url,
    options: SEARCH_OPTIONS,
    max: 6,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  globalForSearch.huitongSearchPool = { url, pool: created };
  return created;
}

/** Runs one statement built with Prisma.sql (its `$n` text and values) on the search pool. */
export async function searchQuery<T>(statement: Prisma.Sql): Promise<T[]> {
  const result = await pool().query(statement.text, statement.values as unknown[]);
  return result.rows as T[];
}

/** Closes the pool (benches and scripts that drop their database afterwards). */
export async function closeSearchPool(): Promise<void> {
  const current = globalForSearch.huitongSearchPool;
  globalForSearch.huitongSearchPool = undefined;
  await current?.pool.end();
}
