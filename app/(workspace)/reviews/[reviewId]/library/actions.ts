"use server";
import { revalidatePath } from "next/cache";
import { assignItems } from "@/lib/assignments/commands";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { parseLibraryParams, resolveLibraryIds } from "@/lib/library/query";
import { trashItems } from "@/lib/items/commands";
import { tagItems } from "@/lib/themes/commands";
import { bulkChangeStage } from "@/lib/workflow/commands";

/**
 * The items a bulk action applies to: the ticked rows, or — with "select all matching" — every item the
 * library's current filter matches, resolved again on the server.
 */
async function targetItems(userId: string, reviewId: string, form: FormData): Promise<string[]> {
  if (form.get("selectAll") === "1") {
    const query = new URLSearchParams(String(form.get("query") ?? ""));
    return resolveLibraryIds(userId, reviewId, parseLibraryParams(Object.fromEntries(query)));
  }
  try {
    const ids: unknown = JSON.parse(String(form.get("itemIds") ?? "[]"));
    return Array.isArray(ids) ? ids.map(String) : [];
  } catch {
    throw new AppError("INVALID_INPUT", "itemIds is not a JSON list");
  }
}

type BulkResult = ActionResult<{ count: number }>;

function bulk(
  name: string,
  work: (userId: string, reviewId: string, itemIds: string[], form: FormData) => Promise<number>,
) {
  return (form: FormData): Promise<BulkResult> =>
    runAction(name, async () => {
      const user = await requireUser();
      const reviewId = String(form.get("reviewId") ?? "");
      const itemIds = await targetItems(user.id, reviewId, form);
      const count = await work(user.id, reviewId, itemIds, form);
      revalidatePath(`/reviews/${reviewId}`, "layout");
      return { count };
    });
}

const stageBulk = bulk("bulkChangeStage", async (userId, reviewId, itemIds, form) => {
  const result = await bulkChangeStage(userId, {
    reviewId,
    itemIds,
    stageId: form.get("stageId"),
    exclusionReasonId: form.get("exclusionReasonId"),
    note: form.get("note"),
  });
  return result.changed;
});

const assignBulk = bulk("bulkAssign", async (userId, reviewId, itemIds, form) => {
  const result = await assignItems(userId, {
    reviewId,
    itemIds,
    userIds: [form.get("userId")],
    mode: form.get("mode"),
  });
  return result.added + result.removed;
});

const tagBulk = bulk("bulkTag", async (userId, reviewId, itemIds, form) => {
  const result = await tagItems(userId, { reviewId, itemIds, themeIds: [form.get("themeId")], mode: form.get("mode") });
  return result.changed;
});

const trashBulk = bulk("bulkTrash", async (userId, reviewId, itemIds) => {
  const result = await trashItems(userId, { reviewId, itemIds });
  return result.trashed;
});

export async function bulkTrashAction(_p: BulkResult | null, form: FormData) {
  return trashBulk(form);
}
export async function bulkStageAction(_p: BulkResult | null, form: FormData) {
  return stageBulk(form);
}
export async function bulkAssignAction(_p: BulkResult | null, form: FormData) {
  return assignBulk(form);
}
export async function bulkTagAction(_p: BulkResult | null, form: FormData) {
  return tagBulk(form);
}
