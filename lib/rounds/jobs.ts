// The day-before reminder of a round's due date: queued when the round opens, for run_at = due − 1 day. It
// tells nobody if the round has closed meanwhile or its due date is no longer the one it was queued for.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { links, notify } from "@/lib/notifications/notify";

export const remindRoundDueJob = defineJob({
  name: "rounds.remindDue",
  payload: z.object({ roundId: z.string().min(1), dueAt: z.string().datetime() }),
  maxAttempts: 5,
  async run({ roundId, dueAt }, { db }) {
    await db.$transaction(async (tx) => {
      const round = await tx.commentRound.findUnique({
        where: { id: roundId },
        select: { id: true, reviewId: true, number: true, title: true, state: true, dueAt: true },
      });
      if (!round || round.state !== "OPEN" || round.dueAt?.toISOString() !== dueAt) return;
      await notify(tx, {
        reviewId: round.reviewId,
        kind: "ROUND_DUE",
        actorId: null,
        subject: { roundId: round.id },
        link: links.round(round.reviewId, round.id),
        data: { number: round.number, title: round.title, dueAt },
      });
    });
  },
});

/** A day before the due time; none when that has passed (the opening notice already says the date). */
export function reminderTime(dueAt: Date, now = new Date()): Date | null {
  const dayBefore = new Date(dueAt.getTime() - 24 * 60 * 60 * 1000);
  return dayBefore > now ? dayBefore : null;
}
