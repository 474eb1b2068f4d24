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

const SCENARIOS = [
  { name: "1 section × 200 editors", sections: 1, editors: 200 },
  { name: "20 sections × 10 editors", sections: 20, editors: 10 },
];

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : NaN;
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
    spawn(process.execPath, ["--import", "tsx", "lib/collab/main.ts"], {
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
  rssMiB: number;
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
    for (let round = 0; round < ROUNDS; round++) {
      const expected = round + 1;
      const waits = sections.map(async (clients) => {
        const writer = clients[round % clients.length]!;
        const arrivals = clients.filter((client) => client !== writer).map((client) => whenLength(client, expected));
        const sentAt = performance.now();
        writer.appendParagraph(`第 ${round} 轮：韧性治理 resilience ${"文".repeat(40)}`);
        for (const arrivedAt of await Promise.all(arrivals)) latencies.push(arrivedAt - sentAt);
      });
      await Promise.all(waits);
    }
    await Promise.all(sections.flat().map((client) => client.waitStored(120_000)));
    const rss = children.reduce((sum, child) => sum + rssMiB(child.pid!), 0);
    for (const client of sections.flat()) client.close();
    latencies.sort((a, b) => a - b);
    return { connectMs, latencies, rssMiB: rss };
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
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
