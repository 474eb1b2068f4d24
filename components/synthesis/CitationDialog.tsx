"use client";
import { useEffect, useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { Modal } from "@/components/ui/Modal";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import { CitableItemText } from "./CitableItemText";
import type { CitableOption } from "./editor/citation-trigger";

/** The toolbar's way to cite: search, pick a paper, optionally give a page, insert. */
export function CitationDialog({
  open,
  search,
  onInsert,
  onClose,
}: {
  open: boolean;
  search: (query: string, includeExcluded?: boolean) => Promise<CitableOption[]>;
  onInsert: (item: CitableOption, locator: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<CitableOption[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [locator, setLocator] = useState("");
  // Excluded papers stay out of the list unless the writer asks for them; they then come marked.
  const [showExcluded, setShowExcluded] = useState(false);
  const ids = { search: useId(), locator: useId(), excluded: useId() };

  // Each opening starts afresh.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setQuery("");
      setLocator("");
      setChosen(null);
    }
  }

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void search(query, showExcluded).then((found) => {
        if (cancelled) return;
        setResults(found);
        setChosen((current) => (found.some((item) => item.id === current) ? current : (found[0]?.id ?? null)));
      });
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [open, query, search, showExcluded]);

  const chosenItem = results.find((item) => item.id === chosen);
  return (
    <Modal
      open={open}
      onOpenChange={(next) => !next && onClose()}
      title={t("synthesis.citeDialog")}
      className="max-w-lg"
    >
      <form
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (chosenItem) onInsert(chosenItem, locator.trim() || null);
        }}
      >
        <div>
          <label htmlFor={ids.search} className={labelClass}>
            {t("synthesis.citeSearch")}
          </label>
          <input
            id={ids.search}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            className={`${inputClass} mt-1`}
          />
        </div>
        <label htmlFor={ids.excluded} className="flex items-center gap-2 text-sm text-stone-700">
          <input
            id={ids.excluded}
            type="checkbox"
            checked={showExcluded}
            onChange={(event) => setShowExcluded(event.target.checked)}
          />
          {t("screening.showExcludedPapers")}
        </label>
        <fieldset>
          <legend className={labelClass}>{t("synthesis.citeResults")}</legend>
          <ul className="mt-1 max-h-64 space-y-1 overflow-y-auto overflow-x-hidden">
            {results.length === 0 && <li className="text-sm text-stone-500">{t("synthesis.citeNone")}</li>}
            {results.map((item) => (
              <li key={item.id}>
                <label
                  className={`flex cursor-pointer gap-2 overflow-hidden rounded-md border px-2 py-1.5 text-sm ${chosen === item.id ? "border-teal-600 bg-teal-50" : "border-stone-200"}`}
                >
                  <input
                    type="radio"
                    name="citable"
                    value={item.id}
                    checked={chosen === item.id}
                    onChange={() => setChosen(item.id)}
                    className="mt-1"
                  />
                  <span className="min-w-0 flex-1">
                    <CitableItemText item={item} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div>
          <label htmlFor={ids.locator} className={labelClass}>
            {t("synthesis.locator")}
          </label>
          <input
            id={ids.locator}
            value={locator}
            maxLength={100}
            onChange={(event) => setLocator(event.target.value)}
            className={`${inputClass} mt-1 w-40`}
          />
        </div>
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonSecondary} onClick={onClose}>
            {t("synthesis.cancel")}
          </button>
          <button type="submit" className={buttonPrimary} disabled={!chosenItem}>
            {t("synthesis.insert")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
