"use client";
import Link from "next/link";
import { useI18n } from "@/components/i18n/I18nProvider";
import { needLabelKey, type CitationNeed } from "@/lib/bibliography/item-types";

export interface BibliographyListEntry {
  itemId: string;
  text: string;
  missing: CitationNeed[];
  /** Where the cited paper stands in screening (absent where screening does not matter). */
  standing?: "excluded" | "unscreened" | "screened";
}

/**
 * The rendered references of a synthesis. An entry whose type needs something the item lacks says what, and
 * links to the item's edit form, so `党建引领…[J].` never passes as a finished reference.
 */
export function BibliographyList({
  reviewId,
  entries,
  canEdit,
  label,
}: {
  reviewId: string;
  entries: BibliographyListEntry[];
  canEdit: boolean;
  label: string;
}) {
  const { t, locale } = useI18n();
  const incomplete = entries.filter((entry) => entry.missing.length > 0).length;
  const doubtful = entries.filter((entry) => entry.standing === "excluded" || entry.standing === "unscreened").length;
  return (
    <>
      {incomplete > 0 && (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-950">
          <span className="font-medium">{t("itemTypes.incompleteCount", { n: incomplete })}</span>{" "}
          {t("itemTypes.incompleteHelp")}
        </p>
      )}
      {doubtful > 0 && (
        <p role="note" className="mt-2 rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-xs text-rose-950">
          {t("screening.citedDoubtful", { n: doubtful })}
        </p>
      )}
      <ol aria-label={label} className="mt-2 space-y-1.5 text-sm leading-relaxed text-stone-800">
        {entries.map((entry) => (
          <li
            key={entry.itemId}
            className={entry.missing.length > 0 ? "rounded border-l-4 border-amber-400 bg-amber-50/60 pl-2" : undefined}
          >
            {entry.text}
            {(entry.standing === "excluded" || entry.standing === "unscreened") && (
              <span
                className={`mt-0.5 block text-xs font-medium ${entry.standing === "excluded" ? "text-rose-800" : "text-amber-900"}`}
              >
                ⚠ {t(entry.standing === "excluded" ? "screening.citedExcluded" : "screening.citedUnscreened")}{" "}
                <Link
                  href={`/reviews/${reviewId}/screening?item=${entry.itemId}`}
                  className="font-medium text-teal-800 underline"
                  aria-label={t("screening.citedOpen", { title: entry.text.slice(0, 60) })}
                >
                  {t("screening.openDesk")}
                </Link>
              </span>
            )}
            {entry.missing.length > 0 && (
              <span className="mt-0.5 block text-xs text-amber-900">
                {t("itemTypes.incomplete", {
                  fields: entry.missing.map((need) => t(needLabelKey(need))).join(locale === "zh" ? "、" : ", "),
                })}
                {canEdit && (
                  <>
                    {" "}
                    <Link
                      href={`/reviews/${reviewId}/items/${entry.itemId}/edit`}
                      className="font-medium text-teal-800 underline"
                      aria-label={t("itemTypes.fixLabel", { title: entry.text.slice(0, 60) })}
                    >
                      {t("itemTypes.fix")}
                    </Link>
                  </>
                )}
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
