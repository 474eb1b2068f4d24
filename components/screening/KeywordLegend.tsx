"use client";
import { useI18n } from "@/components/i18n/I18nProvider";

/**
 * The review's highlight words with how often each occurs in the text being read, and a switch that hides their
 * marks: the same legend over the full text and over the PDF's pages, in screening and on the item's page.
 */
export function KeywordLegend({
  terms,
  counts,
  shown,
  onShownChange,
  className = "",
}: {
  terms: readonly string[];
  counts: ReadonlyMap<string, number>;
  shown: boolean;
  onShownChange: (shown: boolean) => void;
  className?: string;
}) {
  const { t } = useI18n();
  if (terms.length === 0) return null;
  return (
    <div className={`flex flex-wrap items-center gap-1.5 text-xs ${className}`}>
      <button
        type="button"
        aria-pressed={shown}
        onClick={() => onShownChange(!shown)}
        className={`rounded-md border px-2 py-0.5 font-medium ${shown ? "border-amber-300 bg-amber-50 text-amber-950" : "border-stone-300 bg-white text-stone-600"}`}
      >
        <span aria-hidden className="mr-1">
          {shown ? "●" : "○"}
        </span>
        {t("screening.showHighlights")}
      </button>
      <ul aria-label={t("screening.highlightCounts")} className="flex flex-wrap gap-1.5">
        {terms.map((term) => (
          <li
            key={term}
            className={`rounded-full px-2 py-0.5 ${shown && counts.get(term) ? "bg-amber-100 text-amber-950" : "bg-stone-100 text-stone-600"}`}
          >
            {t("screening.termCount", { term, n: counts.get(term) ?? 0 })}
          </li>
        ))}
      </ul>
    </div>
  );
}
