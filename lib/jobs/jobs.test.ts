// The job queue against a real PostgreSQL: jobs exist only when their transaction commits, run once,
// are retried after a failure, and wake a running worker at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/testing/test-database";
import { defineJob } from "./define-job";
import { enqueueJob } from "./enqueue";
import { runDueJobs, startJobWorker } from "./worker";

let db: Database;
let url: string;
const runs: string[] = [];
let failuresLeft = 0;

const recordJob = defineJob({
  name: "test.record",
  payload: z.object({ label: z.string() }),
  maxAttempts: 3,
  async run({ label }) {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error("failing on purpose");
    }
    runs.push(label);
  },
});

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
});
afterAll(async () => {
  await db.$disconnect();
});

async function jobRows() {
  return db.$queryRaw<{ task_identifier: string; attempts: number; last_error: string | null }[]>`
    SELECT task_identifier, attempts, last_error FROM graphile_worker.jobs ORDER BY id`;
}

describe("job queue", () => {
  it("adds a job only when the transaction commits", async () => {
    await db
      .$transaction(async (tx) => {
        await enqueueJob(tx, recordJob, { label: "rolled back" });
        throw new Error("abort");
      })
      .catch(() => {});
    expect(await jobRows()).toHaveLength(0);
    await db.$transaction((tx) => enqueueJob(tx, recordJob, { label: "committed" }));
    await runDueJobs(url, db, [recordJob]);
    expect(runs).toEqual(["committed"]);
    expect(await jobRows()).toHaveLength(0);
  });

  it("refuses a payload that does not match the job's schema", async () => {
    await expect(enqueueJob(db, recordJob, { label: 42 } as unknown as { label: string })).rejects.toThrow();
    expect(await jobRows()).toHaveLength(0);
  });

  it("keeps a failed job with its error for a retry, then runs it once", async () => {
    runs.length = 0;
    failuresLeft = 1;
    await enqueueJob(db, recordJob, { label: "retried" });
    await runDueJobs(url, db, [recordJob]);
    const [failed] = await jobRows();
    if (!failed) throw new Error("the failed job should still be queued");
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain("failing on purpose");
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await runDueJobs(url, db, [recordJob]);
    expect(runs).toEqual(["retried"]);
    expect(await jobRows()).toHaveLength(0);
  });

  it("collapses jobs with one key that have not started", async () => {
    runs.length = 0;
    await enqueueJob(db, recordJob, { label: "first" }, { jobKey: "same" });
    await enqueueJob(db, recordJob, { label: "second" }, { jobKey: "same" });
    await runDueJobs(url, db, [recordJob]);
    expect(runs).toEqual(["second"]);
  });

  it("wakes a running worker when a job is added", async () => {
    runs.length = 0;
    const worker = await startJobWorker({ databaseUrl: url, db, jobs: [recordJob], pollIntervalMs: 60_000 });
    try {
      await enqueueJob(db, recordJob, { label: "live" });
      await expect.poll(() => runs, { timeout: 10_000 }).toEqual(["live"]);
    } finally {
      await worker.stop();
    }
  });

  it("runs each job exactly once when two workers share the queue", async () => {
    runs.length = 0;
    const labels = Array.from({ length: 30 }, (_, i) => `job-${i}`);
    const workers = await Promise.all(
      [1, 2].map(() =>
        startJobWorker({ databaseUrl: url, db, jobs: [recordJob], pollIntervalMs: 100, concurrency: 3 }),
      ),
    );
    try {
      await db.$transaction(async (tx) => {
        for (const label of labels) await enqueueJob(tx, recordJob, { label });
      });
      await expect.poll(() => runs.length, { timeout: 20_000 }).toBe(labels.length);
      expect([...runs].sort()).toEqual([...labels].sort());
      // A job leaves the table when graphile-worker completes it, just after its handler returns.
      await expect.poll(async () => (await jobRows()).length, { timeout: 10_000 }).toBe(0);
      expect(runs).toHaveLength(labels.length);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });
});
