"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/errors/action-result";
import { formFields } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import { changeMemberRole, createInvitation, removeMember, revokeInvitation } from "@/lib/members/commands";

export const createInvitationAction = reviewAction(
  "createInvitation",
  async (access, _p: ActionResult<{ url: string }> | null, form: FormData) => {
    const input = formFields(form, ["reviewId", "role", "expiresInDays", "note"]);
    const invitation = await createInvitation(access, input);
    const h = await headers();
    const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
    revalidatePath(`/reviews/${access.reviewId}/members`);
    return { url: `${origin}/invite/${invitation.token}` };
  },
);

export const changeRoleAction = reviewAction("changeRole", async (access, _p: ActionResult | null, form: FormData) => {
  await changeMemberRole(access, formFields(form, ["reviewId", "membershipId", "role"]));
  revalidatePath(`/reviews/${access.reviewId}`, "layout");
  return undefined;
});

export const removeMemberAction = reviewAction(
  "removeMember",
  async (access, _p: ActionResult | null, form: FormData) => {
    await removeMember(access, formFields(form, ["reviewId", "membershipId"]));
    revalidatePath(`/reviews/${access.reviewId}/members`);
    return undefined;
  },
);

export const revokeInvitationAction = reviewAction(
  "revokeInvitation",
  async (access, _p: ActionResult | null, form: FormData) => {
    await revokeInvitation(access, formFields(form, ["reviewId", "invitationId"]));
    revalidatePath(`/reviews/${access.reviewId}/members`);
    return undefined;
  },
);
