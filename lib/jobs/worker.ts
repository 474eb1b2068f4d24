// Runs queued jobs with graphile-worker: in the all-in-one `npm start` process, or as its own role
// (`npm run worker`) when scaled out. Jobs survive restarts and are retried with exponential back-off;
// graphile-worker locks each job, so two workers never run the same job at once. A worker killed mid-job has its
// job handed back within seconds (lib/jobs/liveness.ts), and stop() lets jobs in hand finish first.
import { EventEmitter } from "node:events";
import { run, runOnce, type Runner, type Task, type TaskList, type WorkerEvents } from "graphile-worker";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { createLogger, runWithRequestId } from "@/lib/ops/log";
import type { JobDefinition } from "./define-job";
import { REQUEST_ID_KEY } from "./enqueue";
import { startWorkerLiveness, sweepDeadWorkers } from "./liveness";
import { jobLogger } from "./queue-schema";
import { jobDefinitions } from "./task-list";

const logger = createLogger({ component: "jobs" });

export interface JobWorkerOptions {
  databaseUrl: string;
  concurrency?: number;
  /** How often to look for jobs whose run_at has come, besides the NOTIFY on every new job. */
  pollIntervalMs?: number;
  jobs?: JobDefinition[];
  db?: Database;
  /** How often this process looks for jobs of dead workers (default HUITONG_WORKER_SWEEP_SECONDS, 5 s). */
  sweepIntervalMs?: number;
  /** How long a job must have been locked before its worker's death is considered (default 5 s). */
  sweepGraceSeconds?: number;
  /**
   * How long stop() lets jobs in hand run before signalling them to abort (default
   * HUITONG_WORKER_SHUTDOWN_SECONDS, 20 s); a job that fails on the abort is retried by another worker.
   */
  shutdownAbortMs?: number;
}

export interface JobWorker {
  stop(): Promise<void>;
  /** Resolves when the worker stops on its own (for example when PostgreSQL goes away for good). */
  finished: Promise<void>;
}

/** The request that enqueued a job travels in its payload; the job's own schema never sees it. */
function splitPayload(raw: unknown): { payload: unknown; requestId: string | undefined } {
  if (raw && typeof raw === "object" && !Array.isArray(raw) && REQUEST_ID_KEY in raw) {
    const { [REQUEST_ID_KEY]: requestId, ...payload } = raw as Record<string, unknown>;
    return { payload, requestId: typeof requestId === "string" ? requestId : undefined };
  }
  return { payload: raw, requestId: undefined };
}

function taskList(db: Database, jobs: JobDefinition[]): TaskList {
  const tasks: TaskList = {};
  for (const job of jobs) {
    const task: Task = async (rawPayload, helpers) => {
      const { payload: raw, requestId } = splitPayload(rawPayload);
      const jobId = String(helpers.job.id);
      const jobLog = logger.child({ job: job.name, jobId, attempt: helpers.job.attempts });
      const execute = async () => {
        const started = Date.now();
        jobLog.info("job started");
        try {
          const payload = job.payload.parse(raw);
          await job.run(payload, {
            db,
            jobId,
            attempt: helpers.job.attempts,
            maxAttempts: helpers.job.max_attempts,
            signal: helpers.abortSignal,
            log: (message, data) => jobLog.info(message, data),
          });
          jobLog.info("job finished", { durationMs: Date.now() - started });
        } catch (error) {
          jobLog.warn("job failed; it is retried with back-off until its attempts run out", {
            durationMs: Date.now() - started,
            maxAttempts: helpers.job.max_attempts,
            error,
          });
          throw error;
        }
      };
      // Log lines of the job carry the id of the request that enqueued it.
      await (requestId ? runWithRequestId(requestId, execute) : execute());
    };
    tasks[job.name] = task;
  }
  return tasks;
}

export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const db = options.db ?? createDatabaseClient(options.databaseUrl);
  let runner: Runner | null = null;
  let stopped = false;
  let lostLiveness: (() => void) | null = null;
  const livenessLost = new Promise<void>((resolve) => (lostLiveness = resolve));
  const liveness = await startWorkerLiveness(options.databaseUrl, (error) => {
    // Without its liveness session this process's jobs look abandoned to the other workers' sweeps: stop
    // taking jobs, and let the role's supervisor start a fresh process.
    logger.error("lost the worker's liveness session; stopping the job worker", { error });
    lostLiveness?.();
    if (!stopped) void runner?.stop().catch(() => {});
  });
  const events: WorkerEvents = new EventEmitter();
  // A worker's lock is taken when graphile-worker creates it, before its first job, and let go when it stops.
  events.on("worker:create", ({ worker }) => liveness.track(worker.workerId));
  events.on("worker:stop", ({ worker }) => liveness.release(worker.workerId));
  const sweepEnv = Number(process.env.HUITONG_WORKER_SWEEP_SECONDS);
  const sweep = sweepDeadWorkers(options.databaseUrl, {
    intervalMs: options.sweepIntervalMs ?? (sweepEnv > 0 ? sweepEnv * 1000 : 5_000),
    graceSeconds: options.sweepGraceSeconds ?? 5,
  });
  const shutdownEnv = Number(process.env.HUITONG_WORKER_SHUTDOWN_SECONDS);
  try {
    runner = await run({
      connectionString: options.databaseUrl,
      concurrency: options.concurrency ?? 2,
      pollInterval: options.pollIntervalMs ?? 2_000,
      noHandleSignals: true,
      logger: jobLogger(),
      events,
      gracefulShutdownAbortTimeout: options.shutdownAbortMs ?? (shutdownEnv > 0 ? shutdownEnv * 1000 : 20_000),
      taskList: taskList(db, options.jobs ?? jobDefinitions),
    });
  } catch (error) {
    await sweep.stop();
    await liveness.stop();
    throw error;
  }
  const started = runner;
  const cleanUp = async () => {
    await sweep.stop();
    await liveness.stop();
    if (!options.db) await db.$disconnect();
  };
  return {
    finished: Promise.race([started.promise.then(() => undefined), livenessLost]),
    async stop() {
      if (stopped) return;
      stopped = true;
      // graphile-worker's graceful shutdown: no new jobs, jobs in hand finish (or fail on the abort signal and
      // are released for a retry).
      await started.stop().catch((error: unknown) => {
        if (!(error instanceof Error && error.message.includes("already stopped"))) throw error;
      });
      await cleanUp();
    },
  };
}

/** Runs every job that is due now, then returns: for tests and maintenance scripts. */
export async function runDueJobs(databaseUrl: string, db: Database, jobs: JobDefinition[] = jobDefinitions) {
  await runOnce({ connectionString: databaseUrl, logger: jobLogger(), taskList: taskList(db, jobs) });
}
