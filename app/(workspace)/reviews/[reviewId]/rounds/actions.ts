"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { runAction } from "@/lib/errors/action-result";
import { closeRound, openRound } from "@/lib/rounds/rounds";

export async function openRoundAction(_previous: unknown, form: FormData) {
  return runAction("openRound", async () => {
    const user = await requireUser();
    const reviewId = String(form.get("reviewId") ?? "");
    const result = await openRound(user.id, {
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
}

export async function closeRoundAction(_previous: unknown, form: FormData) {
  const reviewId = String(form.get("reviewId") ?? "");
  const roundId = String(form.get("roundId") ?? "");
  const result = await runAction("closeRound", async () => {
    const user = await requireUser();
    await closeRound(user.id, { reviewId, roundId });
    revalidatePath(`/reviews/${reviewId}`, "layout");
  });
  // Closing a round leads to its summary: what was asked, answered, still open, and what changed.
  if (result.ok) redirect(`/reviews/${reviewId}/rounds/${roundId}`);
  return result;
}
