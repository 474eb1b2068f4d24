// Every setting Huitong reads, with its default. Secrets that have no value in the environment are
// generated once and kept in the data directory, so `npm start` works with no .env at all.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Settings {
  /** Where generated secrets and the embedded database live. */
  dataDir: string;
  /** An external PostgreSQL; when absent, an embedded one is started under dataDir. */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number;
  port: number;
  /** The collaboration server's own port on 127.0.0.1; browsers reach it through the web server's /collab. */
  collabPort: number;
  host: string;
  authSecret: string;
  /** Seed the demo review and accounts at start (switch off in production). */
  seed: boolean;
}

interface GeneratedSecrets {
  authSecret: string;
  embeddedPostgresPassword: string;
}

export function projectRoot(): string {
  return process.env.HUITONG_ROOT ?? process.cwd();
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const dataDir = path.resolve(projectRoot(), env.HUITONG_DATA_DIR ?? ".data");
  const secrets = loadOrCreateSecrets(dataDir);
  return {
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPostgresPort: parsePort(env.HUITONG_PG_PORT, 54329, "HUITONG_PG_PORT"),
    port: parsePort(env.PORT, 3000, "PORT"),
    collabPort: parsePort(env.COLLAB_PORT, parsePort(env.PORT, 3000, "PORT") + 1, "COLLAB_PORT"),
    host: env.HOST ?? "0.0.0.0",
    authSecret: env.AUTH_SECRET || secrets.authSecret,
    seed: seedEnabled(env),
  };
}

/** Whether the demo seed is on; readable without touching the data directory. */
export function seedEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return parseBoolean(env.HUITONG_SEED, true, "HUITONG_SEED");
}

export function embeddedPostgresPassword(dataDir: string): string {
  return loadOrCreateSecrets(dataDir).embeddedPostgresPassword;
}

function loadOrCreateSecrets(dataDir: string): GeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as GeneratedSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: GeneratedSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    embeddedPostgresPassword: randomBytes(18).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function parsePort(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, got "${raw}"`);
  }
  return port;
}

function parseBoolean(raw: string | undefined, fallback: boolean, name: string): boolean {
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "on", "yes"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "off", "no"].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}
