// Puts a job on the PostgreSQL queue inside the caller's transaction: the job exists exactly when the
// change that caused it commits, and the worker is woken by graphile-worker's NOTIFY on commit.
import type { z } from "zod";
import type { Database, Transaction } from "@/lib/db/client";
import { currentRequestId } from "@/lib/ops/log";
import type { JobDefinition } from "./define-job";

/** Payload key carrying the id of the request that enqueued a job (see lib/jobs/worker.ts). */
export const REQUEST_ID_KEY = "_requestId";

export interface EnqueueOptions {
  /** A job with the same key that has not started yet is replaced, so a burst of changes runs once. */
  jobKey?: string;
  /** 'replace' (default) moves run_at to the new value; 'preserve_run_at' keeps the first one (debounce). */
  jobKeyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  runAt?: Date;
  priority?: number;
}

export async function enqueueJob<Schema extends z.ZodType>(
  client: Database | Transaction,
  job: JobDefinition<Schema>,
  payload: z.infer<Schema>,
  options: EnqueueOptions = {},
): Promise<string> {
  // Validated here as well as in the worker, so a wrong payload fails the command that caused it.
  const parsed = job.payload.parse(payload);
  // The request that caused the job, for the job's log lines (the worker takes it out before the job sees it).
  const requestId = currentRequestId();
  const stored =
    requestId && parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? { ...parsed, [REQUEST_ID_KEY]: requestId }
      : parsed;
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT (graphile_worker.add_job(
      ${job.name}::text,
      ${JSON.stringify(stored)}::json,
      queue_name => ${job.queue?.(parsed) ?? null}::text,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${job.maxAttempts ?? 25}::int,
      job_key => ${options.jobKey ?? null}::text,
      priority => ${options.priority ?? 0}::int,
      job_key_mode => ${options.jobKeyMode ?? "replace"}::text
    )).id::text AS id`;
  const [row] = rows;
  if (!row) throw new Error(`graphile_worker.add_job returned no job for ${job.name}`);
  return row.id;
}
