// Getting a killed worker's jobs retried promptly. graphile-worker locks a job to the worker running it and, when
// that worker dies without saying so (SIGKILL, OOM, a lost machine), only releases the lock after four hours.
//
// Each worker process therefore holds a PostgreSQL session for as long as it lives, and in it one session-level
// advisory lock per graphile-worker worker id it runs. PostgreSQL releases those locks the moment the session
// ends, which is the moment the process dies (its socket closes). Every worker process periodically sweeps: a
// job locked by a worker id whose advisory lock it can take belongs to a dead worker, and
// graphile_worker.force_unlock_workers() hands it back to the queue, where another worker retries it.
//
// A worker is created just before it asks for its first job and takes its advisory lock a moment later, so the
// sweep only considers locks older than a grace period. If a process loses its liveness session while alive, its
// locks are gone and another sweep could hand its jobs out again: the process must stop its worker (onLost).
import pg from "pg";
import { createLogger } from "@/lib/ops/log";

const log = createLogger({ component: "job-liveness" });

// First key of the two-key advisory locks (int4, int4): "HW" for Huitong workers. The second is hashtext(id).
export const LIVENESS_LOCK_NAMESPACE = 0x4857;

export interface WorkerLiveness {
  /** Holds this worker id's lock for as long as the process lives (or until release). */
  track(workerId: string): void;
  release(workerId: string): void;
  stop(): Promise<void>;
}

export async function startWorkerLiveness(
  databaseUrl: string,
  onLost: (error: Error) => void,
): Promise<WorkerLiveness> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "huitong-worker-liveness" });
  let stopping = false;
  const lost = (error: Error) => {
    if (stopping) return;
    stopping = true;
    onLost(error);
  };
  client.on("error", (error) => lost(error));
  client.on("end", () => lost(new Error("the worker's liveness session ended")));
  await client.connect();
  // pg runs one query at a time per client, in order, so a release never overtakes its lock.
  const query = (sql: string, workerId: string) =>
    client.query(sql, [LIVENESS_LOCK_NAMESPACE, workerId]).catch((error: unknown) => {
      if (!stopping) log.error("liveness lock query failed", { workerId, error });
    });
  return {
    track(workerId) {
      void query("SELECT pg_advisory_lock($1, hashtext($2))", workerId);
    },
    release(workerId) {
      void query("SELECT pg_advisory_unlock($1, hashtext($2))", workerId);
    },
    async stop() {
      stopping = true;
      await client.end().catch(() => {});
    },
  };
}

/**
 * Hands the jobs of dead workers back to the queue; returns the worker ids it released. Safe to run from every
 * worker process at once: the advisory lock taken to test a worker id is held until this transaction ends.
 */
export async function releaseJobsOfDeadWorkers(client: pg.ClientBase, graceSeconds: number): Promise<string[]> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ locked_by: string }>(
      `SELECT locked_by FROM (
         SELECT DISTINCT locked_by FROM graphile_worker._private_jobs
          WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $2)
         UNION
         SELECT DISTINCT locked_by FROM graphile_worker._private_job_queues
          WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $2)
       ) AS holders
       WHERE pg_try_advisory_xact_lock($1, hashtext(locked_by))`,
      [LIVENESS_LOCK_NAMESPACE, graceSeconds],
    );
    const dead = rows.map((row) => row.locked_by);
    if (dead.length) await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [dead]);
    await client.query("COMMIT");
    return dead;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export interface DeadWorkerSweep {
  stop(): Promise<void>;
}

/** Runs the sweep every intervalMs on a small pool of its own. */
export function sweepDeadWorkers(
  databaseUrl: string,
  options: { intervalMs: number; graceSeconds: number; onReleased?: () => void },
): DeadWorkerSweep {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, application_name: "huitong-worker-sweep" });
  pool.on("error", (error) => log.warn("sweep connection error", { error }));
  let running: Promise<void> = Promise.resolve();
  const sweep = async () => {
    const client = await pool.connect();
    try {
      const released = await releaseJobsOfDeadWorkers(client, options.graceSeconds);
      if (released.length) {
        log.warn("released the jobs of workers that died without finishing them", { workers: released });
        options.onReleased?.();
      }
    } finally {
      client.release();
    }
  };
  const timer = setInterval(() => {
    running = sweep().catch((error: unknown) => log.warn("sweeping dead workers' jobs failed", { error }));
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}
