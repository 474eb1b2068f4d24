"use client";
import { useActionState, useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

/** The review's highlight words, shared by everyone screening; editors change them in place. */
export function HighlightTermsForm({
  action,
  reviewId,
  terms,
  canEdit,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
  reviewId: string;
  terms: string[];
  canEdit: boolean;
}) {
  const { t, locale } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const [editing, setEditing] = useState(false);
  const id = useId();
  const list = terms.join(locale === "zh" ? "、" : ", ");
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-stone-500">
          {t("screening.highlights")}
        </h2>
        {canEdit && !editing && (
          <button type="button" className={buttonSecondary} onClick={() => setEditing(true)}>
            {t("screening.highlightsEdit")}
          </button>
        )}
      </div>
      {terms.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5 text-xs">
          {terms.map((term) => (
            <li key={term} className="rounded-full bg-amber-100 px-2 py-0.5 text-amber-950">
              {term}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-stone-500">{t("screening.highlightsNone")}</p>
      )}
      {editing && (
        <form action={formAction} className="space-y-2">
          <input type="hidden" name="reviewId" value={reviewId} />
          <label htmlFor={`${id}-terms`} className={labelClass}>
            {t("screening.highlightsLabel")}
          </label>
          <textarea
            id={`${id}-terms`}
            name="terms"
            rows={3}
            maxLength={2000}
            defaultValue={list}
            aria-describedby={`${id}-help`}
            className={inputClass}
          />
          <p id={`${id}-help`} className="text-xs text-stone-500">
            {t("screening.highlightsHelp")}
          </p>
          <div className="flex gap-2">
            <button type="submit" className={buttonSecondary} disabled={pending}>
              {t("screening.highlightsSave")}
            </button>
            <button type="button" className={buttonSecondary} onClick={() => setEditing(false)}>
              {t("screening.highlightsClose")}
            </button>
          </div>
        </form>
      )}
      <FormMessage
        error={state && !state.ok ? state.error : null}
        success={state?.ok ? t("screening.highlightsSaved") : null}
      />
    </section>
  );
}
