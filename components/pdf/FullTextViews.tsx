"use client";
import { Tabs } from "radix-ui";
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
    <Tabs.Trigger
      value={name}
      className="rounded-md px-3 py-1 text-sm font-medium text-stone-600 hover:text-stone-900 data-[state=active]:bg-white data-[state=active]:text-teal-800 data-[state=active]:shadow-sm"
    >
      {label}
    </Tabs.Trigger>
  );
  // Both panels stay mounted once opened (forceMount, hidden when inactive): the reader's place in the text and
  // the PDF's loaded pages survive switching back and forth.
  return (
    <OpenPdfPage.Provider value={openPdfAt}>
      <Tabs.Root value={view} onValueChange={(next) => (next === "pdf" ? openPdfAt(undefined) : setView("text"))}>
        <Tabs.List aria-label={t("pdfView.views")} className="mb-3 inline-flex gap-1 rounded-lg bg-stone-100 p-1">
          {tab("text", t("pdfView.textView"))}
          {tab("pdf", t("pdfView.pdfView"))}
        </Tabs.List>
        <Tabs.Content value="text" forceMount hidden={view !== "text"} className="focus:outline-none">
          {textView}
        </Tabs.Content>
        {opened && (
          <Tabs.Content value="pdf" forceMount hidden={view !== "pdf"} className="focus:outline-none">
            <PdfReader
              {...pdf}
              initialPage={initialPage}
              goTo={opened.page ? { page: opened.page, at: opened.at } : null}
            />
          </Tabs.Content>
        )}
      </Tabs.Root>
    </OpenPdfPage.Provider>
  );
}
