// next-auth: email + password, JWT sessions that expire after 14 days of inactivity. Each token carries a
// session id (so signing out can end that one session on the server) and the account's session version (so a
// password change or "sign out everywhere" ends all of them); lib/auth/session.ts checks both on every request.
import { createHmac, timingSafeEqual } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isAppError } from "@/lib/errors/app-error";
import { findAccount, newSessionId, verifyCredentials } from "./accounts";
import { refusalCode } from "./sign-in-wait";
import { clientAddressOf } from "./client-address";

export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/** The client address the web server resolved; X-Forwarded-For counts only from trusted proxies. */
export function clientKeyOf(headers: Headers): string {
  return clientAddressOf(headers);
}

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

/**
 * A session token may be re-issued with a new session version only by the server (after a password change or
 * "sign out everywhere" on this device). next-auth also lets the browser ask for an update with data of its
 * own, so the server's request carries this signature, which the browser cannot make.
 */
export function sessionRefreshProof(userId: string, sessionVersion: number, sessionId: string): string {
  return createHmac("sha256", secret()).update(`refresh.${userId}.${sessionVersion}.${sessionId}`).digest("base64url");
}

/**
 * Signs in the account a confirmed sign-up link just created (app/(auth)/sign-up/confirm): there is no password
 * to check at that point, so the confirming action proves with this signature, made on the server a moment
 * before, that it created this account.
 */
export function newAccountSignInProof(userId: string, issuedAt: number): string {
  return createHmac("sha256", secret()).update(`new-account.${userId}.${issuedAt}`).digest("base64url");
}
const NEW_ACCOUNT_PROOF_MS = 60_000;

function isValidNewAccountProof(credentials: Partial<Record<string, unknown>>): credentials is {
  userId: string;
  issuedAt: string;
  proof: string;
} {
  const { userId, issuedAt, proof } = credentials;
  if (typeof userId !== "string" || typeof issuedAt !== "string" || typeof proof !== "string") return false;
  const issued = Number(issuedAt);
  if (!Number.isSafeInteger(issued) || issued > Date.now() + 1000 || Date.now() - issued > NEW_ACCOUNT_PROOF_MS) {
    return false;
  }
  const expected = Buffer.from(newAccountSignInProof(userId, issued));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function isValidRefresh(
  refresh: unknown,
  userId: unknown,
): refresh is { sessionVersion: number; sessionId: string; proof: string } {
  if (!refresh || typeof refresh !== "object" || typeof userId !== "string") return false;
  const { sessionVersion, sessionId, proof } = refresh as Record<string, unknown>;
  if (typeof sessionVersion !== "number" || typeof sessionId !== "string" || typeof proof !== "string") return false;
  const expected = Buffer.from(sessionRefreshProof(userId, sessionVersion, sessionId));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const user = await verifyCredentials(credentials, clientKeyOf(request.headers));
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (isAppError(error)) throw new SignInRefused(refusalCode(error));
          throw error;
        }
      },
    }),
    Credentials({
      id: "new-account",
      credentials: { userId: {}, issuedAt: {}, proof: {} },
      async authorize(credentials) {
        if (!isValidNewAccountProof(credentials)) return null;
        const user = await findAccount(credentials.userId);
        return user && { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sid = newSessionId();
        token.started = Date.now();
      }
      if (trigger === "update") {
        const refresh = (session as { refresh?: unknown } | undefined)?.refresh;
        if (isValidRefresh(refresh, token.uid)) {
          token.sv = refresh.sessionVersion;
          token.sid = refresh.sessionId;
        }
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      const extra = session as { sessionVersion?: number; sessionId?: string | null; sessionStarted?: number };
      extra.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      extra.sessionId = typeof token.sid === "string" ? token.sid : null;
      extra.sessionStarted = typeof token.started === "number" ? token.started : 0;
      return session;
    },
  },
});
