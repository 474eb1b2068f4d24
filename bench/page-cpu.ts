// `npm run bench:page-cpu`: what one library page and one item page cost the web process in CPU time, measured
// from /proc while one signed-in member fetches them one after another (no concurrency, so other load on the
// machine stretches the wall time but hardly the CPU time). The same review as bench:load: BENCH_ITEMS (2,000)
// items, pages of the library and items picked as bench:load picks them. BENCH_PAGES (40) requests per route
// after a warm-up; BENCH_PAGE_CPU_PORT (3770). BENCH_WEB_NODE_ARGS passes Node options to the web process (e.g.
// "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it). The production build is made first if the sources changed.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrate } from "@/lib/db/migrator";
import { PASSWORD, pick, seedLoad } from "./load-seed";
import { percentile, prepareDatabase, root } from "./support";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2_000);
const PAGES = Number(process.env.BENCH_PAGES ?? 40);
const PORT = Number(process.env.BENCH_PAGE_CPU_PORT ?? 3770);
const NODE_ARGS = (process.env.BENCH_WEB_NODE_ARGS ?? "").split(" ").filter(Boolean);
const SECRET = "bench-page-cpu-secret-0123456789abcdef";

/** CPU time (user + system, every thread) the process has used so far, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main() {
  const database = await prepareDatabase();
  let web: ChildProcess | null = null;
  try {
    await migrate(database.url, path.join(root, "prisma/migrations"));
    const { reviewId, emails, ids } = await seedLoad(database.url, { users: 2, items: ITEMS });
    web = spawn(process.execPath, [...NODE_ARGS, "--import", "tsx", "scripts/start.ts"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        HUITONG_ROLE: "web",
        DATABASE_URL: database.url,
        AUTH_SECRET: SECRET,
        PORT: String(PORT),
        HOST: "127.0.0.1",
        HUITONG_SEED: "off",
        HUITONG_DATA_DIR: ".data/bench-page-cpu",
        HUITONG_METRICS_PORT: "",
        HUITONG_LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    const base = `http://127.0.0.1:${PORT}`;
    for (let attempt = 0; ; attempt++) {
      if (web.exitCode !== null) throw new Error(`the web process exited with ${web.exitCode}`);
      if (attempt > 900) throw new Error("the web process did not come up within 15 minutes");
      const up = await fetch(`${base}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const csrfResponse = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const cookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
      body: new URLSearchParams({ csrfToken, email: emails[1]!, password: PASSWORD, callbackUrl: `${base}/reviews` }),
    });
    const session = signIn.headers.getSetCookie().find((cookie) => cookie.includes("session-token"));
    if (!session) throw new Error(`sign-in failed (HTTP ${signIn.status})`);
    const cookie = session.split(";")[0]!;

    const routes: [string, (n: number) => string][] = [
      ["library", (n) => `/reviews/${reviewId}/library?page=${1 + (n % 20)}`],
      ["item page", (n) => `/reviews/${reviewId}/items/${pick(ids, n * 7919)}`],
    ];
    const fetchPage = async (url: string) => {
      const response = await fetch(base + url, { headers: { Cookie: cookie }, redirect: "manual" });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
      return body.byteLength;
    };
    for (const [, url] of routes) for (let n = 0; n < 10; n++) await fetchPage(url(1000 + n));

    console.log(`\nPage cost in the web process, ${PAGES} requests each, one at a time (${ITEMS} items)\n`);
    console.log(
      `${"route".padEnd(12)} ${"CPU ms/page".padStart(12)} ${"wall median".padStart(12)} ${"wall p95".padStart(9)} ${"HTML KiB".padStart(9)}`,
    );
    for (const [name, url] of routes) {
      const wall: number[] = [];
      let bytes = 0;
      const before = cpuMs(web.pid!);
      // Monotonic µs, the clock of a --cpu-prof profile: marks the measured window in it.
      const from = process.hrtime.bigint() / 1000n;
      for (let n = 0; n < PAGES; n++) {
        const start = performance.now();
        bytes += await fetchPage(url(n));
        wall.push(performance.now() - start);
      }
      const cpu = (cpuMs(web.pid!) - before) / PAGES;
      if (NODE_ARGS.length) console.error(`${name}: profile window ${from}-${process.hrtime.bigint() / 1000n}`);
      wall.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(12)} ${cpu.toFixed(1).padStart(12)} ${percentile(wall, 50).toFixed(1).padStart(12)} ${percentile(wall, 95).toFixed(1).padStart(9)} ${(bytes / PAGES / 1024).toFixed(0).padStart(9)}`,
      );
    }
  } finally {
    if (web && web.exitCode === null) {
      const exited = new Promise((resolve) => web!.once("exit", resolve));
      web.kill("SIGTERM");
      await exited;
    }
    await database.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
