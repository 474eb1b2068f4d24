import { ReferenceEntry } from "@/components/references/ReferenceEntry";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { listSharedReferences } from "@/lib/references/queries";
import { getReview } from "@/lib/reviews/queries";
import { addCitedReferenceAction } from "./actions";

/** The works two or more items cite: where snowballing starts. */
export default async function SharedReferencesPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/references`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const [review, { shared, total }] = await loadOrNotFound(
    Promise.all([getReview(access), listSharedReferences(access)]),
  );
  return (
    <div className="max-w-4xl space-y-4">
      <header>
        <h1 className="text-xl font-semibold">{t("references.sharedTitle")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("references.sharedHelp")}</p>
        {total > shared.length && (
          <p className="mt-1 text-sm text-stone-600">
            {t("references.sharedLimited", { shown: shared.length, total })}
          </p>
        )}
      </header>
      <section className={`${cardClass} px-4 sm:px-6`} aria-label={t("references.sharedTitle")}>
        {shared.length === 0 ? (
          <p className="py-4 text-sm text-stone-600">{t("references.sharedNone")}</p>
        ) : (
          <ol className="divide-y divide-stone-100">
            {shared.map((entry) => (
              <ReferenceEntry
                key={entry.matchKey}
                locale={locale}
                t={t}
                reviewId={reviewId}
                referenceId={entry.referenceId}
                reference={{ ...entry.parsed, number: null }}
                citedBy={entry.citedBy}
                currentItemId={null}
                inReview={entry.inReview}
                canAdd={can(review.role, "item.create")}
                action={addCitedReferenceAction}
              />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
