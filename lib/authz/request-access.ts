// The signed-in person's access to a review, read once per request: the layout, the page, every query it renders
// and a server action share one membership read (React's request cache). Route handlers get theirs from the
// route factory (lib/http/route.ts), resolved once after its Origin check.
import { cache } from "react";
import { requireUser } from "@/lib/auth/session";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { resolveAccess, type ReviewAccess } from "./authorize";

const accessOf = cache((userId: string, reviewId: string): Promise<ReviewAccess> => resolveAccess(userId, reviewId));

/** For server actions and route handlers: no session is UNAUTHENTICATED, no membership NOT_FOUND. */
export async function getReviewAccess(reviewId: string): Promise<ReviewAccess> {
  const user = await requireUser();
  return accessOf(user.id, reviewId);
}

/**
 * For pages, after requirePageUser: the signed-in person's access, or the 404 page for a review they do not
 * belong to (as for every other resource outside their reviews).
 */
export async function getPageAccess(userId: string, reviewId: string): Promise<ReviewAccess> {
  return loadOrNotFound(accessOf(userId, reviewId));
}
