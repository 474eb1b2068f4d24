// `npm run bench:load`: signed-in users browsing the library, item pages and search, against one web process
// and against two web processes (the users split between them, as a load balancer would), in the same run on
// the same database. Bounded and local: every request goes to 127.0.0.1, each phase lasts BENCH_SECONDS, each
// simulated user has at most one request in flight and reads for BENCH_THINK_MS (± 50 %) between pages, and a
// request unanswered after 30 s counts as an error. Prints throughput, median/p95 latency and errors per route.
//
// BENCH_USERS (200), BENCH_ITEMS (2,000), BENCH_SECONDS (30), BENCH_THINK_MS (1,000), BENCH_ROUTES, BENCH_LOAD_PORT (3760; the
// second process uses the next port). The production build is made first if the sources changed (as `npm start`
// does).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrate } from "@/lib/db/migrator";
import { PASSWORD, WORDS, pick, seedLoad } from "./load-seed";
import { percentile, prepareDatabase, root } from "./support";

const USERS = Number(process.env.BENCH_USERS ?? 200);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1_000);
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3760);
const SECRET = "bench-load-secret-0123456789abcdef";
function startWeb(url: string, port: number, name: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      HUITONG_ROLE: "web",
      DATABASE_URL: url,
      AUTH_SECRET: SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      HUITONG_SEED: "off",
      HUITONG_DATA_DIR: `.data/bench-load-${name}`,
      HUITONG_METRICS_PORT: "",
      // One line per request would be the bench's bottleneck.
      HUITONG_LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

async function waitForHealth(base: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 900; attempt++) {
    if (child.exitCode !== null) throw new Error(`web process on ${base} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${base} did not come up within 15 minutes`);
}

async function signIn(base: string, email: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${base}/reviews` }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in of ${email} failed (HTTP ${response.status})`);
  return session.split(";")[0]!;
}

type Route = "library" | "item page" | "search";
// BENCH_ROUTES narrows the mix, e.g. "library,item page".
const ROUTES: Route[] = (process.env.BENCH_ROUTES ?? "library,item page,search")
  .split(",")
  .map((route) => route.trim() as Route)
  .filter((route) => ["library", "item page", "search"].includes(route));

interface Phase {
  latencies: Record<Route, number[]>;
  errors: Record<Route, number>;
  seconds: number;
}

/** Every user loops over the three routes until the phase ends; user i uses bases[i % bases.length]. */
async function runPhase(bases: string[], cookies: string[], reviewId: string, ids: string[]): Promise<Phase> {
  const latencies: Record<Route, number[]> = { library: [], "item page": [], search: [] };
  const errors: Record<Route, number> = { library: 0, "item page": 0, search: 0 };
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const pathFor = (route: Route, n: number) => {
    if (route === "library") return `/reviews/${reviewId}/library?page=${1 + (n % 20)}`;
    if (route === "item page") return `/reviews/${reviewId}/items/${pick(ids, n * 7919)}`;
    return `/reviews/${reviewId}/search?q=${encodeURIComponent(pick(WORDS, n))}`;
  };
  await Promise.all(
    cookies.map(async (cookie, user) => {
      const base = bases[user % bases.length]!;
      for (let n = user; performance.now() < deadline; n++) {
        const route = ROUTES[n % ROUTES.length]!;
        const sent = performance.now();
        try {
          const response = await fetch(base + pathFor(route, n), {
            headers: { Cookie: cookie },
            redirect: "manual",
            signal: AbortSignal.timeout(30_000),
          });
          await response.arrayBuffer();
          if (response.status !== 200) errors[route]++;
          else latencies[route].push(performance.now() - sent);
        } catch {
          errors[route]++;
        }
        await new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));
      }
    }),
  );
  for (const route of ROUTES) latencies[route].sort((a, b) => a - b);
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const database = await prepareDatabase();
  const children: ChildProcess[] = [];
  try {
    await migrate(database.url, path.join(root, "prisma/migrations"));
    const seedStart = performance.now();
    const { reviewId, emails, ids } = await seedLoad(database.url, { users: USERS, items: ITEMS });
    console.log(`seeded ${USERS} users and ${ITEMS} items in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const bases = [`http://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT + 1}`];
    // The first builds when needed; the second starts once the build is there.
    children.push(startWeb(database.url, PORT, "a"));
    await waitForHealth(bases[0]!, children[0]!);
    children.push(startWeb(database.url, PORT + 1, "b"));
    await waitForHealth(bases[1]!, children[1]!);

    const cookies: string[] = [];
    for (let i = 0; i < emails.length; i += 8) {
      cookies.push(
        ...(await Promise.all(emails.slice(i, i + 8).map((email, k) => signIn(bases[(i + k) % 2]!, email)))),
      );
    }
    // Warm both processes' route code and caches before anything is measured.
    for (const base of bases) {
      for (let n = 0; n < 6; n++) {
        for (const route of ["library", `items/${ids[n]}`, `search?q=${encodeURIComponent(WORDS[n]!)}`]) {
          await (
            await fetch(`${base}/reviews/${reviewId}/${route}`, { headers: { Cookie: cookies[0]! } })
          ).arrayBuffer();
        }
      }
    }

    const one = await runPhase([bases[0]!], cookies, reviewId, ids);
    const two = await runPhase(bases, cookies, reviewId, ids);

    console.log(
      `\nLoad: ${USERS} signed-in users, ${THINK_MS} ms reading between pages, ${SECONDS} s per phase, ${ITEMS} items (latency in ms)\n`,
    );
    console.log(`${"".padEnd(12)} ${"one web process".padEnd(26)}   ${"two web processes".padEnd(26)}`);
    console.log(
      `${"route".padEnd(12)} ${"req/s".padStart(8)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"errors".padStart(7)}   ${"req/s".padStart(8)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"errors".padStart(7)}`,
    );
    const cells = (phase: Phase, route: Route) => {
      const times = phase.latencies[route];
      const errors = String(phase.errors[route]).padStart(7);
      if (!times.length) return `${"0".padStart(8)} ${"-".padStart(8)} ${"-".padStart(8)} ${errors}`;
      return `${(times.length / phase.seconds).toFixed(1).padStart(8)} ${percentile(times, 50).toFixed(0).padStart(8)} ${percentile(times, 95).toFixed(0).padStart(8)} ${errors}`;
    };
    for (const route of ROUTES) console.log(`${route.padEnd(12)} ${cells(one, route)}   ${cells(two, route)}`);
    const total = (phase: Phase) =>
      ROUTES.reduce((sum, route) => sum + phase.latencies[route].length, 0) / phase.seconds;
    console.log(
      `${"all".padEnd(12)} ${total(one).toFixed(1).padStart(8)} ${"".padStart(17)}   ${total(two).toFixed(1).padStart(8)}`,
    );
    console.log("\nerrors: answers other than 200, failed requests, and requests unanswered after 30 s");
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    await database.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
