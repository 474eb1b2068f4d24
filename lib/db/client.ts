// The one Prisma client of a process. Password hashes never leave this layer unless asked for.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Database = ReturnType<typeof createDatabaseClient>;

export function createDatabaseClient(databaseUrl: string) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const globalForDb = globalThis as unknown as { huitongDb?: Database };

export function db(): Database {
  if (!globalForDb.huitongDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Huitong with `npm start`, which provides it.");
    globalForDb.huitongDb = createDatabaseClient(url);
  }
  return globalForDb.huitongDb;
}

/** Points this process at a database explicitly (tests create one per file). */
export function connectDatabase(databaseUrl: string): Database {
  process.env.DATABASE_URL = databaseUrl;
  globalForDb.huitongDb = createDatabaseClient(databaseUrl);
  return globalForDb.huitongDb;
}

export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];
