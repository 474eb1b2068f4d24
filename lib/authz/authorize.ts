// A caller's access to one review, resolved once per request and handed to the domain.
//
// Domain functions take a `ReviewAccess`, not a user id: the only ways to get one are `resolveAccess` (one
// membership read), `getReviewAccess` (lib/authz/request-access.ts: the same for the signed-in user, cached for
// the request) and `authorize` (the same plus one
// action check) — the class cannot be constructed anywhere else (its constructor is private and it carries a
// private field, so no object literal of the same shape passes for it). Calling a domain function without having
// resolved access therefore does not compile. The domain then checks its action with `access.require(action)`,
// which is synchronous and reads nothing.
//
// Transactions: a command that writes inside a transaction re-reads the membership in that same transaction with
// `confirmAccess(access, action, tx)` before it writes, exactly as it did when it called `authorize(…, tx)`, so
// a role changed or a member removed between the start of the request and the write is still seen.
import { db, type Transaction } from "@/lib/db/client";
import type { ReviewRole } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { can, type Action } from "./policy";

type Client = Transaction | ReturnType<typeof db>;

let mint: (userId: string, reviewId: string, role: ReviewRole) => ReviewAccess;

export class ReviewAccess {
  /** Private: makes the type nominal, so only instances made here are a ReviewAccess. */
  readonly #resolved = true;

  static {
    mint = (userId, reviewId, role) => new ReviewAccess(userId, reviewId, role);
  }

  private constructor(
    readonly userId: string,
    readonly reviewId: string,
    readonly role: ReviewRole,
  ) {}

  /** Whether this member's role allows the action (for showing or hiding controls). */
  can(action: Action): boolean {
    return this.#resolved && can(this.role, action);
  }

  /**
   * Refuses (FORBIDDEN) an action the role does not allow; with `reviewId`, also refuses (NOT_FOUND, as for an
   * outsider) input naming another review than the one this access was resolved for. No database read.
   */
  require(action: Action, reviewId: string = this.reviewId): this {
    if (reviewId !== this.reviewId) {
      throw new AppError("NOT_FOUND", `access to review ${this.reviewId} used for review ${reviewId}`);
    }
    if (!this.can(action)) {
      throw new AppError("FORBIDDEN", `${this.role} may not ${action} in review ${this.reviewId}`);
    }
    return this;
  }
}

/** Whether a value is an access resolved here (for the tests and the edge factories). */
export function isReviewAccess(value: unknown): value is ReviewAccess {
  return value instanceof ReviewAccess;
}

/**
 * Reads the caller's membership in a review. A review the caller does not belong to is reported as NOT_FOUND, so
 * ids of other teams' reviews reveal nothing.
 */
export async function resolveAccess(userId: string, reviewId: string, client: Client = db()): Promise<ReviewAccess> {
  if (!userId) throw new AppError("UNAUTHENTICATED");
  const membership = await client.membership.findUnique({
    where: { reviewId_userId: { reviewId, userId } },
    select: { role: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", `review ${reviewId} not found for user ${userId}`);
  return mint(userId, reviewId, membership.role);
}

/**
 * Resolves the membership and checks the action against the policy in one step: for the collaboration server
 * and the edges that have a user id and an action and nothing resolved yet.
 */
export async function authorize(
  userId: string,
  reviewId: string,
  action: Action,
  client: Client = db(),
): Promise<ReviewAccess> {
  return (await resolveAccess(userId, reviewId, client)).require(action);
}

/**
 * Inside a write's transaction: the membership read again in that transaction (the role may have changed since
 * the access was resolved) and the action checked against the role found now. Returns the current access.
 */
export async function confirmAccess(
  access: ReviewAccess,
  action: Action,
  tx: Transaction,
  reviewId: string = access.reviewId,
): Promise<ReviewAccess> {
  if (reviewId !== access.reviewId) {
    throw new AppError("NOT_FOUND", `access to review ${access.reviewId} used for review ${reviewId}`);
  }
  return authorize(access.userId, access.reviewId, action, tx);
}
