"use client";
import { useI18n } from "@/components/i18n/I18nProvider";
import type { CitableOption } from "./editor/citation-trigger";

/** How a paper to cite is named in the "@" popup and the citation dialog; an untitled one by its opening words. */
export function CitableItemText({ item }: { item: CitableOption }) {
  const { t } = useI18n();
  return (
    <>
      <span className="block truncate font-medium text-stone-900">
        {item.title || `${t("editing.untitled")} ${item.opening ?? ""}…`}
      </span>
      <span className="block truncate text-xs text-stone-500">
        {[item.authors, item.journal, item.year].filter(Boolean).join(" · ")}
      </span>
    </>
  );
}
