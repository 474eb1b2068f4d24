"use server";
import { revalidatePath } from "next/cache";
import { assignItems } from "@/lib/assignments/commands";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { AppError } from "@/lib/errors/app-error";
import type { ActionResult } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import { parseLibraryParams, resolveLibraryIds } from "@/lib/library/query";
import { trashItems } from "@/lib/items/commands";
import { tagItems } from "@/lib/themes/commands";
import { bulkChangeStage } from "@/lib/workflow/commands";

/**
 * The items a bulk action applies to: the ticked rows, or — with "select all matching" — every item the
 * library's current filter matches, resolved again on the server.
 */
async function targetItems(access: ReviewAccess, form: FormData): Promise<string[]> {
  if (form.get("selectAll") === "1") {
    const query = new URLSearchParams(String(form.get("query") ?? ""));
    return resolveLibraryIds(access, parseLibraryParams(Object.fromEntries(query)));
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
  work: (access: ReviewAccess, reviewId: string, itemIds: string[], form: FormData) => Promise<number>,
) {
  return reviewAction(name, async (access, _p: BulkResult | null, form: FormData) => {
    const reviewId = access.reviewId;
    const itemIds = await targetItems(access, form);
    const count = await work(access, reviewId, itemIds, form);
    revalidatePath(`/reviews/${reviewId}`, "layout");
    return { count };
  });
}

export const bulkStageAction = bulk("bulkChangeStage", async (access, reviewId, itemIds, form) => {
  const result = await bulkChangeStage(access, {
    reviewId,
    itemIds,
    stageId: form.get("stageId"),
    exclusionReasonId: form.get("exclusionReasonId"),
    note: form.get("note"),
  });
  return result.changed;
});

export const bulkAssignAction = bulk("bulkAssign", async (access, reviewId, itemIds, form) => {
  const result = await assignItems(access, {
    reviewId,
    itemIds,
    userIds: [form.get("userId")],
    mode: form.get("mode"),
  });
  return result.added + result.removed;
});

export const bulkTagAction = bulk("bulkTag", async (access, reviewId, itemIds, form) => {
  const result = await tagItems(access, {
    reviewId,
    itemIds,
    themeIds: [form.get("themeId")],
    mode: form.get("mode"),
  });
  return result.changed;
});

export const bulkTrashAction = bulk("bulkTrash", async (access, reviewId, itemIds) => {
  const result = await trashItems(access, { reviewId, itemIds });
  return result.trashed;
});
