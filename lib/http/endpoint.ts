// The one way a server action is built. Each factory, in this order: refuses a request from another origin
// (as the factory in lib/http/route.ts does for route handlers; Next.js also compares Origin with Host, this holds whatever its
// configuration), validates the review id with zod, resolves the caller's access to that review once for the
// request (lib/authz/request-access.ts), runs the work with it, and turns errors into the ActionResult the forms
// show (lib/errors/action-result.ts). The domain takes the resolved ReviewAccess, so an action that skipped
// these steps would not compile; lib/authz/authorization-matrix-actions.test.ts calls every exported server
// action from another origin and fails for one that does not refuse it.
import { headers } from "next/headers";
import { z } from "zod";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { getReviewAccess } from "@/lib/authz/request-access";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { judgeOrigin } from "./same-origin";

const BUILT = Symbol.for("huitong.endpoint");
type Built = { [BUILT]: true };

function built<F extends (...args: never[]) => unknown>(action: F): F & Built {
  return Object.assign(action, { [BUILT]: true as const });
}

/** Whether a function was made by one of these factories (for the tests). */
export function isBuiltEndpoint(value: unknown): boolean {
  return typeof value === "function" && (value as { [BUILT]?: unknown })[BUILT] === true;
}

/** Throws CROSS_ORIGIN for a request a page of another origin made with the user's cookie. */
export async function refuseCrossOrigin(name: string): Promise<void> {
  if (judgeOrigin(await headers()) === "cross-origin") {
    throw new AppError("CROSS_ORIGIN", `refused the cross-origin server action ${name}`);
  }
}

const reviewIdInput = z.object({ reviewId: z.string().trim().min(1).max(64) });

/** The review a request names, validated: INVALID_INPUT (on the reviewId field) for anything else. */
export function parseReviewId(raw: unknown): string {
  return parseInput(reviewIdInput, { reviewId: raw }).reviewId;
}

/** The usual place of the review id: the form's `reviewId` field, or the `reviewId` of an object argument. */
export function reviewIdOf(input: unknown): unknown {
  if (input instanceof FormData) return input.get("reviewId");
  return input && typeof input === "object" ? (input as { reviewId?: unknown }).reviewId : undefined;
}

/**
 * An action inside one review. `locate` picks the review id out of the arguments (by default the `reviewId` of
 * the last argument: the form of a form action, the object of a called action); `work` gets the caller's access.
 */
export function reviewAction<Args extends unknown[], T>(
  name: string,
  work: (access: ReviewAccess, ...args: Args) => Promise<T>,
  locate: (...args: Args) => unknown = (...args) => reviewIdOf(args.at(-1)),
): ((...args: Args) => Promise<ActionResult<T>>) & Built {
  return built((...args: Args) =>
    runAction(name, async () => {
      await refuseCrossOrigin(name);
      const access = await getReviewAccess(parseReviewId(locate(...args)));
      return work(access, ...args);
    }),
  );
}

/** An action of the signed-in person outside any one review (their account, inbox, new reviews, invitations). */
export function userAction<Args extends unknown[], T>(
  name: string,
  work: (user: SessionUser, ...args: Args) => Promise<T>,
): ((...args: Args) => Promise<ActionResult<T>>) & Built {
  return built((...args: Args) =>
    runAction(name, async () => {
      await refuseCrossOrigin(name);
      return work(await requireUser(), ...args);
    }),
  );
}

/** An action open to visitors without a session (signing in and up): the Origin check and the error mapping. */
export function publicAction<Args extends unknown[], T>(
  name: string,
  work: (...args: Args) => Promise<T>,
): ((...args: Args) => Promise<ActionResult<T>>) & Built {
  return built((...args: Args) =>
    runAction(name, async () => {
      await refuseCrossOrigin(name);
      return work(...args);
    }),
  );
}

/**
 * A form action with no result to show (it redirects or re-renders): the Origin check, then the work; errors are
 * thrown to the page's error boundary as before.
 */
export function formAction<Args extends unknown[]>(
  name: string,
  work: (...args: Args) => Promise<void>,
): ((...args: Args) => Promise<void>) & Built {
  return built(async (...args: Args) => {
    await refuseCrossOrigin(name);
    await work(...args);
  });
}
