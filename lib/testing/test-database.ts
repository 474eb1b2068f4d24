// Integration tests get a database of their own on the test server, migrated like production.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { connectDatabase, type Database } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error("TEST_DATABASE_URL is not set: run tests with `npm run test:unit`, which provides a PostgreSQL.");
  return url;
}

export async function createEmptyDatabase(prefix = "huitong_test"): Promise<{ url: string; name: string }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

export async function createTestDatabase(): Promise<{ db: Database; url: string }> {
  const { url } = await createEmptyDatabase();
  await migrate(url, path.resolve(import.meta.dirname, "../../prisma/migrations"));
  return { db: connectDatabase(url), url };
}
