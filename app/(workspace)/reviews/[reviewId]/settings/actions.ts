"use server";
import { revalidatePath } from "next/cache";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { formFields, type ActionResult } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import { updateScreeningRules } from "@/lib/screening/commands";
import {
  createExclusionReason,
  createStage,
  deleteStage,
  moveStage,
  renameStage,
  updateExclusionReason,
} from "@/lib/stages/commands";

/** Every settings form posts its named fields to one command; the whole review re-renders with the new setup. */
function settingsAction(
  name: string,
  keys: readonly string[],
  command: (access: ReviewAccess, input: unknown) => Promise<unknown>,
) {
  return reviewAction(name, async (access, _p: ActionResult | null, form: FormData) => {
    await command(access, formFields(form, keys));
    revalidatePath(`/reviews/${access.reviewId}`, "layout");
    return undefined;
  });
}

export const createStageAction = settingsAction("createStage", ["reviewId", "nameZh", "nameEn"], createStage);
export const renameStageAction = settingsAction(
  "renameStage",
  ["reviewId", "stageId", "nameZh", "nameEn"],
  renameStage,
);
export const moveStageAction = settingsAction("moveStage", ["reviewId", "stageId", "direction"], moveStage);
export const deleteStageAction = settingsAction("deleteStage", ["reviewId", "stageId"], deleteStage);
export const createReasonAction = settingsAction(
  "createExclusionReason",
  ["reviewId", "labelZh", "labelEn"],
  createExclusionReason,
);
export const updateReasonAction = settingsAction(
  "updateExclusionReason",
  ["reviewId", "reasonId", "labelZh", "labelEn", "archived"],
  updateExclusionReason,
);
export const updateScreeningRulesAction = settingsAction(
  "updateScreeningRules",
  ["reviewId", "screeningVotesRequired"],
  updateScreeningRules,
);
