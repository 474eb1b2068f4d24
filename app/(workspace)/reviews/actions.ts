"use server";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { createReview } from "@/lib/reviews/commands";

export async function createReviewAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("createReview", async () => {
    const user = await requireUser();
    const review = await createReview(user.id, {
      titleZh: form.get("titleZh") ?? undefined,
      titleEn: form.get("titleEn") ?? undefined,
    });
    redirect(`/reviews/${review.id}/dashboard`);
  });
}
