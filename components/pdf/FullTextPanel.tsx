"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import { pdfReadUrl } from "@/lib/pdf-pages/assets";
import { PdfReader } from "./PdfReader";

export interface ItemReading {
  fullText: string | null;
  pdf: { fileId: string; fileName: string; extractedText: string; pageStarts: number[] } | null;
}

/**
 * A side panel beside a card (screening) that reads the item's full text or its PDF without leaving the card.
 * The text is fetched when the panel is first opened, so a card costs nothing until then.
 */
export function FullTextPanel({
  reviewId,
  itemId,
  load,
}: {
  reviewId: string;
  itemId: string;
  load: (reviewId: string, itemId: string) => Promise<ActionResult<ItemReading>>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reading, setReading] = useState<{ itemId: string; result: ActionResult<ItemReading> } | null>(null);
  const [view, setView] = useState<"text" | "pdf">("text");
  const closeButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const current = reading?.itemId === itemId ? reading.result : null;

  useEffect(() => {
    if (!open || reading?.itemId === itemId) return;
    let cancelled = false;
    void load(reviewId, itemId).then((result) => {
      if (cancelled) return;
      setReading({ itemId, result });
      if (result.ok) setView(result.data.pdf ? "pdf" : "text");
    });
    return () => {
      cancelled = true;
    };
  }, [open, reading, itemId, reviewId, load]);

  const close = useCallback(() => {
    setOpen(false);
    opener.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, close]);

  return (
    <>
      <button ref={opener} type="button" className={buttonSecondary} onClick={() => setOpen(true)} aria-expanded={open}>
        {t("pdfView.openFullText")}
      </button>
      {open && (
        <aside
          role="dialog"
          aria-modal="false"
          aria-label={t("pdfView.sidePanel")}
          className="fixed inset-y-0 right-0 z-40 flex w-[min(56rem,100vw)] flex-col border-l border-stone-200 bg-white shadow-2xl"
        >
          <div className="flex items-center gap-2 border-b border-stone-200 px-4 py-2">
            {current?.ok && current.data.pdf && current.data.fullText && (
              <div
                role="tablist"
                aria-label={t("pdfView.views")}
                className="inline-flex gap-1 rounded-lg bg-stone-100 p-1"
              >
                {(["text", "pdf"] as const).map((name) => (
                  <button
                    key={name}
                    type="button"
                    role="tab"
                    aria-selected={view === name}
                    onClick={() => setView(name)}
                    className={`rounded-md px-3 py-1 text-sm font-medium ${view === name ? "bg-white text-teal-800 shadow-sm" : "text-stone-600"}`}
                  >
                    {name === "text" ? t("pdfView.textView") : t("pdfView.pdfView")}
                  </button>
                ))}
              </div>
            )}
            <button ref={closeButton} type="button" className={`${buttonSecondary} ml-auto`} onClick={close}>
              {t("pdfView.closePanel")}
            </button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto p-4">
            {!current ? (
              <p className="text-sm text-stone-600">{t("pdfView.loading")}</p>
            ) : !current.ok ? (
              <FormMessage error={current.error} />
            ) : !current.data.fullText && !current.data.pdf ? (
              <p className="text-sm text-stone-600">{t("pdfView.noFullText")}</p>
            ) : view === "pdf" && current.data.pdf ? (
              <PdfReader
                reviewId={reviewId}
                itemId={itemId}
                fileUrl={pdfReadUrl(reviewId, current.data.pdf.fileId)}
                fileName={current.data.pdf.fileName}
                extractedText={current.data.pdf.extractedText}
                pageStarts={current.data.pdf.pageStarts}
                fullText={current.data.fullText ?? current.data.pdf.extractedText}
                codings={[]}
                themes={[]}
                canCode={false}
                heightClass="h-[calc(100vh-8.5rem)]"
              />
            ) : (
              <div lang="zh-CN" className="prose-cjk mx-auto max-w-[42em] font-serif text-stone-800">
                {(current.data.fullText ?? "")
                  .split("\n")
                  .map((paragraph, index) => (paragraph.trim() ? <p key={index}>{paragraph}</p> : null))}
              </div>
            )}
          </div>
        </aside>
      )}
    </>
  );
}
