// Accounts: sign-up, credential checks, password changes and session revocation. Emails are compared
// lower-cased and trimmed.
//
// Sign-in hashes a password whether or not the account exists, so its answer and its time tell a stranger nothing.
// `signUp` creates an account at once: it serves HUITONG_SIGN_UP=open (and `invite` without SMTP), where an
// address in use gets one generic refusal after the same work — which still tells that the address is taken (the
// README says so). With SMTP, sign-up goes through lib/auth/sign-up-confirmation.ts, which tells nothing.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { announceAccessChange } from "@/lib/authz/access-events";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { hashPassword, verifyPassword } from "./password";
import { isPasswordStrongEnough, personalInputs } from "./password-strength";
import { isSignUpBlocked, recordSignInAttempt, recordSignUpAttempt, signInBlockedForMs } from "./rate-limit";
import { waitMinutes } from "./sign-in-wait";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
export const passwordSchema = z.string().min(8).max(200);

export const signUpSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: emailSchema,
  password: passwordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export interface AccountSummary {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

const summary = { id: true, email: true, name: true, sessionVersion: true } as const;

// A real argon2 hash of a random secret: verifying against it costs what verifying a real account costs.
let dummyHash: Promise<string> | null = null;
function hashOfNobody(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummyHash;
}

export function refuseWeakPassword(password: string, email: string, name?: string | null): void {
  if (!isPasswordStrongEnough(password, personalInputs(email, name))) {
    throw new AppError("WEAK_PASSWORD", "password too easy to guess", { password: [] });
  }
}

/**
 * Creates an account. An address already in use gets the generic SIGN_UP_REFUSED after the same work as a
 * new one (a hash and a verification), unless the password given is that account's own: then the person
 * simply is the owner, and the caller signs them in as it would after a sign-up.
 */
export async function signUp(rawInput: unknown, clientKey = "unknown"): Promise<AccountSummary> {
  const input = parseInput(signUpSchema, rawInput);
  if (await isSignUpBlocked(db(), clientKey)) throw new AppError("SIGN_UP_RATE_LIMITED");
  await recordSignUpAttempt(db(), input.email, clientKey);
  refuseWeakPassword(input.password, input.email, input.name);
  const [passwordHash, existing] = await Promise.all([
    hashPassword(input.password),
    db().user.findUnique({ where: { email: input.email }, select: { ...summary, passwordHash: true } }),
  ]);
  const ownsExisting = await verifyPassword(existing?.passwordHash ?? (await hashOfNobody()), input.password);
  if (existing) {
    if (!ownsExisting) throw new AppError("SIGN_UP_REFUSED");
    const { passwordHash: _, ...account } = existing;
    return account;
  }
  try {
    return await db().user.create({ data: { name: input.name, email: input.email, passwordHash }, select: summary });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new AppError("SIGN_UP_REFUSED");
    throw error;
  }
}

export async function findAccount(userId: string): Promise<AccountSummary | null> {
  return db().user.findUnique({ where: { id: userId }, select: summary });
}

export async function verifyCredentials(rawInput: unknown, clientKey: string): Promise<AccountSummary> {
  const parsed = signInSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_CREDENTIALS");
  const { email, password } = parsed.data;
  const blockedForMs = await signInBlockedForMs(db(), email, clientKey);
  if (blockedForMs > 0) {
    throw new AppError("RATE_LIMITED", "too many failed sign-ins", undefined, {
      waitMinutes: waitMinutes(blockedForMs),
    });
  }

  const user = await db().user.findUnique({ where: { email }, select: { ...summary, passwordHash: true } });
  // An unknown address costs the same argon2 verification as a known one.
  const verified = await verifyPassword(user?.passwordHash ?? (await hashOfNobody()), password);
  const ok = Boolean(user) && verified;
  await recordSignInAttempt(db(), email, clientKey, ok);
  if (!user || !ok) throw new AppError("INVALID_CREDENTIALS");
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * However active, a session ends this long after signing in. It bounds how long a signed-out session's id
 * must be remembered: a copy of its token, refreshed by use, would otherwise outlive the record.
 */
export const SESSION_ABSOLUTE_MAX_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * The signed-in user, only while the token's session was not signed out, is not older than the account's
 * session version, and is within its absolute lifetime.
 */
export async function findSessionUser(
  userId: string,
  sessionVersion: number,
  sessionId: string | null,
  sessionStarted: number,
  now = Date.now(),
): Promise<AccountSummary | null> {
  if (!sessionId || !(sessionStarted > now - SESSION_ABSOLUTE_MAX_MS)) return null;
  const [user, revoked] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: summary }),
    db().revokedSession.findUnique({ where: { sessionId }, select: { sessionId: true } }),
  ]);
  return user && !revoked && user.sessionVersion === sessionVersion ? user : null;
}

export function newSessionId(): string {
  return randomBytes(18).toString("base64url");
}

/** Ends one session on the server: its token is refused from now on, even if someone kept a copy. */
export async function revokeSession(userId: string, sessionId: string, sessionStarted: number): Promise<void> {
  const expiresAt = new Date(sessionStarted + SESSION_ABSOLUTE_MAX_MS);
  await db().$transaction([
    db().revokedSession.upsert({
      where: { sessionId },
      create: { sessionId, userId, expiresAt },
      update: {},
    }),
    // Tokens past their expiry are refused anyway; their rows are dropped so the table stays small.
    db().revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
  ]);
}

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

/**
 * Changes the password after checking the current one, and ends every session of the account: returns the new
 * session version, with which the caller re-issues the current session's token.
 */
export async function changePassword(userId: string, rawInput: unknown): Promise<number> {
  const input = parseInput(changePasswordSchema, rawInput);
  const user = await db().user.findUnique({ where: { id: userId }, select: { ...summary, passwordHash: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("WRONG_CURRENT_PASSWORD", "current password does not match", { currentPassword: [] });
  }
  refuseWeakPassword(input.newPassword, user.email, user.name);
  const passwordHash = await hashPassword(input.newPassword);
  return bumpSessionVersion(userId, { passwordHash });
}

/** "Sign out everywhere": every token issued so far stops working. Returns the new session version. */
export async function endAllSessions(userId: string): Promise<number> {
  return bumpSessionVersion(userId, {});
}

async function bumpSessionVersion(userId: string, data: { passwordHash?: string }): Promise<number> {
  return db().$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { ...data, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    // Open collaboration sockets of this person close too, in every collaboration process.
    await announceAccessChange(tx, { kind: "sessions", userId });
    return updated.sessionVersion;
  });
}
