"use server";
import { redirect } from "next/navigation";
import { changePassword, endAllSessions } from "@/lib/auth/accounts";
import { sessionRefreshProof, unstable_update } from "@/lib/auth/config";
import type { SessionUser } from "@/lib/auth/session";
import { formFields, type ActionResult } from "@/lib/errors/action-result";
import { userAction } from "@/lib/http/endpoint";

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
export const changePasswordAction = userAction(
  "changePassword",
  async (user, _previous: ActionResult | null, form: FormData): Promise<undefined> => {
    const sessionVersion = await changePassword(user.id, formFields(form, ["currentPassword", "newPassword"]));
    await keepThisSession(user, sessionVersion);
    redirect("/account?done=password");
  },
);

export const signOutEverywhereAction = userAction(
  "signOutEverywhere",
  async (user, _previous: ActionResult | null): Promise<undefined> => {
    await keepThisSession(user, await endAllSessions(user.id));
    redirect("/account?done=sessions");
  },
);
