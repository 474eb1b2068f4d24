"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import type { EditConflict } from "@/lib/items/commands";
import type { EditableField, ItemFields } from "@/lib/items/item-fields";
import { applyMerge, planMerge, type MergeChoice } from "@/lib/items/item-form-model";
import { FIELD_LABEL, formatFieldValue } from "./field-labels";

/**
 * Shown when a save was refused because someone else saved first: their values beside mine for every field
 * they changed, a choice per field, and a save of the merge against their version.
 */
export function ConflictMerge({
  conflict,
  base,
  mine,
  reviewId,
  itemId,
  formAction,
  pending,
  onDiscardMine,
}: {
  conflict: EditConflict;
  base: ItemFields;
  mine: ItemFields;
  reviewId: string;
  itemId: string;
  formAction: (form: FormData) => void;
  pending: boolean;
  onDiscardMine: () => void;
}) {
  const { t, locale } = useI18n();
  const panel = useRef<HTMLElement>(null);
  // The save button sits at the bottom of a long form; bring the reason it failed to the reader.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "start" });
    panel.current?.focus();
  }, []);
  const plan = useMemo(() => planMerge(base, mine, conflict.theirs), [base, mine, conflict.theirs]);
  const [choices, setChoices] = useState<Partial<Record<EditableField, MergeChoice>>>(() =>
    Object.fromEntries(plan.map((entry) => [entry.field, entry.proposed])),
  );
  const chosen = (field: EditableField) =>
    choices[field] ?? plan.find((entry) => entry.field === field)?.proposed ?? "mine";
  const merged = applyMerge(
    mine,
    conflict.theirs,
    Object.fromEntries(plan.map((entry) => [entry.field, chosen(entry.field)])),
  );
  const who = conflict.savedBy ?? t("editing.someoneElse");
  const time = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(conflict.savedAt));

  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby="conflict-heading"
      className="scroll-mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 shadow-sm focus:outline-none"
      role="region"
      aria-live="assertive"
    >
      <h2 id="conflict-heading" className="text-base font-semibold text-amber-950">
        {t("editing.conflictTitle", { who, time })}
      </h2>
      <p className="mt-1 text-sm text-amber-900">{t("editing.conflictHelp")}</p>
      <form action={formAction} className="mt-3">
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="version" value={conflict.version} />
        <input type="hidden" name="fields" value={JSON.stringify(merged)} />
        <div className="overflow-x-auto rounded-md border border-amber-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("editing.conflictTitle", { who, time })}</caption>
            <thead className="bg-stone-50 text-xs text-stone-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("editing.conflictField")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("editing.conflictTheirs")} · {who}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("editing.conflictMine")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("editing.conflictChoice")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 align-top">
              {plan.map((entry) => {
                const label = t(FIELD_LABEL[entry.field]);
                const choice = chosen(entry.field);
                return (
                  <tr key={entry.field}>
                    <th scope="row" className="px-3 py-2 font-medium text-stone-800">
                      {label}
                      <span
                        className={`mt-1 block text-xs font-normal ${entry.conflicting ? "text-red-700" : "text-stone-500"}`}
                      >
                        {entry.conflicting ? t("editing.bothChanged") : t("editing.onlyTheyChanged")}
                      </span>
                    </th>
                    <td
                      className={`whitespace-pre-line break-words px-3 py-2 ${choice === "theirs" ? "bg-teal-50" : "text-stone-500"}`}
                    >
                      {formatFieldValue(entry.field, entry.theirs, t)}
                    </td>
                    <td
                      className={`whitespace-pre-line break-words px-3 py-2 ${choice === "mine" ? "bg-teal-50" : "text-stone-500"}`}
                    >
                      {formatFieldValue(entry.field, entry.mine, t)}
                    </td>
                    <td className="px-3 py-2">
                      <fieldset>
                        <legend className="sr-only">{t("editing.chooseFor", { field: label })}</legend>
                        {(["theirs", "mine"] as const).map((option) => (
                          <label key={option} className="flex items-center gap-2 whitespace-nowrap py-0.5">
                            <input
                              type="radio"
                              name={`choice-${entry.field}`}
                              value={option}
                              checked={choice === option}
                              onChange={() => setChoices((current) => ({ ...current, [entry.field]: option }))}
                              className="h-4 w-4 text-teal-700"
                            />
                            {option === "theirs" ? t("editing.useTheirs") : t("editing.keepMine")}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="mt-3 flex flex-wrap justify-end gap-2">
          <button type="button" className={buttonSecondary} onClick={onDiscardMine}>
            {t("editing.discardMine")}
          </button>
          <button type="submit" className={buttonPrimary} disabled={pending}>
            {pending ? t("editing.saving") : t("editing.saveMerged")}
          </button>
        </div>
      </form>
    </section>
  );
}
