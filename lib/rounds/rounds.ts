// Comment rounds: a supervisor (or owner) opens a numbered round on chosen sections, which keeps their text
// as it was; comments made during the round belong to it; closing it freezes what was asked and answered.
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { links, notify } from "@/lib/notifications/notify";
import { parseInput } from "@/lib/validation";
import { reminderTime, remindRoundDueJob } from "./jobs";

const id = z.string().min(1).max(64);

export const openRoundSchema = z.object({
  reviewId: id,
  title: z.string().trim().min(1).max(200),
  note: z
    .string()
    .max(5000)
    .nullish()
    .transform((value) => value?.trim() || null),
  dueAt: z
    .string()
    .nullish()
    .transform((value) => value || null)
    .refine((value) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(value), { message: "validation.custom.dueDate" })
    .transform((value) => (value ? new Date(`${value}T23:59:59`) : null)),
  sectionIds: z.array(id).min(1).max(200),
  /** Open threads of earlier, closed rounds on these sections move into the new round. */
  carryOpenThreads: z.boolean().default(true),
});

export async function openRound(access: ReviewAccess, rawInput: unknown): Promise<{ roundId: string; number: number }> {
  const { userId } = access;
  const input = parseInput(openRoundSchema, rawInput);
  const sectionIds = [...new Set(input.sectionIds)];
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "round.run", tx, input.reviewId);
    const sections = await tx.synthesisSection.findMany({
      where: { id: { in: sectionIds }, reviewId: input.reviewId, deletedAt: null },
      select: { id: true, title: true, document: { select: { text: true, content: true } } },
    });
    if (sections.length !== sectionIds.length) {
      throw new AppError("NOT_FOUND", `some of sections ${sectionIds.join(",")} are not in review ${input.reviewId}`);
    }
    const busy = await tx.roundSection.findMany({
      where: { sectionId: { in: sectionIds }, round: { state: "OPEN" } },
      select: { section: { select: { title: true } }, round: { select: { number: true, title: true } } },
    });
    if (busy.length) {
      throw new AppError("ROUND_ALREADY_OPEN", "a section is already in an open round", undefined, {
        sections: busy.map((entry) => ({ section: entry.section.title, round: entry.round.number })),
      });
    }
    const last = await tx.commentRound.aggregate({ where: { reviewId: input.reviewId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const round = await tx.commentRound.create({
      data: {
        reviewId: input.reviewId,
        number,
        title: input.title,
        note: input.note,
        dueAt: input.dueAt,
        openedById: userId,
        sections: {
          create: sections.map((section) => ({
            sectionId: section.id,
            snapshotText: section.document?.text ?? "",
            snapshotContent: (section.document?.content as object | undefined) ?? { type: "doc", content: [] },
          })),
        },
      },
    });
    let carried = 0;
    if (input.carryOpenThreads) {
      const moved = await tx.commentThread.updateMany({
        where: {
          sectionId: { in: sectionIds },
          deletedAt: null,
          state: { not: "ACCEPTED" },
          round: { state: "CLOSED" },
        },
        data: { roundId: round.id },
      });
      carried = moved.count;
    }
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "round.opened",
      subjectType: "round",
      subjectId: round.id,
      data: { number, title: round.title, sections: sections.length, carried },
    });
    await notify(tx, {
      reviewId: input.reviewId,
      kind: "ROUND_OPENED",
      actorId: userId,
      subject: { roundId: round.id },
      link: links.round(input.reviewId, round.id),
      data: { number, title: round.title, dueAt: round.dueAt?.toISOString() ?? null },
    });
    const remindAt = round.dueAt ? reminderTime(round.dueAt) : null;
    if (round.dueAt && remindAt) {
      await enqueueJob(
        tx,
        remindRoundDueJob,
        { roundId: round.id, dueAt: round.dueAt.toISOString() },
        { runAt: remindAt, jobKey: `round-due:${round.id}` },
      );
    }
    return { roundId: round.id, number };
  });
}

export const closeRoundSchema = z.object({ reviewId: id, roundId: id });

export async function closeRound(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(closeRoundSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "round.run", tx, input.reviewId);
    const round = await tx.commentRound.findFirst({
      where: { id: input.roundId, reviewId: input.reviewId },
      include: { sections: { select: { sectionId: true } } },
    });
    if (!round) throw new AppError("NOT_FOUND", `round ${input.roundId} not in review ${input.reviewId}`);
    if (round.state === "CLOSED") throw new AppError("ROUND_CLOSED", `round ${round.number} is already closed`);
    await tx.commentRound.update({
      where: { id: round.id },
      data: { state: "CLOSED", closedById: userId, closedAt: new Date() },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "round.closed",
      subjectType: "round",
      subjectId: round.id,
      data: { number: round.number, title: round.title },
    });
    await notify(tx, {
      reviewId: input.reviewId,
      kind: "ROUND_CLOSED",
      actorId: userId,
      subject: { roundId: round.id },
      link: links.round(input.reviewId, round.id),
      data: { number: round.number, title: round.title },
    });
  });
}
