import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { db, type Transaction } from "@/lib/db/client";
import { DEFAULT_EXCLUSION_REASONS } from "@/lib/stages/default-exclusion-reasons";
import { DEFAULT_STAGES } from "@/lib/stages/default-stages";
import { parseInput } from "@/lib/validation";

export const createReviewSchema = z
  .object({
    titleZh: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || null),
    titleEn: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => v.titleZh || v.titleEn, { message: "validation.custom.reviewTitle", path: ["titleZh"] });

/** Any signed-in user may start a review; they become its owner. */
export async function createReview(userId: string, rawInput: unknown): Promise<{ id: string }> {
  const input = parseInput(createReviewSchema, rawInput);
  return db().$transaction((tx) => createReviewIn(tx, userId, input));
}

export async function createReviewIn(
  tx: Transaction,
  ownerId: string,
  input: {
    titleZh: string | null;
    titleEn: string | null;
    seedKey?: string;
    descriptionZh?: string;
    descriptionEn?: string;
  },
): Promise<{ id: string }> {
  const review = await tx.review.create({
    data: {
      ...input,
      memberships: { create: { userId: ownerId, role: "OWNER" } },
      stages: { create: DEFAULT_STAGES.map((stage, position) => ({ ...stage, position })) },
      exclusionReasons: { create: DEFAULT_EXCLUSION_REASONS.map((reason, position) => ({ ...reason, position })) },
    },
    select: { id: true },
  });
  await recordActivity(tx, {
    reviewId: review.id,
    actorId: ownerId,
    kind: "review.created",
    subjectType: "review",
    subjectId: review.id,
  });
  return review;
}
