import Link from "next/link";
import { ItemForm } from "@/components/items/ItemForm";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { isItemType } from "@/lib/bibliography/item-types";
import { EMPTY_ITEM_FIELDS } from "@/lib/items/item-fields";
import { getReview } from "@/lib/reviews/queries";
import { createItemAction } from "../actions";

export default async function NewItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<{ type?: string | string[] }>;
}) {
  const { reviewId } = await params;
  // ?type=THESIS opens the form on that type; the form's type select changes it.
  const requested = (await searchParams).type;
  const itemType = isItemType(requested) ? requested : EMPTY_ITEM_FIELDS.itemType;
  const user = await requirePageUser(`/reviews/${reviewId}/items/new`);
  const access = await getPageAccess(user.id, reviewId);
  const { t } = await getI18n();
  const review = await loadOrNotFound(getReview(access));
  const library = `/reviews/${reviewId}/library`;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p>
        <Link href={library} className="text-sm text-teal-700 hover:underline">
          ← {t("editing.backToLibrary")}
        </Link>
      </p>
      <header>
        <h1 className="text-xl font-semibold">{t("editing.newTitle")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("editing.newHelp")}</p>
      </header>
      {can(review.role, "item.create") ? (
        <ItemForm
          mode="create"
          reviewId={reviewId}
          initial={{ ...EMPTY_ITEM_FIELDS, itemType }}
          action={createItemAction}
          cancelHref={library}
        />
      ) : (
        <p role="status" className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">
          {t("item.readOnly", { role: t(`roles.${review.role}`) })}
        </p>
      )}
    </div>
  );
}
