"use client";
import { useActionState, useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

/**
 * The owner's ruling on a conflict. It starts with no decision, so one careless click cannot include a paper; the
 * exclusion reason starts from the one the voters agree on, when they do.
 */
export function ConflictRuling({
  action,
  reviewId,
  itemId,
  title,
  reasons,
  agreedReasonId,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
  reviewId: string;
  itemId: string;
  title: string;
  reasons: { id: string; label: string }[];
  agreedReasonId: string | null;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const [choice, setChoice] = useState<"INCLUDE" | "EXCLUDE" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const agreed = reasons.find((reason) => reason.id === agreedReasonId);
  return (
    <form
      action={formAction}
      aria-label={t("screening.rulingFor", { title })}
      className="space-y-2"
      onSubmit={(event) => {
        if (!choice) {
          event.preventDefault();
          setProblem(t("screening.rulingChoose"));
        } else setProblem(null);
      }}
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <fieldset className="flex flex-wrap gap-4 text-sm" aria-describedby={problem ? `${id}-problem` : undefined}>
        <legend className="mb-1 font-medium text-stone-700">{t("screening.ruling")}</legend>
        {(["INCLUDE", "EXCLUDE"] as const).map((option) => (
          <label key={option} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="choice"
              value={option}
              checked={choice === option}
              onChange={() => {
                setChoice(option);
                setProblem(null);
              }}
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
            defaultValue={agreed?.id ?? ""}
            aria-describedby={agreed ? `${id}-agreed` : undefined}
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
          {agreed && (
            <p id={`${id}-agreed`} className="mt-1 text-xs text-stone-500">
              {t("screening.rulingPrefilled", { reason: agreed.label })}
            </p>
          )}
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
      <div id={`${id}-problem`}>
        <FormMessage
          error={problem ?? (state && !state.ok ? state.error : null)}
          success={state?.ok ? t("screening.resolved") : null}
        />
      </div>
    </form>
  );
}
