// Knowing when to stop: how many relevant records are probably left, how long since the last inclusion, and
// whether the owner's stopping rule is met. A stop is recorded with its figures so PRISMA can report it.
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import type { ScreeningStopRule } from "@/lib/db/generated/enums";
import { parseInput } from "@/lib/validation";

type Client = ReturnType<typeof db> | Transaction;

export interface StoppingStatus {
  rule: ScreeningStopRule;
  ruleValue: number;
  decidedCount: number;
  includedCount: number;
  undecidedCount: number;
  /** Decisions since the most recent inclusion (all decisions when nothing is included yet). */
  sinceLastInclusion: number;
  /** Null until the model has seen an inclusion and an exclusion. */
  estimatedRemaining: number | null;
  estimatedRecall: number | null;
  ruleMet: boolean;
  trainedAt: Date | null;
}

/** Pure: whether the rule is met by the figures. */
export function stoppingRuleMet(
  rule: ScreeningStopRule,
  value: number,
  figures: { sinceLastInclusion: number; estimatedRecall: number | null; undecidedCount: number },
): boolean {
  if (figures.undecidedCount === 0) return true;
  if (rule === "CONSECUTIVE_EXCLUSIONS") return figures.sinceLastInclusion >= value;
  return figures.estimatedRecall !== null && figures.estimatedRecall * 100 >= value;
}

async function loadStoppingStatus(client: Client, reviewId: string): Promise<StoppingStatus> {
  const [review, ranking, decided, included, undecided, lastInclusion] = await Promise.all([
    client.review.findUniqueOrThrow({
      where: { id: reviewId },
      select: { screeningStopRule: true, screeningStopValue: true },
    }),
    client.screeningRanking.findUnique({ where: { reviewId } }),
    client.screeningDecision.count({ where: { item: { reviewId, deletedAt: null } } }),
    client.screeningDecision.count({ where: { choice: "INCLUDE", item: { reviewId, deletedAt: null } } }),
    client.reviewItem.count({ where: { reviewId, deletedAt: null, screeningDecision: null } }),
    client.screeningDecision.findFirst({
      where: { choice: "INCLUDE", item: { reviewId, deletedAt: null } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  const sinceLastInclusion = lastInclusion
    ? await client.screeningDecision.count({
        where: { createdAt: { gt: lastInclusion.createdAt }, item: { reviewId, deletedAt: null } },
      })
    : decided;
  const estimatedRemaining = ranking ? ranking.estimatedRemaining : null;
  const estimatedRecall =
    estimatedRemaining === null || included + estimatedRemaining === 0
      ? null
      : included / (included + estimatedRemaining);
  return {
    rule: review.screeningStopRule,
    ruleValue: review.screeningStopValue,
    decidedCount: decided,
    includedCount: included,
    undecidedCount: undecided,
    sinceLastInclusion,
    estimatedRemaining,
    estimatedRecall,
    ruleMet: stoppingRuleMet(review.screeningStopRule, review.screeningStopValue, {
      sinceLastInclusion,
      estimatedRecall,
      undecidedCount: undecided,
    }),
    trainedAt: ranking?.trainedAt ?? null,
  };
}

export async function getStoppingStatus(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const [status, stops] = await Promise.all([
    loadStoppingStatus(db(), reviewId),
    db().screeningStop.findMany({
      where: { reviewId },
      orderBy: { createdAt: "desc" },
      take: 10,
      include: { stoppedBy: { select: { name: true } } },
    }),
  ]);
  return { role: access.role, status, stops };
}

const id = z.string().min(1).max(64);

export const stoppingRuleSchema = z
  .object({
    reviewId: id,
    rule: z.enum(["CONSECUTIVE_EXCLUSIONS", "ESTIMATED_RECALL"]),
    value: z.coerce.number().int().min(1).max(100_000),
  })
  .refine((input) => input.rule !== "ESTIMATED_RECALL" || (input.value >= 50 && input.value <= 100), {
    message: "validation.custom.targetRecall",
    path: ["value"],
  });

export async function updateStoppingRule(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(stoppingRuleSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "review.update", tx, input.reviewId);
    await tx.review.update({
      where: { id: input.reviewId },
      data: { screeningStopRule: input.rule, screeningStopValue: input.value },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "review.settingsChanged",
      subjectType: "review",
      subjectId: input.reviewId,
      data: { screeningStopRule: input.rule, screeningStopValue: input.value },
    });
  });
}

export const recordStopSchema = z.object({
  reviewId: id,
  note: z
    .string()
    .trim()
    .max(1000)
    .nullish()
    .transform((v) => v || null),
});

/** The owner records that screening stops here; the figures are taken inside the same transaction. */
export async function recordScreeningStop(access: ReviewAccess, rawInput: unknown): Promise<{ id: string }> {
  const { userId } = access;
  const input = parseInput(recordStopSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "review.update", tx, input.reviewId);
    const status = await loadStoppingStatus(tx, input.reviewId);
    const stop = await tx.screeningStop.create({
      data: {
        reviewId: input.reviewId,
        rule: status.rule,
        ruleValue: status.ruleValue,
        decidedCount: status.decidedCount,
        undecidedCount: status.undecidedCount,
        sinceLastInclusion: status.sinceLastInclusion,
        estimatedRemaining: status.estimatedRemaining,
        note: input.note,
        stoppedById: userId,
      },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "screening.stopped",
      subjectType: "review",
      subjectId: input.reviewId,
      data: { undecided: status.undecidedCount, rule: status.rule, value: status.ruleValue },
    });
    return { id: stop.id };
  });
}
