// The job queue's tables live in PostgreSQL's graphile_worker schema, created and upgraded by graphile-worker
// itself. Kept apart from the worker so the migrator does not load every job's code.
import { Logger, runMigrations } from "graphile-worker";

/** Idempotent and safe to run from every process at once (graphile-worker takes a lock). */
export async function prepareJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: jobLogger() });
}

// graphile-worker logs every job at info level; keep warnings and errors, as one JSON line each.
export function jobLogger(): Logger {
  return new Logger(() => (level, message, meta) => {
    if (level === "error" || level === "warning") {
      console.error(JSON.stringify({ level, source: "jobs", message, ...(meta ?? {}) }));
    } else if (process.env.HUITONG_DEBUG) {
      console.log(JSON.stringify({ level, source: "jobs", message }));
    }
  });
}
