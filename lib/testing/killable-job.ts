// A job for tests of worker processes (lib/jobs/worker-kill.test.ts): it records each start and completion in a
// table with the process id, and holds until the test lets it finish, so the test can kill the worker running it.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

export const KILLABLE_TABLE = "test_killable_runs";

export const killableJob = defineJob({
  name: "test.killable",
  payload: z.object({ label: z.string() }),
  maxAttempts: 5,
  async run({ label }, { db, attempt, log }) {
    await db.$executeRawUnsafe(
      `INSERT INTO ${KILLABLE_TABLE} (label, pid, attempt, phase) VALUES ($1, $2, $3, 'started')`,
      label,
      process.pid,
      attempt,
    );
    log("holding until released", { label });
    for (;;) {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ${KILLABLE_TABLE} WHERE label = $1 AND phase = 'release'`,
        label,
      );
      if ((rows[0]?.n ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await db.$executeRawUnsafe(
      `INSERT INTO ${KILLABLE_TABLE} (label, pid, attempt, phase) VALUES ($1, $2, $3, 'completed')`,
      label,
      process.pid,
      attempt,
    );
  },
});
