import Link from "next/link";
import { ItemForm } from "@/components/items/ItemForm";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { can } from "@/lib/authz/policy";
import { getItemForEdit } from "@/lib/items/queries";
import { getReview } from "@/lib/reviews/queries";
import { updateItemAction } from "../../actions";

export default async function EditItemPage({ params }: { params: Promise<{ reviewId: string; itemId: string }> }) {
  const { reviewId, itemId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/items/${itemId}/edit`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const itemPage = `/reviews/${reviewId}/items/${itemId}`;
  // A member who may not edit gets told so, like on the item page, instead of a "not found".
  const review = await loadOrNotFound(getReview(access));
  if (!can(review.role, "item.update")) {
    return (
      <div className="mx-auto max-w-4xl space-y-4">
        <p>
          <Link href={itemPage} className="text-sm text-teal-700 hover:underline">
            ← {t("item.back")}
          </Link>
        </p>
        <p role="status" className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">
          {t("item.readOnly", { role: t(`roles.${review.role}`) })}
        </p>
      </div>
    );
  }
  const item = await loadOrNotFound(getItemForEdit(access, itemId));
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p>
        <Link href={itemPage} className="text-sm text-teal-700 hover:underline">
          ← {pick(locale, item.fields.titleZh, item.fields.titleEn) ?? t("editing.untitled")}
        </Link>
      </p>
      <header>
        <h1 className="text-xl font-semibold">{t("editing.editTitle")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("editing.editHelp")}</p>
      </header>
      <ItemForm
        mode="edit"
        reviewId={reviewId}
        itemId={itemId}
        version={item.version}
        initial={item.fields}
        action={updateItemAction}
        cancelHref={itemPage}
      />
    </div>
  );
}
