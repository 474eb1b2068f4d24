// A background job: a name, the zod schema its payload must satisfy, and the handler the worker runs.
// Domain modules define their jobs next to their commands (lib/search/jobs.ts, lib/files/jobs.ts …);
// `task-list.ts` gathers them for the worker.
import type { z } from "zod";
import type { Database } from "@/lib/db/client";

export interface JobContext {
  db: Database;
  /** graphile-worker's job id, for logs. */
  jobId: string;
  /** 1 on the first run; retries count up with exponential back-off. */
  attempt: number;
  maxAttempts: number;
  /**
   * Aborted when the worker is stopping and the job has run past HUITONG_WORKER_SHUTDOWN_SECONDS: a long job
   * should stop and throw, so another worker retries it.
   */
  signal?: AbortSignal;
  log(message: string, data?: Record<string, unknown>): void;
}

export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  payload: Schema;
  /** Defaults to 25 (graphile-worker's own default): about three days of back-off in all. */
  maxAttempts?: number;
  /** Jobs in one queue run one at a time, in order; leave unset for parallel jobs. */
  queue?(payload: z.infer<Schema>): string | undefined;
  run(payload: z.infer<Schema>, context: JobContext): Promise<void>;
}

export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  if (!/^[a-z][a-z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+$/.test(definition.name)) {
    throw new Error(`Job names are domain.verb (e.g. "search.index"), got "${definition.name}"`);
  }
  return definition;
}
