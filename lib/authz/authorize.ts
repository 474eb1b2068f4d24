import { db, type Transaction } from "@/lib/db/client";
import type { ReviewRole } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { can, type Action } from "./policy";

export interface ReviewAccess {
  userId: string;
  reviewId: string;
  role: ReviewRole;
}

/**
 * Resolves the caller's membership in a review and checks the action against the policy.
 * A review the caller does not belong to is reported as NOT_FOUND, so ids of other teams' reviews
 * reveal nothing.
 */
export async function authorize(
  userId: string,
  reviewId: string,
  action: Action,
  client: Transaction | ReturnType<typeof db> = db(),
): Promise<ReviewAccess> {
  if (!userId) throw new AppError("UNAUTHENTICATED");
  const membership = await client.membership.findUnique({
    where: { reviewId_userId: { reviewId, userId } },
    select: { role: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", `review ${reviewId} not found for user ${userId}`);
  if (!can(membership.role, action)) {
    throw new AppError("FORBIDDEN", `${membership.role} may not ${action} in review ${reviewId}`);
  }
  return { userId, reviewId, role: membership.role };
}
