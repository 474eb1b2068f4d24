import Link from "next/link";
import { ConflictRuling } from "@/components/screening/ConflictRuling";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { listScreeningConflicts } from "@/lib/screening/queries";
import { resolveConflictAction } from "../actions";

export default async function ScreeningConflictsPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/screening/conflicts`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const { conflicts, rulings, reasons, canResolve } = await loadOrNotFound(listScreeningConflicts(access));
  const reasonLabel = (reason: { labelZh: string; labelEn: string }) =>
    locale === "zh" ? reason.labelZh : reason.labelEn;
  const dateFormat = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  return (
    <div className="space-y-6">
      <section aria-labelledby="conflicts-heading" className="space-y-3">
        <div>
          <h2 id="conflicts-heading" className="text-lg font-semibold">
            {t("screening.conflictsTitle")}
          </h2>
          <p className="text-sm text-stone-600">{t("screening.conflictsHelp")}</p>
          {!canResolve && <p className="mt-1 text-sm text-stone-500">{t("screening.onlyOwner")}</p>}
        </div>
        {conflicts.length === 0 ? (
          <p className={`${cardClass} p-4 text-sm text-stone-500`}>{t("screening.noConflicts")}</p>
        ) : (
          <ul className="space-y-3">
            {conflicts.map((item) => {
              const title = pick(locale, item.titleZh, item.titleEn) ?? t("screening.noTitle");
              return (
                <li key={item.id} className={`${cardClass} grid gap-4 p-4 md:grid-cols-[minmax(0,1fr)_20rem]`}>
                  <div className="min-w-0 space-y-2">
                    <Link
                      href={`/reviews/${reviewId}/items/${item.id}`}
                      className="font-medium text-teal-800 hover:underline"
                    >
                      {title}
                    </Link>
                    <ul className="space-y-1 text-sm" aria-label={t("screening.voterReasons", { title })}>
                      {item.screeningVotes.map((vote) => (
                        <li key={vote.user.id}>
                          <span className="font-medium">{vote.user.name}</span>: {t(`screening.choices.${vote.choice}`)}
                          {vote.reason && <span className="text-stone-600"> · {reasonLabel(vote.reason)}</span>}
                          {vote.note && <q className="ml-1 text-stone-500">{vote.note}</q>}
                        </li>
                      ))}
                    </ul>
                  </div>
                  {canResolve && (
                    <ConflictRuling
                      action={resolveConflictAction}
                      reviewId={reviewId}
                      itemId={item.id}
                      title={title}
                      reasons={reasons.map((reason) => ({ id: reason.id, label: reasonLabel(reason) }))}
                      agreedReasonId={item.agreedReasonId}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="rulings-heading" className="space-y-2">
        <h2 id="rulings-heading" className="text-base font-semibold">
          {t("screening.rulings")}
        </h2>
        {rulings.length === 0 ? (
          <p className="text-sm text-stone-500">{t("screening.noRulings")}</p>
        ) : (
          <ul className={`${cardClass} divide-y divide-stone-100`}>
            {rulings.map((ruling) => (
              <li key={ruling.item.id} className="px-4 py-2.5 text-sm">
                <Link
                  href={`/reviews/${reviewId}/items/${ruling.item.id}`}
                  className="font-medium text-teal-800 hover:underline"
                >
                  {pick(locale, ruling.item.titleZh, ruling.item.titleEn) ?? t("screening.noTitle")}
                </Link>
                <p className="text-stone-600">
                  {t("screening.ruledBy", {
                    who: ruling.resolvedBy?.name ?? t("activity.someone"),
                    when: dateFormat.format(ruling.createdAt),
                    choice: t(`screening.choices.${ruling.choice}`),
                  })}
                  {ruling.reason && ` · ${reasonLabel(ruling.reason)}`}
                </p>
                {ruling.note && <q className="text-stone-500">{ruling.note}</q>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
