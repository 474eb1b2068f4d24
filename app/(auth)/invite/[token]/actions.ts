"use server";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { acceptInvitation } from "@/lib/members/commands";

export async function acceptInvitationAction(_p: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("acceptInvitation", async () => {
    const user = await requireUser();
    const { reviewId } = await acceptInvitation(user.id, form.get("token"));
    redirect(`/reviews/${reviewId}/dashboard`);
  });
}
