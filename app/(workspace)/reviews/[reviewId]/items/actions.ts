"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { formFields, type ActionResult } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import { createItem, restoreItems, trashItems, updateItem } from "@/lib/items/commands";

function jsonField(form: FormData, name: string): unknown {
  try {
    return JSON.parse(String(form.get(name) ?? "null"));
  } catch {
    throw new AppError("INVALID_INPUT", `${name} is not JSON`, { [name]: ["not JSON"] });
  }
}

export const createItemAction = reviewAction(
  "createItem",
  async (access, _previous: ActionResult | null, form: FormData): Promise<undefined> => {
    const reviewId = access.reviewId;
    const { itemId } = await createItem(access, { reviewId, fields: jsonField(form, "fields") });
    revalidatePath(`/reviews/${reviewId}`, "layout");
    redirect(`/reviews/${reviewId}/items/${itemId}`);
  },
);

export const updateItemAction = reviewAction(
  "updateItem",
  async (access, _previous: ActionResult | null, form: FormData): Promise<undefined> => {
    const { reviewId, itemId, version } = formFields(form, ["reviewId", "itemId", "version"]);
    await updateItem(access, { reviewId, itemId, version, fields: jsonField(form, "fields") });
    revalidatePath(`/reviews/${access.reviewId}`, "layout");
    redirect(`/reviews/${access.reviewId}/items/${String(itemId)}`);
  },
);

/** Trashes items; from an item page the user lands in the library with a notice that can undo it. */
export const trashItemsAction = reviewAction(
  "trashItems",
  async (access, _previous: ActionResult | null, form: FormData) => {
    const reviewId = access.reviewId;
    const itemIds = jsonField(form, "itemIds");
    await trashItems(access, { reviewId, itemIds, duplicateOfId: form.get("duplicateOfId") });
    revalidatePath(`/reviews/${reviewId}`, "layout");
    if (form.get("then") === "library" && Array.isArray(itemIds)) {
      redirect(`/reviews/${reviewId}/library?trashed=${itemIds.map(String).join(",")}`);
    }
    return undefined;
  },
);

export const restoreItemsAction = reviewAction(
  "restoreItems",
  async (access, _previous: ActionResult | null, form: FormData) => {
    const reviewId = access.reviewId;
    await restoreItems(access, { reviewId, itemIds: jsonField(form, "itemIds") });
    revalidatePath(`/reviews/${reviewId}`, "layout");
    return undefined;
  },
);
