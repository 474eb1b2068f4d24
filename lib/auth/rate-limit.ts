// Failed sign-ins are limited per email and per client address, counted in PostgreSQL so the limit
// holds across every app process.
import type { Database } from "@/lib/db/client";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_CLIENT = 20;

export async function isSignInBlocked(client: Database, email: string, clientKey: string): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const [byEmail, byClient] = await Promise.all([
    client.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    client.signInAttempt.count({ where: { clientKey, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byClient >= MAX_FAILURES_PER_CLIENT;
}

export async function recordSignInAttempt(
  client: Database,
  email: string,
  clientKey: string,
  succeeded: boolean,
): Promise<void> {
  await client.$transaction([
    client.signInAttempt.create({ data: { email, clientKey, succeeded } }),
    // A success clears the email's failures; old rows are dropped so the table stays small.
    ...(succeeded ? [client.signInAttempt.deleteMany({ where: { email, succeeded: false } })] : []),
    client.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - SIGN_IN_WINDOW_MS) } } }),
  ]);
}
