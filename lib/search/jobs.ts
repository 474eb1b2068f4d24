// The search index's background job. The triggers of the search migrations schedule it (job key
// "search.index", queue "search") in every transaction that changes searchable text; it rebuilds what they
// queued in SearchPending. Searches never run it: they read the index as it is and say when it is behind.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Database, Transaction } from "@/lib/db/client";
import { drainSearchQueue } from "./indexer";

/** The name and key the SQL triggers use (graphile_worker.add_job in the migration): keep them equal. */
export const SEARCH_INDEX_JOB = "search.index";

export const searchIndexJob = defineJob({
  name: SEARCH_INDEX_JOB,
  payload: z.object({}),
  queue: () => "search",
  async run(_payload, { db, log }) {
    const indexed = await drainSearchQueue(db);
    if (indexed) log(`indexed ${indexed} changed source(s)`);
  },
});

/** Schedules a drain (the triggers do this for every change; this is for the start script and repairs). */
export async function scheduleSearchIndex(client: Database | Transaction): Promise<void> {
  await enqueueJob(client, searchIndexJob, {}, { jobKey: SEARCH_INDEX_JOB, jobKeyMode: "preserve_run_at" });
}
