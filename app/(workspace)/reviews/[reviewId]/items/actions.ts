"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
import { createItem, restoreItems, trashItems, updateItem } from "@/lib/items/commands";

function jsonField(form: FormData, name: string): unknown {
  try {
    return JSON.parse(String(form.get(name) ?? "null"));
  } catch {
    throw new AppError("INVALID_INPUT", `${name} is not JSON`, { [name]: ["not JSON"] });
  }
}

export async function createItemAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  let target = "";
  const result = await runAction("createItem", async () => {
    const user = await requireUser();
    const reviewId = String(form.get("reviewId") ?? "");
    const { itemId } = await createItem(user.id, { reviewId, fields: jsonField(form, "fields") });
    revalidatePath(`/reviews/${reviewId}`, "layout");
    target = `/reviews/${reviewId}/items/${itemId}`;
    return undefined;
  });
  if (result.ok) redirect(target);
  return result;
}

export async function updateItemAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  let target = "";
  const result = await runAction("updateItem", async () => {
    const user = await requireUser();
    const { reviewId, itemId, version } = formFields(form, ["reviewId", "itemId", "version"]);
    await updateItem(user.id, { reviewId, itemId, version, fields: jsonField(form, "fields") });
    revalidatePath(`/reviews/${String(reviewId)}`, "layout");
    target = `/reviews/${String(reviewId)}/items/${String(itemId)}`;
    return undefined;
  });
  if (result.ok) redirect(target);
  return result;
}

/** Trashes items; from an item page the user lands in the library with a notice that can undo it. */
export async function trashItemsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  let target = "";
  const result = await runAction("trashItems", async () => {
    const user = await requireUser();
    const reviewId = String(form.get("reviewId") ?? "");
    const itemIds = jsonField(form, "itemIds");
    await trashItems(user.id, { reviewId, itemIds, duplicateOfId: form.get("duplicateOfId") });
    revalidatePath(`/reviews/${reviewId}`, "layout");
    if (form.get("then") === "library" && Array.isArray(itemIds)) {
      target = `/reviews/${reviewId}/library?trashed=${itemIds.map(String).join(",")}`;
    }
    return undefined;
  });
  if (result.ok && target) redirect(target);
  return result;
}

export async function restoreItemsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction("restoreItems", async () => {
    const user = await requireUser();
    const reviewId = String(form.get("reviewId") ?? "");
    await restoreItems(user.id, { reviewId, itemIds: jsonField(form, "itemIds") });
    revalidatePath(`/reviews/${reviewId}`, "layout");
    return undefined;
  });
}
