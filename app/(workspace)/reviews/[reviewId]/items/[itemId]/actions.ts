"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
import { changeStage } from "@/lib/workflow/commands";

export async function changeStageAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("changeStage", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "itemId", "stageId", "exclusionReasonId", "note"]);
    await changeStage(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return undefined;
  });
}
