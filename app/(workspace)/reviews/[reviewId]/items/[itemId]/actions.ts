"use server";
import { revalidatePath } from "next/cache";
import { assignItems } from "@/lib/assignments/commands";
import { codePassage, deleteCoding, updateCoding } from "@/lib/coding/commands";
import { tagItems } from "@/lib/themes/commands";
import { createTheme } from "@/lib/themes/codebook";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { formFields, type ActionResult } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import { changeStage, undoStageChange } from "@/lib/workflow/commands";

/** Every action of the item page: the form's fields to one command, then the whole review re-renders. */
function itemAction(name: string, work: (access: ReviewAccess, form: FormData) => Promise<unknown>) {
  return reviewAction(name, async (access, _previous: ActionResult | null, form: FormData) => {
    await work(access, form);
    revalidatePath(`/reviews/${access.reviewId}`, "layout");
    return undefined;
  });
}

export const changeStageAction = itemAction("changeStage", (access, form) =>
  changeStage(access, formFields(form, ["reviewId", "itemId", "stageId", "exclusionReasonId", "note"])),
);

export const undoStageChangeAction = itemAction("undoStageChange", (access, form) =>
  undoStageChange(access, formFields(form, ["reviewId", "itemId", "changeId"])),
);

/** One member on or off one item; the library's bulk assignment uses the same command. */
export const assignItemAction = itemAction("assignItem", (access, form) => {
  const { reviewId, itemId, userId, mode } = formFields(form, ["reviewId", "itemId", "userId", "mode"]);
  return assignItems(access, { reviewId, itemIds: [itemId], userIds: [userId], mode });
});

export const codePassageAction = itemAction("codePassage", (access, form) =>
  codePassage(access, {
    ...formFields(form, ["reviewId", "itemId", "field", "start", "end", "quote", "memo"]),
    themeIds: form.getAll("themeIds"),
  }),
);
export const updateCodingAction = itemAction("updateCoding", (access, form) =>
  updateCoding(access, {
    ...formFields(form, ["reviewId", "codingId", "memo"]),
    themeIds: form.getAll("themeIds"),
  }),
);
export const deleteCodingAction = itemAction("deleteCoding", (access, form) =>
  deleteCoding(access, formFields(form, ["reviewId", "codingId"])),
);
export const tagItemAction = itemAction("tagItem", (access, form) =>
  tagItems(access, {
    reviewId: form.get("reviewId"),
    itemIds: [form.get("itemId")],
    themeIds: [form.get("themeId")],
    mode: form.get("mode"),
  }),
);

/**
 * A theme created from the reader's theme picker while coding: a name and a colour, the rest to be filled in on the
 * codebook page. The same command and checks as the codebook's own form (unique name, theme.manage).
 */
export const createThemeInReaderAction = reviewAction(
  "createThemeInReader",
  async (access, input: { reviewId: string; name: string; color: string }) => {
    // createTheme checks every field with its zod schema; a missing object only must not throw here first.
    const { name, color } = (input ?? {}) as Partial<typeof input>;
    const created = await createTheme(access, { reviewId: access.reviewId, nameZh: name, color });
    revalidatePath(`/reviews/${access.reviewId}`, "layout");
    return created;
  },
);
