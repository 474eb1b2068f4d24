// The background retrain: enqueued whenever a record's final screening decision is made, debounced per review
// so a burst of decisions retrains once, and never in the screener's request.
import { z } from "zod";
import type { Transaction } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { retrainScreeningRanking } from "./ranking";

export const retrainRankingJob = defineJob({
  name: "screening.rank",
  payload: z.object({ reviewId: z.string().min(1).max(64) }),
  maxAttempts: 5,
  // One retrain at a time per review: a later one always sees every decision an earlier one saw.
  queue: ({ reviewId }) => `screening-rank-${reviewId}`,
  async run({ reviewId }, { db, log }) {
    const result = await retrainScreeningRanking(db, reviewId);
    log("screening ranking retrained", {
      reviewId,
      included: result?.includedCount ?? 0,
      excluded: result?.excludedCount ?? 0,
      scored: result?.ranked.length ?? 0,
    });
  },
});

/** Asks for a retrain a moment from now; further decisions within that moment join the same run. */
export function scheduleRankingRetrain(tx: Transaction, reviewId: string): Promise<string> {
  return enqueueJob(
    tx,
    retrainRankingJob,
    { reviewId },
    { jobKey: `screening.rank:${reviewId}`, jobKeyMode: "preserve_run_at", runAt: new Date(Date.now() + 2_000) },
  );
}
