"use server";
import { revalidatePath } from "next/cache";
import { formFields, type ActionResult } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import { addCitedReference } from "@/lib/references/commands";

/** Snowballing from the item page or the co-cited list: one cited reference becomes an item. */
export const addCitedReferenceAction = reviewAction(
  "addCitedReference",
  async (access, _previous: ActionResult<{ itemId: string }> | null, form: FormData) => {
    const result = await addCitedReference(access, formFields(form, ["reviewId", "referenceId"]));
    revalidatePath(`/reviews/${access.reviewId}`, "layout");
    return result;
  },
);
