"use client";
// The form that codes a selected passage: the quote, the themes, a memo. The text view and the PDF view show the
// same form, so a coding made on the page and one made in the text are made the same way.
import { useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import { ThemeChecklist, type ThemeOption } from "./ThemeChecklist";

export function CodeSelectionForm({
  formAction,
  state,
  pending,
  reviewId,
  itemId,
  field,
  selection,
  lang,
  themes,
  memoId,
  onCancel,
}: {
  formAction: (form: FormData) => void;
  state: ActionResult<unknown> | null;
  pending: boolean;
  reviewId: string;
  itemId: string;
  field: string;
  selection: { start: number; end: number; quote: string };
  lang: string;
  themes: ThemeOption[];
  memoId: string;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [missingTheme, setMissingTheme] = useState(false);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const chosen = event.currentTarget.querySelector("input[name=themeIds]:checked");
        setMissingTheme(!chosen);
        if (!chosen) event.preventDefault();
      }}
      className="space-y-3 rounded-md border border-teal-200 bg-teal-50/60 p-3"
      aria-label={t("coding.codeSelection")}
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="field" value={field} />
      <input type="hidden" name="start" value={selection.start} />
      <input type="hidden" name="end" value={selection.end} />
      <input type="hidden" name="quote" value={selection.quote} />
      <blockquote className="border-l-4 border-teal-600 pl-3 text-sm text-stone-700" lang={lang}>
        {selection.quote.length > 300 ? `${selection.quote.slice(0, 300)}…` : selection.quote}
      </blockquote>
      <ThemeChecklist themes={themes} legend={t("coding.chooseThemes")} name="themeIds" />
      <div>
        <label htmlFor={memoId} className={labelClass}>
          {t("coding.memo")}
        </label>
        <textarea id={memoId} name="memo" rows={2} className={`mt-1 ${inputClass}`} />
      </div>
      {missingTheme && <FormMessage error={t("coding.noThemeChosen")} />}
      {state && !state.ok && !missingTheme && <FormMessage error={state.error} />}
      <div className="flex gap-2">
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {pending ? t("coding.savingCoding") : t("coding.saveCoding")}
        </button>
        <button type="button" className={buttonSecondary} onClick={onCancel}>
          {t("coding.cancel")}
        </button>
      </div>
    </form>
  );
}
