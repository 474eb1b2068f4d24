// Runs queued jobs with graphile-worker: in the all-in-one `npm start` process, or as its own role
// (`npm run worker`) when scaled out. Jobs survive restarts and are retried with exponential back-off;
// graphile-worker locks each job, so two workers never run the same job at once.
import { run, runOnce, type Runner, type Task, type TaskList } from "graphile-worker";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import type { JobDefinition } from "./define-job";
import { jobLogger } from "./queue-schema";
import { jobDefinitions } from "./task-list";

export interface JobWorkerOptions {
  databaseUrl: string;
  concurrency?: number;
  /** How often to look for jobs whose run_at has come, besides the NOTIFY on every new job. */
  pollIntervalMs?: number;
  jobs?: JobDefinition[];
  db?: Database;
}

export interface JobWorker {
  stop(): Promise<void>;
  /** Resolves when the worker stops on its own (for example when PostgreSQL goes away for good). */
  finished: Promise<void>;
}

function taskList(db: Database, jobs: JobDefinition[]): TaskList {
  const tasks: TaskList = {};
  for (const job of jobs) {
    const task: Task = async (rawPayload, helpers) => {
      const payload = job.payload.parse(rawPayload);
      await job.run(payload, {
        db,
        jobId: String(helpers.job.id),
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        log: (message, data) =>
          console.log(
            JSON.stringify({ level: "info", job: job.name, jobId: String(helpers.job.id), message, ...data }),
          ),
      });
    };
    tasks[job.name] = task;
  }
  return tasks;
}

export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const db = options.db ?? createDatabaseClient(options.databaseUrl);
  const runner: Runner = await run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollIntervalMs ?? 2_000,
    noHandleSignals: true,
    logger: jobLogger(),
    taskList: taskList(db, options.jobs ?? jobDefinitions),
  });
  return {
    finished: runner.promise.then(() => undefined),
    async stop() {
      await runner.stop();
      if (!options.db) await db.$disconnect();
    },
  };
}

/** Runs every job that is due now, then returns: for tests and maintenance scripts. */
export async function runDueJobs(databaseUrl: string, db: Database, jobs: JobDefinition[] = jobDefinitions) {
  await runOnce({ connectionString: databaseUrl, logger: jobLogger(), taskList: taskList(db, jobs) });
}
