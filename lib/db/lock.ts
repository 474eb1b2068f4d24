// Row locks for check-then-write commands: a transaction that reads a row to decide what to write locks it
// first, so a competing transaction waits and then reads what the first one committed (PostgreSQL, read
// committed). Tables are named from a fixed list, never from input.
import { Prisma } from "./generated/client";
import type { Transaction } from "./client";

type LockableTable = "ReviewItem" | "CommentThread" | "SynthesisSection";

/** Locks the rows (in id order, so two transactions locking overlapping sets cannot deadlock). */
export async function lockRows(tx: Transaction, table: LockableTable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const sorted = [...new Set(ids)].sort();
  await tx.$queryRaw`SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ANY(${sorted}::text[]) ORDER BY "id" FOR UPDATE`;
}
