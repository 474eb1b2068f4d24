// Accounts: sign-up and credential checks. Emails are compared lower-cased and trimmed.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { hashPassword, verifyPassword } from "./password";
import { isSignInBlocked, recordSignInAttempt } from "./rate-limit";

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

export async function signUp(rawInput: unknown): Promise<AccountSummary> {
  const input = parseInput(signUpSchema, rawInput);
  const passwordHash = await hashPassword(input.password);
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("EMAIL_TAKEN");
  try {
    return await db().user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, email: true, name: true, sessionVersion: true },
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new AppError("EMAIL_TAKEN");
    throw error;
  }
}

export async function verifyCredentials(rawInput: unknown, clientKey: string): Promise<AccountSummary> {
  const parsed = signInSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_CREDENTIALS");
  const { email, password } = parsed.data;
  if (await isSignInBlocked(db(), email, clientKey)) throw new AppError("RATE_LIMITED");

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, sessionVersion: true, passwordHash: true },
  });
  const ok = user ? await verifyPassword(user.passwordHash, password) : false;
  await recordSignInAttempt(db(), email, clientKey, ok);
  if (!user || !ok) throw new AppError("INVALID_CREDENTIALS");
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** The signed-in user, only while the token's session version still matches the account. */
export async function findSessionUser(userId: string, sessionVersion: number): Promise<AccountSummary | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  return user && user.sessionVersion === sessionVersion ? user : null;
}
