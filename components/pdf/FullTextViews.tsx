"use client";
import { useState, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { OpenPdfPage } from "./open-pdf-page";
import { PdfReader } from "./PdfReader";

type PdfReaderProps = Omit<Parameters<typeof PdfReader>[0], "initialPage" | "goTo">;

/**
 * The full text read as text or on the pages of its PDF. The PDF is opened the first time its tab is chosen and
 * then kept, so switching back and forth is instant; the text view is always there for the reader's place.
 */
export function FullTextViews({
  textView,
  pdf,
  initialView,
  initialPage,
}: {
  textView: ReactNode;
  pdf: PdfReaderProps;
  initialView: "text" | "pdf";
  initialPage?: number;
}) {
  const { t } = useI18n();
  const [view, setView] = useState(initialView);
  const [opened, setOpened] = useState<{ page?: number; at: number } | null>(
    initialView === "pdf" ? { page: initialPage, at: 0 } : null,
  );
  const openPdfAt = (page?: number) => {
    setView("pdf");
    setOpened({ page, at: Date.now() });
  };
  const tab = (name: "text" | "pdf", label: string) => (
    <button
      type="button"
      role="tab"
      id={`fulltext-tab-${name}`}
      aria-selected={view === name}
      aria-controls={`fulltext-panel-${name}`}
      onClick={() => (name === "pdf" ? openPdfAt(undefined) : setView("text"))}
      className={`rounded-md px-3 py-1 text-sm font-medium ${view === name ? "bg-white text-teal-800 shadow-sm" : "text-stone-600 hover:text-stone-900"}`}
    >
      {label}
    </button>
  );
  return (
    <OpenPdfPage.Provider value={openPdfAt}>
      <div
        role="tablist"
        aria-label={t("pdfView.views")}
        className="mb-3 inline-flex gap-1 rounded-lg bg-stone-100 p-1"
      >
        {tab("text", t("pdfView.textView"))}
        {tab("pdf", t("pdfView.pdfView"))}
      </div>
      <div id="fulltext-panel-text" role="tabpanel" aria-labelledby="fulltext-tab-text" hidden={view !== "text"}>
        {textView}
      </div>
      {opened && (
        <div id="fulltext-panel-pdf" role="tabpanel" aria-labelledby="fulltext-tab-pdf" hidden={view !== "pdf"}>
          <PdfReader
            {...pdf}
            initialPage={initialPage}
            goTo={opened.page ? { page: opened.page, at: opened.at } : null}
          />
        </div>
      )}
    </OpenPdfPage.Provider>
  );
}
