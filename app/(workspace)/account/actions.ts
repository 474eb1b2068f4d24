"use server";
import { redirect } from "next/navigation";
import { changePassword, endAllSessions } from "@/lib/auth/accounts";
import { sessionRefreshProof, unstable_update } from "@/lib/auth/config";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";

/** Every other token of the account stopped working; this browser's token is re-issued with the new version. */
async function keepThisSession(user: SessionUser, sessionVersion: number): Promise<void> {
  await unstable_update({
    refresh: {
      sessionVersion,
      sessionId: user.sessionId,
      proof: sessionRefreshProof(user.id, sessionVersion, user.sessionId),
    },
  } as never);
}

// On success the page is loaded afresh: this request still carries the old token, so the page it would
// render would no longer recognise the session; the redirect is followed with the re-issued one.
export async function changePasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction("changePassword", async () => {
    const user = await requireUser();
    const sessionVersion = await changePassword(user.id, formFields(form, ["currentPassword", "newPassword"]));
    await keepThisSession(user, sessionVersion);
    return undefined;
  });
  if (result.ok) redirect("/account?done=password");
  return result;
}

export async function signOutEverywhereAction(_previous: ActionResult | null): Promise<ActionResult> {
  const result = await runAction("signOutEverywhere", async () => {
    const user = await requireUser();
    await keepThisSession(user, await endAllSessions(user.id));
    return undefined;
  });
  if (result.ok) redirect("/account?done=sessions");
  return result;
}
