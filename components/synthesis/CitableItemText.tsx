"use client";
import { useI18n } from "@/components/i18n/I18nProvider";
import type { CitableOption } from "./editor/citation-trigger";

/**
 * How a paper to cite is named in the "@" popup and the citation dialog; an untitled one by its opening words.
 * A paper excluded at screening or not yet screened says so before it is cited.
 */
export function CitableItemText({ item }: { item: CitableOption }) {
  const { t } = useI18n();
  return (
    <>
      <span className="block truncate font-medium text-stone-900">
        {item.standing === "excluded" || item.standing === "unscreened" ? (
          <span
            className={`mr-1.5 rounded px-1.5 py-px text-[11px] font-semibold ${item.standing === "excluded" ? "bg-rose-100 text-rose-900" : "bg-amber-100 text-amber-950"}`}
          >
            {t(item.standing === "excluded" ? "screening.standingExcluded" : "screening.standingUnscreened")}
          </span>
        ) : null}
        {item.title || `${t("editing.untitled")} ${item.opening ?? ""}…`}
      </span>
      <span className="block truncate text-xs text-stone-500">
        {[item.authors, item.journal, item.year].filter(Boolean).join(" · ")}
      </span>
    </>
  );
}
