// The job queue's tables live in PostgreSQL's graphile_worker schema, created and upgraded by graphile-worker
// itself. Kept apart from the worker so the migrator does not load every job's code.
import { Logger, runMigrations } from "graphile-worker";
import { createLogger } from "@/lib/ops/log";

const log = createLogger({ component: "graphile-worker" });

/** Idempotent and safe to run from every process at once (graphile-worker takes a lock). */
export async function prepareJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: jobLogger() });
}

// graphile-worker logs every job at info level, which our own job lines already say (lib/jobs/worker.ts): its
// info and debug lines are kept at debug level; warnings and errors stay.
export function jobLogger(): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const fields = { workerId: scope.workerId, jobId: scope.jobId, task: scope.taskIdentifier };
    if (level === "error") log.error(message, { ...fields, error: meta?.error });
    else if (level === "warning") log.warn(message, { ...fields, error: meta?.error });
    else log.debug(message, fields);
  });
}
