import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format-time";
import { getI18n } from "@/lib/i18n/server";
import { scoreBand } from "@/lib/screening/ranking/score-band";

const BAND_STYLE = {
  high: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  medium: "bg-amber-50 text-amber-900 ring-amber-200",
  low: "bg-stone-50 text-stone-700 ring-stone-200",
} as const;

/** The choice between relevance order and the order records were added, above the screening card. */
export async function RankingBar({
  base,
  available,
  order,
  trainedAt,
}: {
  base: string;
  available: boolean;
  order: "relevance" | "added";
  trainedAt: Date | null;
}) {
  const { locale, t } = await getI18n();
  if (!available) {
    return <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">{t("ranking.notReady")}</p>;
  }
  const options = [
    { key: "relevance", href: base, label: t("ranking.orderRelevance") },
    { key: "added", href: `${base}?order=added`, label: t("ranking.orderAdded") },
  ] as const;
  return (
    <nav aria-label={t("ranking.orderLabel")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <ul className="inline-flex overflow-hidden rounded-md border border-stone-300 bg-white">
        {options.map((option) => (
          <li key={option.key}>
            <Link
              href={option.href}
              aria-current={order === option.key ? "page" : undefined}
              className={`block px-3 py-1.5 ${order === option.key ? "bg-teal-700 font-medium text-white" : "text-stone-700 hover:bg-stone-50"}`}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
      {trainedAt && (
        <span className="text-xs text-stone-500">
          {t("ranking.trainedAt", { when: formatDateTime(locale, trainedAt) })}
        </span>
      )}
    </nav>
  );
}

/** The record's relevance band and the terms that raised its score, so a screener can see why it came first. */
export async function ScoreExplanation({ score }: { score: { score: number; terms: string[] } | null }) {
  const { t } = await getI18n();
  if (!score) return <p className="text-xs text-stone-500">{t("ranking.unscored")}</p>;
  const band = scoreBand(score.score);
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <span className={`rounded-full px-2 py-0.5 font-medium ring-1 ${BAND_STYLE[band]}`}>
        {t("ranking.scoreLabel", { band: t(`ranking.band.${band}`), score: score.score.toFixed(2) })}
      </span>
      {score.terms.length > 0 && (
        <span className="text-stone-600">
          {t("ranking.termsLabel")}{" "}
          {score.terms.map((term, index) => (
            <span key={term}>
              {index > 0 && " · "}
              <mark className="rounded bg-teal-50 px-1 text-teal-900">{term}</mark>
            </span>
          ))}
        </span>
      )}
    </div>
  );
}
