// The current user for server components and actions. Every page and action goes through here.
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors/app-error";
import { findSessionUser, type AccountSummary } from "./accounts";
import { auth } from "./config";

export type SessionUser = AccountSummary & {
  /** The id of this browser's session, which signing out ends. */
  sessionId: string;
  /** When this session signed in (ms): a session ends SESSION_ABSOLUTE_MAX_MS after it, however active. */
  sessionStarted: number;
};

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const {
    sessionVersion = 0,
    sessionId = null,
    sessionStarted = 0,
  } = session as { sessionVersion?: number; sessionId?: string | null; sessionStarted?: number };
  const user = await findSessionUser(userId, sessionVersion, sessionId, sessionStarted);
  return user && sessionId ? { ...user, sessionId, sessionStarted } : null;
}

/**
 * The session checked once per page render: the workspace layout, the review layout and the page each ask for the
 * user, and each check decrypts the session token and reads the account and the revoked sessions (React's request
 * cache; outside a render every call checks again).
 */
const sessionUserOfRender = cache(getSessionUser);

/** For pages: a visitor without a valid session is sent to sign in and brought back afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await sessionUserOfRender();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For server actions and routes: no session is an error the edge reports. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
