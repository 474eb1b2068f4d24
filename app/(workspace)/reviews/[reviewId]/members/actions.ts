"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requireUser } from "@/lib/auth/session";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
import { changeMemberRole, createInvitation, removeMember, revokeInvitation } from "@/lib/members/commands";

export async function createInvitationAction(
  _p: ActionResult<{ url: string }> | null,
  form: FormData,
): Promise<ActionResult<{ url: string }>> {
  return runAction("createInvitation", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "role", "expiresInDays", "note"]);
    const invitation = await createInvitation(user.id, input);
    const h = await headers();
    const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
    revalidatePath(`/reviews/${String(input.reviewId)}/members`);
    return { url: `${origin}/invite/${invitation.token}` };
  });
}

export async function changeRoleAction(_p: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("changeRole", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "membershipId", "role"]);
    await changeMemberRole(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return undefined;
  });
}

export async function removeMemberAction(_p: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("removeMember", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "membershipId"]);
    await removeMember(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}/members`);
    return undefined;
  });
}

export async function revokeInvitationAction(_p: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("revokeInvitation", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "invitationId"]);
    await revokeInvitation(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}/members`);
    return undefined;
  });
}
