"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { reviewAction } from "@/lib/http/endpoint";
import { closeRound, openRound } from "@/lib/rounds/rounds";

export const openRoundAction = reviewAction("openRound", async (access, _previous: unknown, form: FormData) => {
  const reviewId = access.reviewId;
  const result = await openRound(access, {
    reviewId,
    title: form.get("title"),
    dueAt: form.get("dueAt"),
    note: form.get("note"),
    sectionIds: form.getAll("sectionIds").map(String),
    carryOpenThreads: form.get("carryOpenThreads") === "on",
  });
  revalidatePath(`/reviews/${reviewId}`, "layout");
  return result;
});

export const closeRoundAction = reviewAction(
  "closeRound",
  async (access, _previous: unknown, form: FormData): Promise<undefined> => {
    const reviewId = access.reviewId;
    const roundId = String(form.get("roundId") ?? "");
    await closeRound(access, { reviewId, roundId });
    revalidatePath(`/reviews/${reviewId}`, "layout");
    // Closing a round leads to its summary: what was asked, answered, still open, and what changed.
    redirect(`/reviews/${reviewId}/rounds/${roundId}`);
  },
);
