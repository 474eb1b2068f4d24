"use client";
import Link from "next/link";
import { useI18n } from "@/components/i18n/I18nProvider";
import { buttonSecondary } from "@/components/ui/styles";

export interface ThemePassages {
  theme: { id: string; name: string; color: string };
  papers: {
    item: { id: string; title: string; citation: string };
    /** locator: the page a passage of a PDF is on, cited with the quote. */
    passages: { id: string; quote: string; memo: string | null; locator: string | null }[];
  }[];
}

/** The section's theme and its coded passages, each one click away from becoming a cited quote. */
export function PassagePanel({
  reviewId,
  passages,
  quoted,
  canInsert,
  onInsert,
}: {
  reviewId: string;
  passages: ThemePassages | null;
  quoted: Set<string>;
  canInsert: boolean;
  onInsert: (passage: {
    codingId: string;
    itemId: string;
    quote: string;
    title: string;
    locator: string | null;
  }) => void;
}) {
  const { t } = useI18n();
  if (!passages) return <p className="text-sm text-stone-600">{t("synthesis.noThemeLinked")}</p>;
  return (
    <div className="space-y-4">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-stone-900">
        <span aria-hidden className="h-3 w-3 rounded-full" style={{ backgroundColor: passages.theme.color }} />
        {t("synthesis.passagesOf", { theme: passages.theme.name })}
      </h2>
      {passages.papers.length === 0 && <p className="text-sm text-stone-600">{t("synthesis.noPassages")}</p>}
      {passages.papers.map((paper) => (
        <section key={paper.item.id} aria-label={paper.item.title} className="space-y-2">
          <h3 className="text-xs font-semibold text-stone-700">
            <Link href={`/reviews/${reviewId}/items/${paper.item.id}`} className="line-clamp-2 hover:underline">
              {paper.item.title}
            </Link>
            <span className="font-normal text-stone-500">{paper.item.citation}</span>
          </h3>
          <ul className="space-y-2">
            {paper.passages.map((passage) => (
              <li key={passage.id} className="rounded-md border border-stone-200 bg-white p-2.5">
                <blockquote
                  lang="zh-CN"
                  className="line-clamp-6 border-l-2 pl-2 text-sm leading-relaxed text-stone-800"
                  style={{ borderColor: passages.theme.color }}
                >
                  {passage.quote}
                </blockquote>
                {passage.memo && <p className="mt-1 text-xs text-stone-500">✎ {passage.memo}</p>}
                {passage.locator && (
                  <p className="mt-1 text-xs text-stone-600">{t("pdfView.locator", { page: passage.locator })}</p>
                )}
                <div className="mt-2 flex flex-wrap items-center gap-2">
                  {canInsert && (
                    <button
                      type="button"
                      className={`${buttonSecondary} px-2 py-1 text-xs`}
                      aria-label={t("synthesis.insertQuoteOf", { quote: passage.quote.slice(0, 40) })}
                      onClick={() =>
                        onInsert({
                          codingId: passage.id,
                          itemId: paper.item.id,
                          quote: passage.quote,
                          title: paper.item.title,
                          locator: passage.locator,
                        })
                      }
                    >
                      {t("synthesis.insertQuote")}
                    </button>
                  )}
                  {quoted.has(passage.id) && (
                    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800">
                      {t("synthesis.used")}
                    </span>
                  )}
                  <Link
                    href={`/reviews/${reviewId}/items/${paper.item.id}#passage-${passage.id}`}
                    className="text-xs text-teal-700 hover:underline"
                  >
                    {t("synthesis.openPassage")}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
