import Link from "next/link";
import { RestoreItems } from "@/components/items/RestoreItems";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { authorList } from "@/lib/items/display";
import { listTrash } from "@/lib/items/queries";
import { restoreItemsAction } from "../items/actions";

export default async function TrashPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/trash`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const trash = await loadOrNotFound(listTrash(access));
  const canRestore = can(trash.role, "item.delete");
  const format = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const titleOf = (item: { titleZh: string | null; titleEn: string | null }) =>
    pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled");
  return (
    <section aria-labelledby="trash-heading" className="space-y-4">
      <p>
        <Link href={`/reviews/${reviewId}/library`} className="text-sm text-teal-700 hover:underline">
          ← {t("editing.backToLibrary")}
        </Link>
      </p>
      <header>
        <h1 id="trash-heading" className="text-xl font-semibold">
          {t("editing.trashPageTitle")}
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("editing.trashPageHelp")}</p>
      </header>
      {trash.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-8 text-center text-stone-500">
          {t("editing.trashEmpty")}
        </p>
      ) : (
        <div className={`${cardClass} overflow-x-auto`}>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-500">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t("editing.colTitle")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("editing.colRemoved")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("editing.colDuplicateOf")}
                </th>
                {canRestore && (
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">{t("editing.restore")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {trash.items.map((item) => (
                <tr key={item.id} className="align-top">
                  <td className="px-4 py-3">
                    <Link
                      href={`/reviews/${reviewId}/items/${item.id}`}
                      className="font-medium text-stone-900 hover:text-teal-800 hover:underline"
                    >
                      {titleOf(item)}
                    </Link>
                    <p className="text-xs text-stone-500">
                      {[authorList(locale, item.authors), item.year].filter(Boolean).join(" · ")}
                    </p>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-stone-600">
                    {t("editing.removedBy", {
                      who: item.deletedBy?.name ?? t("activity.someone"),
                      time: format.format(item.deletedAt!),
                    })}
                  </td>
                  <td className="px-4 py-3">
                    {item.duplicateOf ? (
                      <Link
                        href={`/reviews/${reviewId}/items/${item.duplicateOf.id}`}
                        className="text-teal-700 hover:underline"
                      >
                        {titleOf(item.duplicateOf)}
                      </Link>
                    ) : (
                      <span className="text-stone-500">—</span>
                    )}
                  </td>
                  {canRestore && (
                    <td className="px-4 py-3 text-right">
                      <RestoreItems
                        reviewId={reviewId}
                        itemIds={[item.id]}
                        label={t("editing.restore")}
                        accessibleName={t("editing.restoreOf", { title: titleOf(item) })}
                        className={buttonSecondary}
                        action={restoreItemsAction}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
