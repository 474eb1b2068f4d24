import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { lockRows } from "@/lib/db/lock";
import type { ScreeningState } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { links, notify } from "@/lib/notifications/notify";
import { parseInput } from "@/lib/validation";
import { applyStageChange, resolveExclusionReason } from "@/lib/workflow/stage-change";
import { voteOutcome, type VoteSummary } from "./outcome";
import { scheduleRankingRetrain } from "./ranking/jobs";

const id = z.string().min(1).max(64);
const note = z
  .string()
  .trim()
  .max(1000)
  .nullish()
  .transform((v) => v || null);
const optionalId = z
  .string()
  .max(64)
  .nullish()
  .transform((v) => v || null);

/** Written into the stage history so a move made by screening explains itself in both languages. */
export const SCREENING_NOTE = "筛选结论 · Screening decision";

interface SettleRequest {
  item: { id: string; stageId: string; exclusionReasonId: string | null };
  choice: "INCLUDE" | "EXCLUDE";
  reasonId: string | null;
  note: string | null;
  resolvedById: string | null;
  wasConflict: boolean;
}

/**
 * Records an item's final screening outcome and moves it on through the one stage-change path:
 * an included item still waiting in the first stage goes to the next one; an excluded item goes to the
 * review's excluded stage with its reason.
 */
async function settleItem(tx: Transaction, access: ReviewAccess, request: SettleRequest): Promise<void> {
  const { reviewId } = access;
  const { item } = request;
  await tx.screeningDecision.create({
    data: {
      itemId: item.id,
      choice: request.choice,
      reasonId: request.reasonId,
      note: request.note,
      resolvedById: request.resolvedById,
      wasConflict: request.wasConflict,
    },
  });
  await tx.reviewItem.update({
    where: { id: item.id },
    data: { screeningState: request.choice === "INCLUDE" ? "INCLUDED" : "EXCLUDED" },
  });
  await scheduleRankingRetrain(tx, reviewId);
  const stages = await tx.reviewStage.findMany({
    where: { reviewId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, kind: true },
  });
  const active = stages.filter((stage) => stage.kind === "ACTIVE");
  let target: (typeof stages)[number] | undefined;
  if (request.choice === "INCLUDE") {
    if (active[0]?.id === item.stageId) target = active[1];
  } else {
    target = stages.find((stage) => stage.kind === "EXCLUDED");
  }
  if (!target) return;
  await applyStageChange(tx, access, {
    item,
    stage: target,
    exclusionReasonId: request.choice === "EXCLUDE" ? request.reasonId : null,
    note: request.note ? `${SCREENING_NOTE}: ${request.note}` : SCREENING_NOTE,
  });
}

/** Brings one undecided item's state in line with its votes, settling it when they agree. */
async function evaluateItem(
  tx: Transaction,
  access: ReviewAccess,
  item: { id: string; stageId: string; exclusionReasonId: string | null; screeningState: ScreeningState },
  votes: VoteSummary[],
  required: number,
): Promise<void> {
  const outcome = voteOutcome(votes, required);
  if (outcome.state === "INCLUDED" || outcome.state === "EXCLUDED") {
    await settleItem(tx, access, {
      item,
      choice: outcome.choice,
      reasonId: outcome.state === "EXCLUDED" ? outcome.reasonId : null,
      note: null,
      resolvedById: null,
      wasConflict: false,
    });
    await recordActivity(tx, {
      reviewId: access.reviewId,
      actorId: null,
      kind: "screening.decided",
      subjectType: "item",
      subjectId: item.id,
      data: { choice: outcome.choice },
    });
  } else if (outcome.state !== item.screeningState) {
    await tx.reviewItem.update({ where: { id: item.id }, data: { screeningState: outcome.state } });
  }
}

export const castVoteSchema = z.object({
  reviewId: id,
  itemId: id,
  choice: z.enum(["INCLUDE", "EXCLUDE", "MAYBE"]),
  reasonId: optionalId,
  note,
});

/** Records (or changes) the caller's own vote; the item is decided once the required votes agree. */
export async function castVote(access: ReviewAccess, rawInput: unknown): Promise<{ state: ScreeningState }> {
  const { userId } = access;
  const input = parseInput(castVoteSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "screening.vote", tx, input.reviewId);
    // The last two votes arriving together must see each other: the second waits for the first to commit, so
    // whichever counts the votes last counts both and settles the item.
    await lockRows(tx, "ReviewItem", [input.itemId]);
    const item = await tx.reviewItem.findFirst({
      where: { id: input.itemId, reviewId: input.reviewId, deletedAt: null },
      select: { id: true, stageId: true, exclusionReasonId: true, screeningState: true },
    });
    if (!item) throw new AppError("NOT_FOUND", `item ${input.itemId} not in review ${input.reviewId}`);
    if (item.screeningState === "INCLUDED" || item.screeningState === "EXCLUDED") {
      throw new AppError("SCREENING_CLOSED");
    }
    const reasonId =
      input.choice === "EXCLUDE"
        ? await resolveExclusionReason(tx, input.reviewId, { kind: "EXCLUDED" }, input.reasonId)
        : null;
    await tx.screeningVote.upsert({
      where: { itemId_userId: { itemId: item.id, userId } },
      create: { itemId: item.id, userId, choice: input.choice, reasonId, note: input.note },
      update: { choice: input.choice, reasonId, note: input.note },
    });
    // The activity feed says that someone screened, never how: votes stay blind.
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "screening.voted",
      subjectType: "item",
      subjectId: item.id,
    });
    const [review, votes] = await Promise.all([
      tx.review.findUniqueOrThrow({ where: { id: input.reviewId }, select: { screeningVotesRequired: true } }),
      tx.screeningVote.findMany({
        where: { itemId: item.id },
        select: { choice: true, reasonId: true, createdAt: true },
      }),
    ]);
    await evaluateItem(tx, access, item, votes, review.screeningVotesRequired);
    const after = await tx.reviewItem.findUniqueOrThrow({ where: { id: item.id }, select: { screeningState: true } });
    return { state: after.screeningState };
  });
}

export const resolveConflictSchema = z.object({
  reviewId: id,
  itemId: id,
  choice: z.enum(["INCLUDE", "EXCLUDE"]),
  reasonId: optionalId,
  note,
});

/** The owner's ruling on an item whose votes disagree; it is recorded with who ruled, when and why. */
export async function resolveConflict(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(resolveConflictSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "screening.resolve", tx, input.reviewId);
    // A vote that settles the item while the owner rules on it must not record a second decision.
    await lockRows(tx, "ReviewItem", [input.itemId]);
    const item = await tx.reviewItem.findFirst({
      where: { id: input.itemId, reviewId: input.reviewId, deletedAt: null },
      select: { id: true, stageId: true, exclusionReasonId: true, screeningState: true },
    });
    if (!item) throw new AppError("NOT_FOUND", `item ${input.itemId} not in review ${input.reviewId}`);
    if (item.screeningState !== "CONFLICT") throw new AppError("NO_SCREENING_CONFLICT");
    const reasonId =
      input.choice === "EXCLUDE"
        ? await resolveExclusionReason(tx, input.reviewId, { kind: "EXCLUDED" }, input.reasonId)
        : null;
    await settleItem(tx, access, {
      item,
      choice: input.choice,
      reasonId,
      note: input.note,
      resolvedById: userId,
      wasConflict: true,
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "screening.resolved",
      subjectType: "item",
      subjectId: item.id,
      data: { choice: input.choice, reason: reasonId },
    });
    const titles = await tx.reviewItem.findUnique({ where: { id: item.id }, select: { titleZh: true, titleEn: true } });
    await notify(tx, {
      reviewId: input.reviewId,
      kind: "CONFLICT_RULED",
      actorId: userId,
      subject: { itemIds: [item.id] },
      link: links.item(input.reviewId, item.id),
      data: {
        itemTitle: titles?.titleZh ?? titles?.titleEn ?? null,
        choice: input.choice,
        excerpt: input.note ?? null,
      },
    });
  });
}

/**
 * Re-reads every undecided item's votes after the required number changed: items may now be decided,
 * in conflict, or back to waiting for votes. One query loads all votes; only items whose state moves are written.
 * The caller has confirmed its access in this transaction; items it settles are moved under its name.
 */
export async function recomputeScreeningStates(tx: Transaction, access: ReviewAccess): Promise<void> {
  const { reviewId } = access;
  const review = await tx.review.findUniqueOrThrow({
    where: { id: reviewId },
    select: { screeningVotesRequired: true },
  });
  const items = await tx.reviewItem.findMany({
    where: { reviewId, deletedAt: null, screeningState: { in: ["IN_PROGRESS", "CONFLICT"] } },
    select: {
      id: true,
      stageId: true,
      exclusionReasonId: true,
      screeningState: true,
      screeningVotes: { select: { choice: true, reasonId: true, createdAt: true } },
    },
  });
  for (const item of items) {
    await evaluateItem(tx, access, item, item.screeningVotes, review.screeningVotesRequired);
  }
}

export const updateScreeningRulesSchema = z.object({
  reviewId: id,
  screeningVotesRequired: z.coerce.number().int().min(1).max(5),
});

export async function updateScreeningRules(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(updateScreeningRulesSchema, rawInput);
  await db().$transaction(
    async (tx) => {
      await confirmAccess(access, "review.update", tx, input.reviewId);
      const review = await tx.review.findUniqueOrThrow({
        where: { id: input.reviewId },
        select: { screeningVotesRequired: true },
      });
      if (review.screeningVotesRequired === input.screeningVotesRequired) return;
      await tx.review.update({
        where: { id: input.reviewId },
        data: { screeningVotesRequired: input.screeningVotesRequired },
      });
      await recordActivity(tx, {
        reviewId: input.reviewId,
        actorId: userId,
        kind: "review.settingsChanged",
        subjectType: "review",
        subjectId: input.reviewId,
        data: { screeningVotesRequired: { from: review.screeningVotesRequired, to: input.screeningVotesRequired } },
      });
      await recomputeScreeningStates(tx, access);
    },
    { timeout: 120_000 },
  );
}

/** Highlight words arrive as one line separated by commas, 、, ；or new lines (how people type a keyword list). */
export const screeningHighlightsSchema = z.object({
  reviewId: id,
  terms: z
    .string()
    .max(2000)
    .transform((text) => [
      ...new Set(
        text
          .split(/[,，、;；\n]+/)
          .map((term) => term.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(40)).max(40)),
});

/** Saves the words the screening desk highlights for everyone screening this review. */
export async function setScreeningHighlights(access: ReviewAccess, rawInput: unknown): Promise<{ terms: string[] }> {
  const { userId } = access;
  const input = parseInput(screeningHighlightsSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "screening.vote", tx, input.reviewId);
    await tx.review.update({ where: { id: input.reviewId }, data: { screeningHighlights: input.terms } });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "review.settingsChanged",
      subjectType: "review",
      subjectId: input.reviewId,
      data: { screeningHighlights: input.terms.length },
    });
    return { terms: input.terms };
  });
}
