"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
import { castVote, resolveConflict, setScreeningHighlights } from "@/lib/screening/commands";
import { recordScreeningStop, updateStoppingRule } from "@/lib/screening/ranking/stopping";
import { getItemReading } from "@/lib/pdf-pages/queries";

export async function castVoteAction(_p: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("castVote", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "itemId", "choice", "reasonId", "note"]);
    await castVote(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return undefined;
  });
}

export async function resolveConflictAction(_p: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("resolveConflict", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "itemId", "choice", "reasonId", "note"]);
    await resolveConflict(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return undefined;
  });
}

export async function setScreeningHighlightsAction(_p: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("setScreeningHighlights", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "terms"]);
    await setScreeningHighlights(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}/screening`);
    return undefined;
  });
}

export async function updateStoppingRuleAction(_p: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("updateStoppingRule", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "rule", "value"]);
    await updateStoppingRule(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return undefined;
  });
}

export async function recordScreeningStopAction(_p: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("recordScreeningStop", async () => {
    const user = await requireUser();
    const input = formFields(form, ["reviewId", "note"]);
    await recordScreeningStop(user.id, input);
    revalidatePath(`/reviews/${String(input.reviewId)}`, "layout");
    return undefined;
  });
}

/** The screening card's side panel loads the full text (and the PDF's text) only when it is opened. */
export async function readFullTextAction(reviewId: string, itemId: string) {
  return runAction("readFullText", async () => {
    const user = await requireUser();
    return getItemReading(user.id, String(reviewId).slice(0, 64), String(itemId).slice(0, 64));
  });
}
