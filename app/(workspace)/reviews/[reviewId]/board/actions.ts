"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
import { tagItems } from "@/lib/themes/commands";
import { changeStage } from "@/lib/workflow/commands";

/** A card dropped on another column (or moved with its menu) is an ordinary stage change. */
export async function moveCardAction(form: FormData): Promise<ActionResult> {
  return runAction("moveCard", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "itemId", "stageId", "exclusionReasonId", "note"]);
    await changeStage(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return undefined;
  });
}

/** Adds or removes one theme on one card; the same command as the library's bulk tagging. */
export async function tagCardAction(form: FormData): Promise<ActionResult> {
  return runAction("tagCard", async () => {
    const user = await requireUser();
    const { reviewId, itemId, themeId, mode } = formFields(form, ["reviewId", "itemId", "themeId", "mode"]);
    await tagItems(user.id, { reviewId, itemIds: [itemId], themeIds: [themeId], mode });
    revalidatePath(`/reviews/${String(reviewId)}`, "layout");
    return undefined;
  });
}
