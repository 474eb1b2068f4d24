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

export async function isSignInBlocked(client: Database, email: string, clientKey: string): Promise<boolean> {
  const now = Date.now();
  const recent = { gte: new Date(now - SIGN_IN_WINDOW_MS) };
  const failed = { kind: "SIGN_IN" as const, succeeded: false };
  const [byPair, byClient, byEmail] = await Promise.all([
    client.signInAttempt.count({ where: { ...failed, email, clientKey, createdAt: recent } }),
    client.signInAttempt.count({ where: { ...failed, clientKey, createdAt: recent } }),
    client.signInAttempt.count({ where: { ...failed, email, createdAt: { gte: new Date(now - EMAIL_WINDOW_MS) } } }),
  ]);
  return (
    byPair >= MAX_FAILURES_PER_EMAIL_AND_CLIENT ||
    byClient >= MAX_FAILURES_PER_CLIENT ||
    byEmail >= MAX_FAILURES_PER_EMAIL
  );
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
