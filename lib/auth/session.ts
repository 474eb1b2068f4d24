// The current user for server components and actions. Every page and action goes through here.
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { findSessionUser, type AccountSummary } from "./accounts";
import { auth } from "./config";

export type SessionUser = AccountSummary;

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const sessionVersion = (session as { sessionVersion?: number }).sessionVersion ?? 0;
  return findSessionUser(userId, sessionVersion);
}

/** For pages: a visitor without a valid session is sent to sign in and brought back afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For server actions and routes: no session is an error the edge reports. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
