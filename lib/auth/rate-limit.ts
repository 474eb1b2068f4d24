// Sign-in and sign-up limits, counted in PostgreSQL so they hold across every app process. The client is the
// address the web server resolved (lib/auth/client-address.ts), never a header the client chose.
//
// Failures are counted three ways, so that a stranger cannot lock a person out of their own account:
// - per e-mail AND client: a few guesses from one place, then that place waits (the owner elsewhere does not);
// - per client: one place guessing many addresses;
// - per e-mail overall, slower and larger: guessing one account from many places.
import type { Database } from "@/lib/db/client";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL_AND_CLIENT = 5;
export const MAX_FAILURES_PER_CLIENT = 20;
export const EMAIL_WINDOW_MS = 60 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 100;
export const SIGN_UP_WINDOW_MS = 60 * 60 * 1000;
export const MAX_SIGN_UPS_PER_CLIENT = 20;

const RETENTION_MS = Math.max(SIGN_IN_WINDOW_MS, EMAIL_WINDOW_MS, SIGN_UP_WINDOW_MS);

/**
 * How long this e-mail and client must still wait before signing in again, in milliseconds (0: not blocked).
 * Each limit that is reached holds until its oldest counted failure leaves the window: the newest `max`
 * failures are what reach it, and no failure is recorded while blocked, so the `max`-th newest one decides.
 * The longest of the limits reached is the wait the person is told.
 */
export async function signInBlockedForMs(
  client: Database,
  email: string,
  clientKey: string,
  now = Date.now(),
): Promise<number> {
  const failed = { kind: "SIGN_IN" as const, succeeded: false };
  const limits = [
    { where: { ...failed, email, clientKey }, max: MAX_FAILURES_PER_EMAIL_AND_CLIENT, windowMs: SIGN_IN_WINDOW_MS },
    { where: { ...failed, clientKey }, max: MAX_FAILURES_PER_CLIENT, windowMs: SIGN_IN_WINDOW_MS },
    { where: { ...failed, email }, max: MAX_FAILURES_PER_EMAIL, windowMs: EMAIL_WINDOW_MS },
  ];
  const ends = await Promise.all(
    limits.map(async ({ where, max, windowMs }) => {
      const deciding = await client.signInAttempt.findFirst({
        where: { ...where, createdAt: { gte: new Date(now - windowMs) } },
        orderBy: { createdAt: "desc" },
        skip: max - 1,
        select: { createdAt: true },
      });
      return deciding ? deciding.createdAt.getTime() + windowMs : 0;
    }),
  );
  return Math.max(0, ...ends.map((end) => end - now));
}

export async function recordSignInAttempt(
  client: Database,
  email: string,
  clientKey: string,
  succeeded: boolean,
): Promise<void> {
  await client.$transaction([
    client.signInAttempt.create({ data: { email, clientKey, succeeded, kind: "SIGN_IN" } }),
    // A success clears that client's failures for the address; old rows are dropped so the table stays small.
    ...(succeeded
      ? [client.signInAttempt.deleteMany({ where: { kind: "SIGN_IN", email, clientKey, succeeded: false } })]
      : []),
    client.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - RETENTION_MS) } } }),
  ]);
}

/** Sign-ups are counted per client whether they succeed or not: each one costs a password hash. */
export async function isSignUpBlocked(client: Database, clientKey: string): Promise<boolean> {
  const count = await client.signInAttempt.count({
    where: { kind: "SIGN_UP", clientKey, createdAt: { gte: new Date(Date.now() - SIGN_UP_WINDOW_MS) } },
  });
  return count >= MAX_SIGN_UPS_PER_CLIENT;
}

export async function recordSignUpAttempt(client: Database, email: string, clientKey: string): Promise<void> {
  await client.signInAttempt.create({ data: { email, clientKey, succeeded: true, kind: "SIGN_UP" } });
}
