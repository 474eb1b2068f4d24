import Link from "next/link";
import { RankingBar, ScoreExplanation } from "@/components/screening/RankingBar";
import { VoteForm } from "@/components/screening/VoteForm";
import { MissingBadge } from "@/components/ui/MissingBadge";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { authorList } from "@/lib/items/display";
import { getScreeningDesk } from "@/lib/screening/queries";
import { HighlightedText } from "@/components/screening/HighlightedText";
import { HighlightTermsForm } from "@/components/screening/HighlightTermsForm";
import { ScreeningReader } from "@/components/screening/ScreeningReader";
import { castVoteAction, readFullTextAction, setScreeningHighlightsAction } from "./actions";

const STATES = ["UNSCREENED", "IN_PROGRESS", "CONFLICT", "INCLUDED", "EXCLUDED"] as const;
const STATE_COLOR: Record<(typeof STATES)[number], string> = {
  UNSCREENED: "bg-stone-300",
  IN_PROGRESS: "bg-sky-500",
  CONFLICT: "bg-amber-500",
  INCLUDED: "bg-emerald-600",
  EXCLUDED: "bg-rose-500",
};

export default async function ScreeningDeskPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<{ item?: string; after?: string; order?: string }>;
}) {
  const { reviewId } = await params;
  const { item: itemParam, after, order: orderParam } = await searchParams;
  const requestedOrder = orderParam === "added" || orderParam === "relevance" ? orderParam : undefined;
  const user = await requirePageUser(`/reviews/${reviewId}/screening`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const desk = await loadOrNotFound(
    getScreeningDesk(access, {
      itemId: typeof itemParam === "string" ? itemParam.slice(0, 64) : undefined,
      after: typeof after === "string" ? after.slice(0, 64) : undefined,
      order: requestedOrder,
    }),
  );
  const base = `/reviews/${reviewId}/screening`;
  // The chosen order travels with skips; relevance is the default and needs no parameter.
  const orderQuery = desk.ranking.order === "added" && desk.ranking.available ? "&order=added" : "";
  const item = desk.current;
  const reasonLabel = (reason: { labelZh: string; labelEn: string }) =>
    locale === "zh" ? reason.labelZh : reason.labelEn;
  const decided = item && (item.screeningState === "INCLUDED" || item.screeningState === "EXCLUDED");
  const abstract = item ? pick(locale, item.abstractZh, item.abstractEn) : null;

  return (
    <div className="space-y-5">
      <div className="grid min-w-0 gap-5 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-4">
          {!desk.canVote && (
            <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">
              {t("screening.readOnly", { role: t(`roles.${desk.role}`) })}
            </p>
          )}
          <RankingBar
            base={base}
            available={desk.ranking.available}
            order={desk.ranking.order}
            trainedAt={desk.ranking.trainedAt}
          />
          {!item ? (
            <section className={`${cardClass} p-6 text-center`}>
              <p className="text-lg font-medium">{t("screening.allDone")}</p>
              <p className="mt-1 text-sm text-stone-600">{t("screening.allDoneHint")}</p>
            </section>
          ) : (
            <article aria-labelledby="screen-title" className={`${cardClass} space-y-4 p-5`}>
              <header className="space-y-1">
                <h2 id="screen-title" className="text-xl font-semibold leading-snug">
                  {pick(locale, item.titleZh, item.titleEn) ?? t("screening.noTitle")}
                </h2>
                {item.titleZh && item.titleEn && (
                  <p className="text-stone-600">{locale === "zh" ? item.titleEn : item.titleZh}</p>
                )}
                <p className="text-sm text-stone-600">
                  {item.authors.length ? (
                    authorList(locale, item.authors)
                  ) : (
                    <MissingBadge label={t("screening.noAuthors")} />
                  )}
                  {" · "}
                  {pick(locale, item.journalZh, item.journalEn) ?? <MissingBadge label={t("screening.noJournal")} />}
                  {" · "}
                  {item.year ?? <MissingBadge label={t("screening.noYear")} />}
                </p>
              </header>
              {desk.ranking.available && <ScoreExplanation score={item.screeningScore} />}
              {[...(locale === "zh" ? item.keywordsZh : item.keywordsEn)].length > 0 && (
                <ul className="flex flex-wrap gap-1.5" aria-label={t("screening.keywords")}>
                  {(locale === "zh" ? item.keywordsZh : item.keywordsEn).map((keyword) => (
                    <li key={keyword} className="rounded-full bg-teal-50 px-2 py-0.5 text-xs text-teal-900">
                      {keyword}
                    </li>
                  ))}
                </ul>
              )}
              <section aria-labelledby="abstract-heading" className="space-y-1">
                <h3 id="abstract-heading" className="text-sm font-semibold text-stone-500">
                  {t("screening.abstract")}
                </h3>
                <div className="prose-cjk max-h-80 overflow-y-auto text-[0.95rem] leading-relaxed text-stone-800">
                  {abstract ? (
                    <HighlightedText text={abstract} terms={desk.highlights} />
                  ) : (
                    <p>
                      <MissingBadge label={t("screening.noAbstract")} />{" "}
                      {item.hasFullText && (
                        <span className="text-sm text-stone-600">{t("screening.readFullTextHint")}</span>
                      )}
                    </p>
                  )}
                </div>
              </section>

              {desk.votes && (
                <div className="space-y-2 border-t border-stone-100 pt-3 text-sm">
                  <p className="flex flex-wrap items-center gap-2 text-stone-600">
                    <span className="rounded-full bg-stone-100 px-2 py-0.5 tabular-nums">
                      {t("screening.votesIn", { n: desk.votes.count, required: desk.required })}
                    </span>
                    {decided && (
                      <span className="font-medium text-stone-900">
                        {t("screening.decided", { state: t(`screening.states.${item.screeningState}`) })}
                      </span>
                    )}
                    {desk.votes.mine && (
                      <span>
                        {t("screening.yourVote", { choice: t(`screening.choices.${desk.votes.mine.choice}`) })}
                      </span>
                    )}
                  </p>
                  {desk.votes.revealed ? (
                    <section aria-label={t("screening.othersVotes")}>
                      <ul className="space-y-1">
                        {[...(desk.votes.mine ? [desk.votes.mine] : []), ...desk.votes.others].map((vote) => (
                          <li key={vote.user.id}>
                            <span className="font-medium">{vote.user.name}</span>:{" "}
                            {t(`screening.choices.${vote.choice}`)}
                            {vote.reason && <span className="text-stone-600"> · {reasonLabel(vote.reason)}</span>}
                            {vote.note && <q className="ml-1 text-stone-500">{vote.note}</q>}
                          </li>
                        ))}
                      </ul>
                    </section>
                  ) : (
                    <p className="rounded-md bg-sky-50 px-3 py-2 text-sky-900">
                      {t("screening.blind", { required: desk.required })}
                    </p>
                  )}
                </div>
              )}

              {desk.canVote && !decided && (
                <>
                  {desk.votes?.mine && <p className="text-xs text-stone-500">{t("screening.changeVote")}</p>}
                  <VoteForm
                    action={castVoteAction}
                    reviewId={reviewId}
                    itemId={item.id}
                    current={desk.votes?.mine ?? null}
                    hasFullText={item.hasFullText}
                    reasons={desk.reasons.map((reason) => ({
                      id: reason.id,
                      label: reasonLabel(reason),
                      fullTextUnavailable: reason.fullTextUnavailable,
                    }))}
                    skipHref={desk.remainingForMe > 1 || itemParam ? `${base}?after=${item.id}${orderQuery}` : null}
                  />
                </>
              )}
            </article>
          )}
        </div>
        {item && (
          <div className="min-w-0 xl:sticky xl:top-4 xl:flex xl:max-h-[calc(100vh-2rem)] xl:flex-col xl:self-start [&>section]:max-h-[75vh] xl:[&>section]:max-h-none xl:[&>section]:flex-1">
            <ScreeningReader reviewId={reviewId} itemId={item.id} terms={desk.highlights} load={readFullTextAction} />
          </div>
        )}
      </div>

      <aside className="grid gap-4 md:grid-cols-3">
        <div className={`${cardClass} p-4`}>
          <HighlightTermsForm
            action={setScreeningHighlightsAction}
            reviewId={reviewId}
            terms={desk.highlights}
            canEdit={desk.canEditHighlights}
          />
        </div>
        <section aria-labelledby="progress-heading" className={`${cardClass} space-y-3 p-4`}>
          <h2 id="progress-heading" className="text-sm font-semibold text-stone-500">
            {t("screening.progress")}
          </h2>
          <div className="flex h-2.5 overflow-hidden rounded-full bg-stone-100" aria-hidden>
            {STATES.map((state) =>
              desk.counts[state] ? (
                <span
                  key={state}
                  className={STATE_COLOR[state]}
                  style={{ width: `${((desk.counts[state] ?? 0) / Math.max(desk.total, 1)) * 100}%` }}
                />
              ) : null,
            )}
          </div>
          <dl className="grid grid-cols-[1fr_auto] gap-y-1 text-sm">
            {STATES.map((state) => (
              <div key={state} className="contents">
                <dt className="flex items-center gap-2">
                  <span className={`size-2.5 rounded-full ${STATE_COLOR[state]}`} aria-hidden />
                  {t(`screening.states.${state}`)}
                </dt>
                <dd className="text-right tabular-nums">{desk.counts[state] ?? 0}</dd>
              </div>
            ))}
          </dl>
          {desk.canVote && (
            <p className="text-xs text-stone-600">
              {t("screening.progressLine", { mine: desk.myVotes, left: desk.remainingForMe, required: desk.required })}
            </p>
          )}
        </section>
        {desk.recent.length > 0 && (
          <section aria-labelledby="recent-heading" className={`${cardClass} p-4`}>
            <h2 id="recent-heading" className="mb-2 text-sm font-semibold text-stone-500">
              {t("screening.recent")}
            </h2>
            <ul className="space-y-1.5 text-sm">
              {desk.recent.map((vote) => (
                <li key={vote.item.id} className="flex items-baseline justify-between gap-2">
                  <Link
                    href={`${base}?item=${vote.item.id}`}
                    className="min-w-0 truncate text-teal-800 hover:underline"
                  >
                    {pick(locale, vote.item.titleZh, vote.item.titleEn) ?? t("screening.noTitle")}
                  </Link>
                  <span className="shrink-0 text-xs text-stone-500">{t(`screening.choices.${vote.choice}`)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </div>
  );
}
