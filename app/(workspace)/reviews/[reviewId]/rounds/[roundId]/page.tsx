import Link from "next/link";
import { CloseRoundButton } from "@/components/rounds/RoundForms";
import { WordImport } from "@/components/rounds/WordImport";
import { AnsweredChange } from "@/components/synthesis/AnsweredChange";
import { DocumentComparison } from "@/components/synthesis/DocumentComparison";
import { comparisonLabels } from "@/components/synthesis/comparison-labels";
import {
  SUGGESTION_STATE_TONE as SUGGESTION_TONE,
  THREAD_STATE_TONE as STATE_TONE,
} from "@/components/synthesis/thread-tones";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { can } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { formatDate, formatDateTime } from "@/lib/i18n/format-time";
import { getI18n } from "@/lib/i18n/server";
import { getRoundSummary, sumCounts, type ThreadCounts } from "@/lib/rounds/queries";
import { closeRoundAction } from "../actions";
import { applyWordImportAction, previewWordImportAction } from "../word-import-actions";

export default async function RoundSummaryPage({ params }: { params: Promise<{ reviewId: string; roundId: string }> }) {
  const { reviewId, roundId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/rounds/${roundId}`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const { role, round, sections, authors } = await loadOrNotFound(
    getRoundSummary(access, roundId, locale === "zh" ? "zh-CN" : "en-US"),
  );
  const base = `/reviews/${reviewId}`;
  const totals = sumCounts(sections.map((section) => section.counts));
  const countLine = (counts: ThreadCounts) =>
    [
      t("rounds.counts", { ...counts }),
      counts.pending + counts.applied + counts.rejected > 0 ? t("rounds.suggestionCounts", { ...counts }) : null,
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <div className="space-y-5">
      <Link href={`${base}/rounds`} className="text-sm text-teal-700 hover:underline">
        ← {t("rounds.title")}
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-stone-900">
            {t("rounds.roundLabel", { n: round.number, title: round.title })}
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            {[
              t(`rounds.states.${round.state}`),
              t("rounds.openedBy", { who: round.openedBy?.name ?? "—", time: formatDateTime(locale, round.openedAt) }),
              round.closedAt
                ? t("rounds.closedBy", {
                    who: round.closedBy?.name ?? "—",
                    time: formatDateTime(locale, round.closedAt),
                  })
                : null,
              round.dueAt ? t("rounds.due", { date: formatDate(locale, round.dueAt) }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {round.note && <p className="mt-2 max-w-3xl text-sm text-stone-700">{round.note}</p>}
          <p className="mt-2 text-sm font-medium text-stone-800">{countLine(totals)}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`${base}/rounds/${round.id}/export`} className={buttonSecondary} download>
            {t("rounds.exportDocx")}
          </a>
          {can(role, "round.run") && round.state === "OPEN" && (
            <CloseRoundButton
              reviewId={reviewId}
              round={round}
              stillOpen={{ open: totals.open, addressed: totals.addressed, pending: totals.pending }}
              action={closeRoundAction}
            />
          )}
        </div>
      </header>

      {can(role, "comment.write") && round.state === "OPEN" && (
        <WordImport
          reviewId={reviewId}
          roundId={round.id}
          preview={previewWordImportAction}
          apply={applyWordImportAction}
        />
      )}

      <section aria-labelledby="by-author" className={`${cardClass} p-4`}>
        <h2 id="by-author" className="text-sm font-semibold text-stone-900">
          {t("rounds.byAuthor")}
        </h2>
        {authors.length === 0 ? (
          <p className="mt-1 text-sm text-stone-500">{t("rounds.noThreads")}</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-stone-700">
            {authors.map((author) => (
              <li key={author.name}>
                <span className="font-medium">{author.name}</span>：{t("rounds.authorCounts", author)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <h2 className="text-base font-semibold text-stone-900">{t("rounds.bySection")}</h2>
      {sections.map((section) => (
        <section
          key={section.id}
          aria-labelledby={`round-section-${section.id}`}
          className={`${cardClass} space-y-4 p-4`}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 id={`round-section-${section.id}`} className="font-semibold text-stone-900">
              {section.title}{" "}
              {section.trashed && (
                <span className="text-xs font-normal text-stone-500">{t("rounds.trashedSection")}</span>
              )}
            </h3>
            <span className="text-xs text-stone-600">{countLine(section.counts)}</span>
          </div>
          {section.threads.length === 0 ? (
            <p className="text-sm text-stone-500">{t("rounds.noThreads")}</p>
          ) : (
            <ol className="space-y-3">
              {section.threads.map((thread) => (
                <li key={thread.id} className="rounded-md border border-stone-200 p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    {thread.suggestionState ? (
                      <span className={`rounded-full px-2 py-0.5 text-xs ${SUGGESTION_TONE[thread.suggestionState]}`}>
                        {t(`comments.suggestionStates.${thread.suggestionState}`)}
                      </span>
                    ) : (
                      <span className={`rounded-full px-2 py-0.5 text-xs ${STATE_TONE[thread.state]}`}>
                        {t(`rounds.threadStates.${thread.state}`)}
                      </span>
                    )}
                    {thread.suggestion !== null ? (
                      <span lang="zh-CN" className="text-stone-700">
                        {t("rounds.suggestionOf", { who: thread.createdBy?.name ?? "—" })}
                        {!thread.quote
                          ? t("comments.suggestInsert", { text: thread.suggestion })
                          : thread.suggestion
                            ? t("comments.suggestReplace", { quote: thread.quote, text: thread.suggestion })
                            : t("comments.suggestDelete", { quote: thread.quote })}
                      </span>
                    ) : (
                      <q lang="zh-CN" className="text-stone-600">
                        {thread.quote ?? t("rounds.wholeSection")}
                      </q>
                    )}
                  </div>
                  <ul className="mt-2 space-y-1.5">
                    {thread.comments.map((comment) => (
                      <li key={comment.id}>
                        <span className="font-medium text-stone-900">{comment.author?.name ?? "—"}</span>
                        <span className="ml-2 text-xs text-stone-500">{formatDateTime(locale, comment.createdAt)}</span>
                        <p className="whitespace-pre-wrap text-stone-800">{comment.body}</p>
                        <AnsweredChange change={section.answered[comment.id] ?? null} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
          <div>
            <h4 className="text-sm font-semibold text-stone-900">{t("rounds.changesTitle")}</h4>
            {!section.changed ? (
              <p className="mt-1 text-sm text-stone-500">{t("rounds.noChanges")}</p>
            ) : (
              <div className="mt-2 rounded-md bg-stone-50 p-3">
                <DocumentComparison blocks={section.blocks} labels={comparisonLabels(t)} />
              </div>
            )}
          </div>
          <Link
            href={`${base}/synthesis/${section.id}?panel=comments`}
            className="text-sm text-teal-700 hover:underline"
          >
            {t("rounds.openSection")} →
          </Link>
        </section>
      ))}
    </div>
  );
}
