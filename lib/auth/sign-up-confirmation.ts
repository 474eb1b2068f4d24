// Sign-up confirmed by e-mail (HUITONG_SIGN_UP=email, the default with SMTP): the form never tells whether an
// address has an account.
//
// The request does the same work for every address: it validates, checks the per-client limit, checks the
// password's strength, hashes it, and queues one job — it does not even look the address up. The job (run by
// the worker, never inside the request) then either stores a pending sign-up and mails a one-time link to the
// address, or, for an address that already has an account, mails its owner that someone tried to sign up with
// it. Mails to one address are limited (MAX_SIGN_UP_MAILS_PER_EMAIL an hour), so the form cannot be used to
// flood someone's mailbox; past the limit nothing is sent and the form answers as always.
//
// The link's token is derived from a random nonce in the job's payload and the installation's secret, so a
// retried job mails the same link; only its SHA-256 is stored. It works once, for SIGN_UP_LINK_TTL_MS. A new
// sign-up with the same address replaces the pending one (the older link stops working).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Locale } from "@/lib/i18n/messages";
import { parseInput } from "@/lib/validation";
import { refuseWeakPassword, signUpSchema, type AccountSummary } from "./accounts";
import { hashPassword } from "./password";
import { isSignUpBlocked, recordSignUpAttempt } from "./rate-limit";
import { hashSignUpToken, signUpMailJob } from "./sign-up-mail";

export { MAX_SIGN_UP_MAILS_PER_EMAIL, SIGN_UP_LINK_TTL_MS, SIGN_UP_MAIL_WINDOW_MS } from "./sign-up-mail";

export interface SignUpRequestContext {
  clientKey: string;
  locale: Locale;
  /** Already made safe (lib/auth/callback-url.ts): where the person goes once the account exists. */
  callbackUrl: string;
}

/** The answer to every well-formed sign-up, whoever owns the address. */
export interface SignUpSent {
  sentTo: string;
}

export async function requestSignUp(rawInput: unknown, context: SignUpRequestContext): Promise<SignUpSent> {
  const input = parseInput(signUpSchema, rawInput);
  if (await isSignUpBlocked(db(), context.clientKey)) throw new AppError("SIGN_UP_RATE_LIMITED");
  await recordSignUpAttempt(db(), input.email, context.clientKey);
  refuseWeakPassword(input.password, input.email, input.name);
  const passwordHash = await hashPassword(input.password);
  await enqueueJob(
    db(),
    signUpMailJob,
    {
      email: input.email,
      name: input.name,
      passwordHash,
      locale: context.locale,
      callbackUrl: context.callbackUrl,
      nonce: randomBytes(24).toString("base64url"),
    },
    // A burst of sign-ups with one address runs once, with the latest details.
    { jobKey: `sign-up-mail:${input.email}` },
  );
  return { sentTo: input.email };
}

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

function tokenHashOf(rawToken: unknown): string | null {
  const parsed = tokenSchema.safeParse(rawToken);
  return parsed.success ? hashSignUpToken(parsed.data) : null;
}

export type SignUpLinkState =
  { state: "valid"; email: string; name: string } | { state: "expired" } | { state: "invalid" };

/** What the confirmation page shows, without using the link up (mail scanners open links too). */
export async function inspectSignUpLink(rawToken: unknown, now = new Date()): Promise<SignUpLinkState> {
  const tokenHash = tokenHashOf(rawToken);
  const pending = tokenHash
    ? await db().pendingSignUp.findUnique({
        where: { tokenHash },
        select: { email: true, name: true, expiresAt: true },
      })
    : null;
  if (!pending) return { state: "invalid" };
  if (pending.expiresAt <= now) return { state: "expired" };
  return { state: "valid", email: pending.email, name: pending.name };
}

export type SignUpConfirmation =
  | { outcome: "created"; account: AccountSummary; callbackUrl: string }
  /** The address got an account after the link was sent (another sign-up, say): the link is used up. */
  | { outcome: "exists"; email: string; callbackUrl: string };

/**
 * Uses the link up and creates the account, in one transaction: the pending row is deleted first (a second
 * use, even at the same moment, finds nothing) and the account is inserted unless the address has one by now.
 */
export async function confirmSignUp(rawToken: unknown, now = new Date()): Promise<SignUpConfirmation> {
  const tokenHash = tokenHashOf(rawToken);
  if (!tokenHash) throw new AppError("SIGN_UP_LINK_INVALID");
  return db()
    .$transaction(async (tx) => {
      const [pending] = await tx.$queryRaw<
        { email: string; name: string; passwordHash: string; callbackUrl: string; expiresAt: Date }[]
      >`DELETE FROM "PendingSignUp" WHERE "tokenHash" = ${tokenHash}
      RETURNING "email", "name", "passwordHash", "callbackUrl", "expiresAt"`;
      if (!pending) throw new AppError("SIGN_UP_LINK_INVALID");
      // An expired link is refused and stays refused: its row is gone with this transaction's commit.
      if (pending.expiresAt <= now) return null;
      const created = await tx.user.createMany({
        data: [{ email: pending.email, name: pending.name, passwordHash: pending.passwordHash }],
        skipDuplicates: true,
      });
      const account = await tx.user.findUniqueOrThrow({
        where: { email: pending.email },
        select: { id: true, email: true, name: true, sessionVersion: true },
      });
      return created.count === 1
        ? ({ outcome: "created", account, callbackUrl: pending.callbackUrl } as const)
        : ({ outcome: "exists", email: pending.email, callbackUrl: pending.callbackUrl } as const);
    })
    .then((result) => {
      if (!result) throw new AppError("SIGN_UP_LINK_EXPIRED");
      return result;
    });
}
