"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
import { addCitedReference } from "@/lib/references/commands";

/** Snowballing from the item page or the co-cited list: one cited reference becomes an item. */
export async function addCitedReferenceAction(
  _previous: ActionResult<{ itemId: string }> | null,
  form: FormData,
): Promise<ActionResult<{ itemId: string }>> {
  return runAction("addCitedReference", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "referenceId"]);
    const result = await addCitedReference(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return result;
  });
}
