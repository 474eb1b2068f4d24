// Worker processes that die or are stopped mid-job, on a real PostgreSQL. Two real worker processes share the
// queue; the one running the job is killed with SIGKILL, and the other must run it to completion exactly once
// (graphile-worker alone would leave it locked for four hours). A worker sent SIGTERM finishes its job first.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { KILLABLE_TABLE, killableJob } from "@/lib/testing/killable-job";
import { waitForLine } from "@/lib/testing/processes";
import { createTestDatabase } from "@/lib/testing/test-database";
import { enqueueJob } from "./enqueue";
import { prepareJobQueue } from "./queue-schema";

const root = path.resolve(import.meta.dirname, "../..");
let db: Database;
let databaseUrl: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  ({ db, url: databaseUrl } = await createTestDatabase());
  await prepareJobQueue(databaseUrl);
  await db.$executeRawUnsafe(
    `CREATE TABLE ${KILLABLE_TABLE} (label text NOT NULL, pid int NOT NULL, attempt int NOT NULL, phase text NOT NULL)`,
  );
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await db.$disconnect();
});

async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/killable-worker.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  children.push(child);
  await waitForLine(child, "job worker running");
  return child;
}

type Run = { pid: number; attempt: number; phase: string };
const runsOf = (label: string) =>
  db.$queryRawUnsafe<Run[]>(
    `SELECT pid, attempt, phase FROM ${KILLABLE_TABLE} WHERE label = $1 AND phase <> 'release' ORDER BY attempt, phase`,
    label,
  );
const release = (label: string) =>
  db.$executeRawUnsafe(
    `INSERT INTO ${KILLABLE_TABLE} (label, pid, attempt, phase) VALUES ($1, 0, 0, 'release')`,
    label,
  );
const queued = async () =>
  (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs`)[0]?.n ?? -1;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000) {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("job worker processes", () => {
  it("runs a killed worker's job to completion exactly once on the other worker", async () => {
    const workers = await Promise.all([startWorker(), startWorker()]);
    await enqueueJob(db, killableJob, { label: "killed" });
    const [started] = await until(
      () => runsOf("killed"),
      (runs) => runs.length > 0,
      "a worker starts the job",
    );
    const victim = workers.find((worker) => worker.pid === started!.pid)!;
    const survivor = workers.find((worker) => worker !== victim)!;
    const died = new Promise((resolve) => victim.once("exit", resolve));
    victim.kill("SIGKILL");
    await died;

    // Released by the survivor's sweep, retried there, and let finish.
    const retried = await until(
      () => runsOf("killed"),
      (runs) => runs.some((run) => run.pid === survivor.pid),
      "the surviving worker retries the job",
    );
    expect(retried.find((run) => run.pid === survivor.pid)).toMatchObject({ attempt: 2, phase: "started" });
    await release("killed");
    await until(queued, (count) => count === 0, "the job leaves the queue");
    const runs = await runsOf("killed");
    expect(runs.filter((run) => run.phase === "completed")).toEqual([
      { pid: survivor.pid, attempt: 2, phase: "completed" },
    ]);
    expect(runs.filter((run) => run.phase === "started")).toHaveLength(2);
    survivor.kill("SIGTERM");
    await new Promise((resolve) => survivor.once("exit", resolve));
  }, 120_000);

  it("finishes the job in hand on SIGTERM before the worker exits", async () => {
    const worker = await startWorker();
    await enqueueJob(db, killableJob, { label: "drained" });
    await until(
      () => runsOf("drained"),
      (runs) => runs.length > 0,
      "the worker starts the job",
    );
    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
    const stopping = waitForLine(worker, "stopping: finishing jobs in hand");
    worker.kill("SIGTERM");
    await stopping;
    // Only now may the job finish: a completion recorded by this process means it waited for the job.
    await release("drained");
    expect(await exited).toBe(0);
    expect(await runsOf("drained")).toEqual([
      { pid: worker.pid, attempt: 1, phase: "completed" },
      { pid: worker.pid, attempt: 1, phase: "started" },
    ]);
    expect(await queued()).toBe(0);
  }, 120_000);
});
