import Link from "next/link";
import { CloseRoundButton, OpenRoundForm } from "@/components/rounds/RoundForms";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { formatDate, formatDateTime } from "@/lib/i18n/format-time";
import { getI18n } from "@/lib/i18n/server";
import { listRoundableSections, listRounds } from "@/lib/rounds/queries";
import { closeRoundAction, openRoundAction } from "./actions";

export default async function RoundsPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/rounds`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const [{ role, rounds }, sections] = await Promise.all([
    loadOrNotFound(listRounds(access)),
    loadOrNotFound(listRoundableSections(access)),
  ]);
  const canRun = can(role, "round.run");
  const base = `/reviews/${reviewId}`;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section aria-labelledby="rounds-heading" className="min-w-0 space-y-4">
        <header>
          <h1 id="rounds-heading" className="text-xl font-semibold">
            {t("rounds.title")}
          </h1>
          <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("rounds.help")}</p>
        </header>
        {rounds.length === 0 ? (
          <p className={`${cardClass} p-6 text-sm text-stone-600`}>{t("rounds.noRounds")}</p>
        ) : (
          <ol className="space-y-3">
            {rounds.map((round) => (
              <li key={round.id} className={`${cardClass} space-y-2 p-4`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold text-stone-900">
                    <Link href={`${base}/rounds/${round.id}`} className="hover:underline">
                      {t("rounds.roundLabel", { n: round.number, title: round.title })}
                    </Link>
                  </h2>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs ${round.state === "OPEN" ? "bg-amber-50 text-amber-800" : "bg-stone-100 text-stone-600"}`}
                  >
                    {t(`rounds.states.${round.state}`)}
                  </span>
                </div>
                <p className="text-xs text-stone-500">
                  {[
                    t("rounds.openedBy", {
                      who: round.openedBy?.name ?? "—",
                      time: formatDateTime(locale, round.openedAt),
                    }),
                    round.dueAt ? t("rounds.due", { date: formatDate(locale, round.dueAt) }) : null,
                    t("rounds.counts", { open: round.open, addressed: round.addressed, accepted: round.accepted }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {round.note && <p className="text-sm text-stone-700">{round.note}</p>}
                <p className="text-sm text-stone-700">
                  {round.sections.map(({ section }, index) => (
                    <span key={section.id}>
                      {index > 0 && "、"}
                      <Link
                        href={`${base}/synthesis/${section.id}?panel=comments`}
                        className="text-teal-700 hover:underline"
                      >
                        {section.title}
                      </Link>
                    </span>
                  ))}
                </p>
                <div className="flex flex-wrap items-center gap-3">
                  <Link href={`${base}/rounds/${round.id}`} className="text-sm text-teal-700 hover:underline">
                    {t("rounds.viewSummary")} →
                  </Link>
                  {canRun && round.state === "OPEN" && (
                    <CloseRoundButton reviewId={reviewId} round={round} stillOpen={round} action={closeRoundAction} />
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      {canRun && (
        <aside className={`${cardClass} h-fit p-4`}>
          <h2 className="mb-3 text-sm font-semibold text-stone-900">{t("rounds.openTitle")}</h2>
          <OpenRoundForm reviewId={reviewId} sections={sections} action={openRoundAction} />
        </aside>
      )}
    </div>
  );
}
