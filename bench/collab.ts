// `npm run bench:collab`: simulated editors on the real collaboration process, on one process and on two
// processes joined through Redis, in the same run. Two scenarios: 200 editors in one section (each round one
// editor appends a paragraph), and 20 sections × 10 editors (each round one editor in every section appends at
// once). The time until every other editor of the section has the paragraph is the propagation latency; the
// bench prints median and p95 for one process and for two side by side, with the ratio, and the processes'
// memory. On two processes the editors alternate between them, so most arrivals cross Redis.
// All simulated editors share this one Node process, so the latency includes their own work, as a busy client
// would see it. BENCH_ROUNDS (default 30) sets the rounds; REDIS_URL (default redis://127.0.0.1:6379) the Redis.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { mintCollabToken } from "@/lib/collab/token";
import { connectDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { createReviewIn } from "@/lib/reviews/commands";
import { SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { createSection } from "@/lib/synthesis/sections";
import { connectSection, type SectionClient } from "@/lib/testing/collab-client";
import { waitForLine } from "@/lib/testing/processes";
import { percentile, prepareDatabase, root } from "./support";
import { accessTo } from "@/lib/testing/access";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const BASE_PORT = Number(process.env.BENCH_COLLAB_PORT ?? 3950);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const SECRET = "bench-collab-secret";
const NODE_ARGS = (process.env.BENCH_COLLAB_NODE_ARGS ?? "").split(" ").filter(Boolean);

const ALL_SCENARIOS = [
  { name: "1 section × 200 editors", sections: 1, editors: 200 },
  { name: "20 sections × 10 editors", sections: 20, editors: 10 },
];
// BENCH_SCENARIOS=2 (or "1,2") runs only those scenarios, numbered from 1.
const SCENARIOS = process.env.BENCH_SCENARIOS
  ? process.env.BENCH_SCENARIOS.split(",").map((n) => ALL_SCENARIOS[Number(n) - 1]!)
  : ALL_SCENARIOS;

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resolves when the client's section has at least `length` paragraphs. */
function whenLength(client: SectionClient, length: number): Promise<number> {
  const fragment = client.doc.getXmlFragment(SECTION_FRAGMENT);
  return new Promise((resolve) => {
    if (fragment.length >= length) return resolve(performance.now());
    const observer = () => {
      if (fragment.length < length) return;
      fragment.unobserveDeep(observer);
      resolve(performance.now());
    };
    fragment.observeDeep(observer);
  });
}

async function startProcesses(
  count: number,
  databaseUrl: string,
): Promise<{ ports: number[]; children: ChildProcess[] }> {
  const ports = Array.from({ length: count }, (_, i) => BASE_PORT + i);
  const children = ports.map((port, i) =>
    // BENCH_COLLAB_NODE_ARGS passes Node options to the collaboration processes, e.g. "--cpu-prof".
    spawn(process.execPath, [...NODE_ARGS, "--import", "tsx", "lib/collab/main.ts"], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: SECRET,
        COLLAB_PORT: String(port),
        // One process alone runs as a single-process deployment does, without Redis.
        REDIS_URL: count > 1 ? REDIS_URL : "",
        HUITONG_INSTANCE: `bench-collab-${i}`,
        HUITONG_METRICS_PORT: "",
        HUITONG_DATA_DIR: mkdtempSync(path.join(tmpdir(), "huitong-bench-collab-")),
      },
    }),
  );
  try {
    await Promise.all(children.map((child) => waitForLine(child, "collaboration server listening")));
  } catch (error) {
    for (const child of children) child.kill("SIGKILL");
    throw error;
  }
  return { ports, children };
}

async function stopProcesses(children: ChildProcess[]) {
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
}

interface Result {
  connectMs: number;
  latencies: number[];
  /** Arrivals at editors on the writer's own process, and on the other process (two processes only). */
  sameProcess: number[];
  otherProcess: number[];
  rssMiB: number;
  /** CPU ms per round while the rounds ran: the collaboration processes together, and this bench's editors. */
  serverCpuPerRound: number;
  clientCpuPerRound: number;
}

async function runScenario(
  ownerId: string,
  reviewId: string,
  scenario: (typeof SCENARIOS)[number],
  processCount: number,
  databaseUrl: string,
): Promise<Result> {
  const { ports, children } = await startProcesses(processCount, databaseUrl);
  try {
    const sections: SectionClient[][] = [];
    const connectStart = performance.now();
    for (let s = 0; s < scenario.sections; s++) {
      const { sectionId } = await createSection(await accessTo(ownerId, reviewId), {
        reviewId,
        title: `${scenario.name} · ${processCount} 进程 · ${s}`,
      });
      const token = mintCollabToken({ userId: ownerId, sectionId }, SECRET);
      sections.push(
        Array.from({ length: scenario.editors }, (_, i) =>
          connectSection({
            url: `ws://127.0.0.1:${ports[i % ports.length]}`,
            sectionId,
            token,
            doc: new Y.Doc(),
          }),
        ),
      );
    }
    await Promise.all(sections.flat().map((client) => client.synced));
    const connectMs = performance.now() - connectStart;

    const latencies: number[] = [];
    const sameProcess: number[] = [];
    const otherProcess: number[] = [];
    const serverCpuBefore = children.reduce((sum, child) => sum + cpuMs(child.pid!), 0);
    const clientCpuBefore = process.cpuUsage();
    if (process.env.BENCH_MARKS) console.error(`rounds-start ${processCount} ${process.hrtime.bigint() / 1000n}`);
    for (let round = 0; round < ROUNDS; round++) {
      const expected = round + 1;
      const waits = sections.map(async (clients) => {
        const writerIndex = round % clients.length;
        const writer = clients[writerIndex]!;
        const others = clients.map((client, i) => ({ client, i })).filter(({ i }) => i !== writerIndex);
        const arrivals = others.map(({ client }) => whenLength(client, expected));
        const sentAt = performance.now();
        writer.appendParagraph(`第 ${round} 轮：韧性治理 resilience ${"文".repeat(40)}`);
        const arrived = await Promise.all(arrivals);
        arrived.forEach((arrivedAt, k) => {
          const latency = arrivedAt - sentAt;
          latencies.push(latency);
          const same = others[k]!.i % ports.length === writerIndex % ports.length;
          (same ? sameProcess : otherProcess).push(latency);
        });
      });
      await Promise.all(waits);
    }
    const serverCpuPerRound = (children.reduce((sum, child) => sum + cpuMs(child.pid!), 0) - serverCpuBefore) / ROUNDS;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    if (process.env.BENCH_MARKS) console.error(`rounds-end ${processCount} ${process.hrtime.bigint() / 1000n}`);
    const clientCpuPerRound = (clientCpu.user + clientCpu.system) / 1000 / ROUNDS;
    await Promise.all(sections.flat().map((client) => client.waitStored(120_000)));
    const rss = children.reduce((sum, child) => sum + rssMiB(child.pid!), 0);
    for (const client of sections.flat()) client.close();
    for (const list of [latencies, sameProcess, otherProcess]) list.sort((a, b) => a - b);
    return { connectMs, latencies, sameProcess, otherProcess, rssMiB: rss, serverCpuPerRound, clientCpuPerRound };
  } finally {
    await stopProcesses(children);
  }
}

async function main() {
  const database = await prepareDatabase();
  await migrate(database.url, path.join(root, "prisma/migrations"));
  const db = connectDatabase(database.url);
  process.env.DATABASE_URL = database.url;
  const owner = await db.user.create({
    data: { email: "bench-collab@huitong.bench", name: "Bench", passwordHash: "x" },
  });
  const review = await db.$transaction((tx) => createReviewIn(tx, owner.id, { titleZh: "协作基准", titleEn: null }));

  const rows: string[] = [];
  const details: string[] = [];
  const cpu: string[] = [];
  try {
    for (const scenario of SCENARIOS) {
      // Interleaved per scenario, so both topologies see the same machine load.
      const one = await runScenario(owner.id, review.id, scenario, 1, database.url);
      const two = await runScenario(owner.id, review.id, scenario, 2, database.url);
      const cell = (result: Result) =>
        `${percentile(result.latencies, 50).toFixed(1).padStart(7)} ${percentile(result.latencies, 95).toFixed(1).padStart(7)}`;
      const ratio = (p: number) => (percentile(two.latencies, p) / percentile(one.latencies, p)).toFixed(2);
      rows.push(
        `${scenario.name.padEnd(26)} ${cell(one)}   ${cell(two)}   ${ratio(50).padStart(5)}× ${ratio(95).padStart(5)}×   ` +
          `${one.connectMs.toFixed(0).padStart(6)} ${two.connectMs.toFixed(0).padStart(6)}   ${one.rssMiB.toFixed(0).padStart(5)} ${two.rssMiB.toFixed(0).padStart(5)}`,
      );
      const split = (list: number[]) =>
        `${percentile(list, 50).toFixed(1).padStart(7)} ${percentile(list, 95).toFixed(1).padStart(7)}`;
      details.push(
        `${scenario.name.padEnd(26)} editors on the writer's process ${split(two.sameProcess)}   on the other ${split(two.otherProcess)}`,
      );
      cpu.push(
        `${scenario.name.padEnd(26)} collaboration ${one.serverCpuPerRound.toFixed(1).padStart(6)} ${two.serverCpuPerRound.toFixed(1).padStart(6)}` +
          `   bench editors ${one.clientCpuPerRound.toFixed(1).padStart(6)} ${two.clientCpuPerRound.toFixed(1).padStart(6)}`,
      );
    }
  } finally {
    await db.$disconnect();
    await database.stop();
  }

  console.log(
    `\nCollaboration: propagation to every other editor of the section, one process vs two through Redis (${ROUNDS} rounds, ms)\n`,
  );
  console.log(
    `${"".padEnd(26)} ${"one process".padEnd(15)}   ${"two (Redis)".padEnd(15)}   ${"two / one".padEnd(13)}   ${"connect ms".padEnd(13)}   ${"RSS MiB".padEnd(11)}`,
  );
  console.log(
    `${"scenario".padEnd(26)} ${"median".padStart(7)} ${"p95".padStart(7)}   ${"median".padStart(7)} ${"p95".padStart(7)}   ${"median".padStart(6)} ${"p95".padStart(6)}   ${"one".padStart(6)} ${"two".padStart(6)}   ${"one".padStart(5)} ${"two".padStart(5)}`,
  );
  for (const row of rows) console.log(row);
  console.log(`\nTwo processes, by where the receiving editor is connected (median, p95 ms):\n`);
  for (const row of details) console.log(row);
  console.log(
    `\nCPU ms per round while the rounds ran (one process, two processes together), independent of other load:\n`,
  );
  for (const row of cpu) console.log(row);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
