"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
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
  command: (userId: string, input: unknown) => Promise<unknown>,
) {
  return async (form: FormData): Promise<ActionResult> =>
    runAction(name, async () => {
      const user = await requireUser();
      const input = formFields(form, keys);
      await command(user.id, input);
      revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
      return undefined;
    });
}

const createStageForm = settingsAction("createStage", ["reviewId", "nameZh", "nameEn"], createStage);
const renameStageForm = settingsAction("renameStage", ["reviewId", "stageId", "nameZh", "nameEn"], renameStage);
const moveStageForm = settingsAction("moveStage", ["reviewId", "stageId", "direction"], moveStage);
const deleteStageForm = settingsAction("deleteStage", ["reviewId", "stageId"], deleteStage);
const createReasonForm = settingsAction(
  "createExclusionReason",
  ["reviewId", "labelZh", "labelEn"],
  createExclusionReason,
);
const updateReasonForm = settingsAction(
  "updateExclusionReason",
  ["reviewId", "reasonId", "labelZh", "labelEn", "archived"],
  updateExclusionReason,
);

const screeningRulesForm = settingsAction(
  "updateScreeningRules",
  ["reviewId", "screeningVotesRequired"],
  updateScreeningRules,
);

export async function updateScreeningRulesAction(_p: ActionResult | null, form: FormData) {
  return screeningRulesForm(form);
}
export async function createStageAction(_p: ActionResult | null, form: FormData) {
  return createStageForm(form);
}
export async function renameStageAction(_p: ActionResult | null, form: FormData) {
  return renameStageForm(form);
}
export async function moveStageAction(_p: ActionResult | null, form: FormData) {
  return moveStageForm(form);
}
export async function deleteStageAction(_p: ActionResult | null, form: FormData) {
  return deleteStageForm(form);
}
export async function createReasonAction(_p: ActionResult | null, form: FormData) {
  return createReasonForm(form);
}
export async function updateReasonAction(_p: ActionResult | null, form: FormData) {
  return updateReasonForm(form);
}
