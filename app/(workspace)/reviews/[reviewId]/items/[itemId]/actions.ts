"use server";
import { revalidatePath } from "next/cache";
import { assignItems } from "@/lib/assignments/commands";
import { requireUser } from "@/lib/auth/session";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
import { changeStage, undoStageChange } from "@/lib/workflow/commands";

export async function changeStageAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("changeStage", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "itemId", "stageId", "exclusionReasonId", "note"]);
    await changeStage(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return undefined;
  });
}

export async function undoStageChangeAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("undoStageChange", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "itemId", "changeId"]);
    await undoStageChange(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return undefined;
  });
}

/** One member on or off one item; the library's bulk assignment uses the same command. */
export async function assignItemAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("assignItem", async () => {
    const user = await requireUser();
    const { reviewId, itemId, userId, mode } = formFields(form, ["reviewId", "itemId", "userId", "mode"]);
    await assignItems(user.id, { reviewId, itemIds: [itemId], userIds: [userId], mode });
    revalidatePath(`/reviews/${String(reviewId)}`, "layout");
    return undefined;
  });
}
