"use client";
import { useI18n } from "@/components/i18n/I18nProvider";
import { CitableItemText } from "./CitableItemText";
import type { CitableOption, TriggerState } from "./editor/citation-trigger";

/** The popup under an "@" query: papers to cite, chosen with the arrow keys and Enter or by clicking. */
export function CitationSuggestions({ state, active }: { state: NonNullable<TriggerState>; active: number }) {
  const { t } = useI18n();
  const rect = state.clientRect?.();
  if (!rect) return null;
  return (
    <div
      className="fixed z-50 w-96 max-w-[90vw] rounded-md border border-stone-200 bg-white shadow-lg"
      style={{ left: rect.left, top: rect.bottom + 6 }}
    >
      <ul role="listbox" aria-label={t("synthesis.suggestionsLabel")} className="max-h-72 overflow-y-auto py-1">
        {state.items.length === 0 && <li className="px-3 py-2 text-sm text-stone-500">{t("synthesis.citeNone")}</li>}
        {state.items.map((item: CitableOption, index: number) => (
          <li
            key={item.id}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              state.command(item);
            }}
            className={`cursor-pointer px-3 py-2 text-sm ${index === active ? "bg-teal-50" : "hover:bg-stone-50"}`}
          >
            <CitableItemText item={item} />
          </li>
        ))}
      </ul>
    </div>
  );
}
