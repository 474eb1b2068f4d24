"use client";
import { useActionState, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

export function ConflictRuling({
  action,
  reviewId,
  itemId,
  title,
  reasons,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
  reviewId: string;
  itemId: string;
  title: string;
  reasons: { id: string; label: string }[];
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const [choice, setChoice] = useState<"INCLUDE" | "EXCLUDE">("INCLUDE");
  return (
    <form action={formAction} aria-label={t("screening.rulingFor", { title })} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t("screening.ruling")}</legend>
        {(["INCLUDE", "EXCLUDE"] as const).map((option) => (
          <label key={option} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="choice"
              value={option}
              checked={choice === option}
              onChange={() => setChoice(option)}
            />
            {t(`screening.choices.${option}`)}
          </label>
        ))}
      </fieldset>
      {choice === "EXCLUDE" && (
        <div>
          <label htmlFor={`ruling-reason-${itemId}`} className={labelClass}>
            {t("screening.reason")}
          </label>
          <select
            id={`ruling-reason-${itemId}`}
            name="reasonId"
            required
            defaultValue=""
            className={`mt-1 ${inputClass}`}
          >
            <option value="" disabled>
              {t("screening.chooseReason")}
            </option>
            {reasons.map((reason) => (
              <option key={reason.id} value={reason.id}>
                {reason.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor={`ruling-note-${itemId}`} className={labelClass}>
          {t("screening.resolveNote")}
        </label>
        <input id={`ruling-note-${itemId}`} name="note" maxLength={1000} className={`mt-1 ${inputClass}`} />
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {t("screening.resolve")}
      </button>
      <FormMessage
        error={state && !state.ok ? state.error : null}
        success={state?.ok ? t("screening.resolved") : null}
      />
    </form>
  );
}
