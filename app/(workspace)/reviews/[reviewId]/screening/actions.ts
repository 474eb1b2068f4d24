"use server";
import { revalidatePath } from "next/cache";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { formFields, type ActionResult } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import { castVote, resolveConflict, setScreeningHighlights } from "@/lib/screening/commands";
import { recordScreeningStop, updateStoppingRule } from "@/lib/screening/ranking/stopping";
import { getItemReading } from "@/lib/pdf-pages/queries";

/** A screening form's named fields to one command; the whole review re-renders. */
function screeningAction(
  name: string,
  keys: string[],
  command: (access: ReviewAccess, input: unknown) => Promise<unknown>,
) {
  return reviewAction(name, async (access: ReviewAccess, _p: ActionResult | null, form: FormData) => {
    await command(access, formFields(form, keys));
    revalidatePath(`/reviews/${access.reviewId}`, "layout");
    return undefined;
  });
}

export const castVoteAction = screeningAction(
  "castVote",
  ["reviewId", "itemId", "choice", "reasonId", "note"],
  castVote,
);
export const resolveConflictAction = screeningAction(
  "resolveConflict",
  ["reviewId", "itemId", "choice", "reasonId", "note"],
  resolveConflict,
);
export const setScreeningHighlightsAction = screeningAction(
  "setScreeningHighlights",
  ["reviewId", "terms"],
  setScreeningHighlights,
);
export const updateStoppingRuleAction = screeningAction(
  "updateStoppingRule",
  ["reviewId", "rule", "value"],
  updateStoppingRule,
);
export const recordScreeningStopAction = screeningAction(
  "recordScreeningStop",
  ["reviewId", "note"],
  recordScreeningStop,
);

/** The screening card's side panel loads the full text (and the PDF's text) only when it is opened. */
export const readFullTextAction = reviewAction(
  "readFullText",
  (access, _reviewId: string, itemId: string) => getItemReading(access, String(itemId).slice(0, 64)),
  (reviewId) => reviewId,
);
