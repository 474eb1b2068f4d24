"use server";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/errors/action-result";
import { userAction } from "@/lib/http/endpoint";
import { createReview } from "@/lib/reviews/commands";

export const createReviewAction = userAction(
  "createReview",
  async (user, _previous: ActionResult | null, form: FormData): Promise<undefined> => {
    const review = await createReview(user.id, {
      titleZh: form.get("titleZh") ?? undefined,
      titleEn: form.get("titleEn") ?? undefined,
    });
    redirect(`/reviews/${review.id}/dashboard`);
  },
);
