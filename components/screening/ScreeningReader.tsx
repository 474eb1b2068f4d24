"use client";
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { PdfReader } from "@/components/pdf/PdfReader";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionResult } from "@/lib/errors/action-result";
import { pdfReadUrl } from "@/lib/pdf-pages/assets";
import { countHighlights } from "@/lib/screening/highlight";
import { HighlightedText } from "./HighlightedText";
import { KeywordLegend } from "./KeywordLegend";

/** What the side panel reads: the item's full text and, when it has one, its extracted PDF. */
export interface ItemReading {
  fullText: string | null;
  pdf: { fileId: string; fileName: string; extractedText: string; pageStarts: number[] } | null;
}

/**
 * The screening desk's side panel: the paper's full text (or its PDF) beside the card, with the review's highlight
 * words marked, so a paper without an abstract is judged from what it says. Loaded as soon as the card shows.
 */
export function ScreeningReader({
  reviewId,
  itemId,
  terms,
  load,
}: {
  reviewId: string;
  itemId: string;
  terms: string[];
  load: (reviewId: string, itemId: string) => Promise<ActionResult<ItemReading>>;
}) {
  const { t } = useI18n();
  const [reading, setReading] = useState<{ itemId: string; result: ActionResult<ItemReading> } | null>(null);
  const [view, setView] = useState<"text" | "pdf">("text");
  const current = reading?.itemId === itemId ? reading.result : null;

  useEffect(() => {
    let cancelled = false;
    void load(reviewId, itemId).then((result) => {
      if (!cancelled) setReading({ itemId, result });
    });
    return () => {
      cancelled = true;
    };
  }, [reviewId, itemId, load]);

  const [marked, setMarked] = useState(true);
  const text = current?.ok ? (current.data.fullText ?? current.data.pdf?.extractedText ?? null) : null;
  const pdf = current?.ok ? current.data.pdf : null;
  const showingPdf = view === "pdf" && pdf !== null;
  // Counted in what is on screen: the text, or the PDF's extracted text (the words marked on its pages).
  const counted = showingPdf ? pdf.extractedText : text;
  const counts = useMemo(
    () => (counted ? countHighlights(counted, terms) : new Map<string, number>()),
    [counted, terms],
  );

  return (
    <section className="flex min-h-0 min-w-0 flex-col rounded-lg border border-stone-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center gap-2 border-b border-stone-200 px-4 py-2">
        <h2 className="text-sm font-semibold text-stone-700">{t("screening.fullTextPanel")}</h2>
        {text && pdf && (
          <div
            role="group"
            aria-label={t("pdfView.views")}
            className="ml-auto inline-flex gap-1 rounded-lg bg-stone-100 p-1"
          >
            {(["text", "pdf"] as const).map((name) => (
              <button
                key={name}
                type="button"
                aria-pressed={view === name}
                onClick={() => setView(name)}
                className={`rounded-md px-3 py-1 text-sm font-medium ${view === name ? "bg-white text-teal-800 shadow-sm" : "text-stone-600"}`}
              >
                {name === "text" ? t("pdfView.textView") : t("pdfView.pdfView")}
              </button>
            ))}
          </div>
        )}
      </div>
      {counted && (
        <KeywordLegend
          terms={terms}
          counts={counts}
          shown={marked}
          onShownChange={setMarked}
          className="border-b border-stone-100 px-4 py-2"
        />
      )}
      <div
        tabIndex={0}
        role="region"
        aria-label={t("screening.fullTextPanel")}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
      >
        {!current ? (
          <p className="text-sm text-stone-600">{t("pdfView.loading")}</p>
        ) : !current.ok ? (
          <FormMessage error={current.error} />
        ) : !text && !pdf ? (
          <p className="text-sm text-stone-600">{t("screening.noFullText")}</p>
        ) : showingPdf ? (
          <PdfReader
            reviewId={reviewId}
            itemId={itemId}
            fileUrl={pdfReadUrl(reviewId, pdf.fileId)}
            fileName={pdf.fileName}
            extractedText={pdf.extractedText}
            pageStarts={pdf.pageStarts}
            fullText={text ?? pdf.extractedText}
            codings={[]}
            themes={[]}
            canCode={false}
            keywords={terms}
            keywordsShown={marked}
            heightClass="h-[70vh]"
          />
        ) : (
          <div className="prose-cjk font-serif text-[0.95rem] leading-relaxed text-stone-800">
            <HighlightedText text={text ?? ""} terms={marked ? terms : NO_TERMS} lang="zh-CN" />
          </div>
        )}
      </div>
    </section>
  );
}

const NO_TERMS: string[] = [];
