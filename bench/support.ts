// What every bench shares: a scratch database (a new database on TEST_DATABASE_URL's server, or an embedded
// PostgreSQL), the production server on it, a signed-in session, and timing with warm-ups and percentiles.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

export const root = path.resolve(import.meta.dirname, "..");
export const PORT = Number(process.env.BENCH_PORT ?? 3900);
export const EMAIL = "bench-owner@huitong.bench";
export const PASSWORD = "bench-password";

export async function prepareDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const name = `huitong_bench_${randomBytes(4).toString("hex")}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return { url: url.toString(), stop: async () => {} };
  }
  const dataDir = path.join(root, ".data/bench");
  rmSync(dataDir, { recursive: true, force: true });
  return startEmbeddedPostgres({ dataDir, port: 54359, password: "bench", database: "huitong", unsafeFast: true });
}

export function startServer(url: string): ChildProcess {
  const server = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(PORT),
      HUITONG_SEED: "off",
      HUITONG_DATA_DIR: ".data/bench-app",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return server;
}

export async function waitForServer() {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the server did not come up within 10 minutes");
}

/** Signs in through next-auth's credentials callback, as the sign-in form does, and returns the session cookie. */
export async function signIn(): Promise<string> {
  const base = `http://localhost:${PORT}`;
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, callbackUrl: `${base}/reviews` }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (HTTP ${response.status})`);
  return [...cookies, session.split(";")[0]].join("; ");
}

export async function measure(runs: number, work: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Prints one table row per measurement: median and p95 in milliseconds. */
export function printTable(title: string, results: [string, number[]][]) {
  console.log(`\n${title}\n`);
  console.log(`${"measurement".padEnd(40)} ${"median".padStart(8)} ${"p95".padStart(8)}`);
  for (const [label, times] of results) {
    console.log(
      `${label.padEnd(40)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)}`,
    );
  }
}
