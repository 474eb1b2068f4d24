"use server";
import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import { tagItems } from "@/lib/themes/commands";
import { changeStage } from "@/lib/workflow/commands";

/** A card dropped on another column (or moved with its menu) is an ordinary stage change. */
export const moveCardAction = reviewAction("moveCard", async (access, form: FormData) => {
  await changeStage(access, formFields(form, ["reviewId", "itemId", "stageId", "exclusionReasonId", "note"]));
  revalidatePath(`/reviews/${access.reviewId}`, "layout");
  return undefined;
});

/** Adds or removes one theme on one card; the same command as the library's bulk tagging. */
export const tagCardAction = reviewAction("tagCard", async (access, form: FormData) => {
  const { reviewId, itemId, themeId, mode } = formFields(form, ["reviewId", "itemId", "themeId", "mode"]);
  await tagItems(access, { reviewId, itemIds: [itemId], themeIds: [themeId], mode });
  revalidatePath(`/reviews/${access.reviewId}`, "layout");
  return undefined;
});
