"use server";
import { revalidatePath } from "next/cache";
import { assignItems } from "@/lib/assignments/commands";
import { codePassage, deleteCoding, updateCoding } from "@/lib/coding/commands";
import { tagItems } from "@/lib/themes/commands";
import { createTheme } from "@/lib/themes/codebook";
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

function codingAction(name: string, work: (userId: string, form: FormData) => Promise<unknown>) {
  return async (_previous: ActionResult | null, form: FormData): Promise<ActionResult> =>
    runAction(name, async () => {
      const user = await requireUser();
      await work(user.id, form);
      revalidatePath(`/reviews/${String(form.get("reviewId"))}`, "layout");
      return undefined;
    });
}

const codePassageWork = codingAction("codePassage", (userId, form) =>
  codePassage(userId, {
    ...formFields(form, ["reviewId", "itemId", "field", "start", "end", "quote", "memo"]),
    themeIds: form.getAll("themeIds"),
  }),
);
const updateCodingWork = codingAction("updateCoding", (userId, form) =>
  updateCoding(userId, { ...formFields(form, ["reviewId", "codingId", "memo"]), themeIds: form.getAll("themeIds") }),
);
const deleteCodingWork = codingAction("deleteCoding", (userId, form) =>
  deleteCoding(userId, formFields(form, ["reviewId", "codingId"])),
);
const tagItemWork = codingAction("tagItem", (userId, form) =>
  tagItems(userId, {
    reviewId: form.get("reviewId"),
    itemIds: [form.get("itemId")],
    themeIds: [form.get("themeId")],
    mode: form.get("mode"),
  }),
);

export async function codePassageAction(previous: ActionResult | null, form: FormData) {
  return codePassageWork(previous, form);
}
export async function updateCodingAction(previous: ActionResult | null, form: FormData) {
  return updateCodingWork(previous, form);
}
export async function deleteCodingAction(previous: ActionResult | null, form: FormData) {
  return deleteCodingWork(previous, form);
}
/**
 * A theme created from the reader's theme picker while coding: a name and a colour, the rest to be filled in on the
 * codebook page. The same command and checks as the codebook's own form (unique name, theme.manage).
 */
export async function createThemeInReaderAction(input: {
  reviewId: string;
  name: string;
  color: string;
}): Promise<ActionResult<{ themeId: string }>> {
  return runAction("createThemeInReader", async () => {
    const user = await requireUser();
    // createTheme checks every field with its zod schema; a missing object only must not throw here first.
    const { reviewId, name, color } = (input ?? {}) as Partial<typeof input>;
    const created = await createTheme(user.id, { reviewId, nameZh: name, color });
    revalidatePath(`/reviews/${String(reviewId)}`, "layout");
    return created;
  });
}
export async function tagItemAction(previous: ActionResult | null, form: FormData) {
  return tagItemWork(previous, form);
}
