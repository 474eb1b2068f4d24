// Tests call domain functions as the edges do: with the access resolved for a user and a review.
import { resolveAccess, type ReviewAccess } from "@/lib/authz/authorize";

export function accessTo(userId: string, reviewId: string): Promise<ReviewAccess> {
  return resolveAccess(userId, reviewId);
}
