"use client";
import { useEffect, useId } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { CitableItemText } from "./CitableItemText";
import type { CitableOption, TriggerState } from "./editor/citation-trigger";

/**
 * While the popup is open the editor is a combobox's input (ARIA 1.2 pattern): keyboard focus stays in the text,
 * and a screen reader follows the option the arrow keys point at through aria-activedescendant.
 */
function useEditorAsCombobox(editorElement: HTMLElement | null, listboxId: string, activeOptionId: string | null) {
  useEffect(() => {
    if (!editorElement) return;
    const attributes: Record<string, string | null> = {
      "aria-expanded": "true",
      "aria-autocomplete": "list",
      "aria-haspopup": "listbox",
      "aria-controls": listboxId,
      "aria-activedescendant": activeOptionId,
    };
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null) editorElement.removeAttribute(name);
      else editorElement.setAttribute(name, value);
    }
    return () => {
      for (const name of Object.keys(attributes)) editorElement.removeAttribute(name);
    };
  }, [editorElement, listboxId, activeOptionId]);
}

/** The popup under an "@" query: papers to cite, chosen with the arrow keys and Enter or by clicking. */
export function CitationSuggestions({
  state,
  active,
  editorElement,
}: {
  state: NonNullable<TriggerState>;
  active: number;
  /** The editor's editable element, which keeps the focus while the popup is open. */
  editorElement: HTMLElement | null;
}) {
  const { t } = useI18n();
  const listboxId = useId();
  const optionId = (index: number) => `${listboxId}-option-${index}`;
  useEditorAsCombobox(editorElement, listboxId, state.items.length > 0 ? optionId(active) : null);
  const rect = state.clientRect?.();
  if (!rect) return null;
  return (
    <div
      className="fixed z-50 w-96 max-w-[90vw] rounded-md border border-stone-200 bg-white shadow-lg"
      style={{ left: rect.left, top: rect.bottom + 6 }}
    >
      <ul
        id={listboxId}
        role="listbox"
        aria-label={t("synthesis.suggestionsLabel")}
        className="max-h-72 overflow-y-auto py-1"
      >
        {state.items.length === 0 && <li className="px-3 py-2 text-sm text-stone-500">{t("synthesis.citeNone")}</li>}
        {state.items.map((item: CitableOption, index: number) => (
          <li
            key={item.id}
            id={optionId(index)}
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
