"use server";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/errors/action-result";
import { userAction } from "@/lib/http/endpoint";
import { acceptInvitation } from "@/lib/members/commands";

export const acceptInvitationAction = userAction(
  "acceptInvitation",
  async (user, _p: ActionResult | null, form: FormData): Promise<undefined> => {
    const { reviewId } = await acceptInvitation(user.id, form.get("token"));
    redirect(`/reviews/${reviewId}/dashboard`);
  },
);
