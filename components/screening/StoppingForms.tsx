"use client";
import { useActionState, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FieldError, FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

type Action = (p: ActionResult | null, f: FormData) => Promise<ActionResult>;

export function StoppingRuleForm({
  action,
  reviewId,
  rule,
  value,
}: {
  action: Action;
  reviewId: string;
  rule: "CONSECUTIVE_EXCLUSIONS" | "ESTIMATED_RECALL";
  value: number;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const [chosen, setChosen] = useState(rule);
  const valueError = state && !state.ok ? state.fields?.value : undefined;
  return (
    <form action={formAction} aria-label={t("ranking.ruleTitle")} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <fieldset className="space-y-1 text-sm">
        <legend className={labelClass}>{t("ranking.ruleKind")}</legend>
        {(["CONSECUTIVE_EXCLUSIONS", "ESTIMATED_RECALL"] as const).map((option) => (
          <label key={option} className="flex items-center gap-2">
            <input
              type="radio"
              name="rule"
              value={option}
              checked={chosen === option}
              onChange={() => setChosen(option)}
            />
            {option === "CONSECUTIVE_EXCLUSIONS" ? t("ranking.ruleConsecutive") : t("ranking.ruleRecall")}
          </label>
        ))}
      </fieldset>
      <div className="flex items-end gap-2">
        <div>
          <label htmlFor="stop-rule-value" className={labelClass}>
            {t("ranking.ruleValue")}
          </label>
          <input
            id="stop-rule-value"
            name="value"
            type="number"
            min={chosen === "ESTIMATED_RECALL" ? 50 : 1}
            max={chosen === "ESTIMATED_RECALL" ? 100 : 100000}
            defaultValue={value}
            aria-describedby={valueError ? "stop-rule-value-error" : undefined}
            className={`${inputClass} w-28`}
          />
        </div>
        <button type="submit" disabled={pending} className={buttonSecondary}>
          {t("ranking.saveRule")}
        </button>
      </div>
      <FieldError id="stop-rule-value-error" messages={valueError ? [t("ranking.valueInvalid")] : undefined} />
      <FormMessage
        error={state && !state.ok && !valueError ? state.error : null}
        success={state?.ok ? t("ranking.ruleSaved") : null}
      />
    </form>
  );
}

export function RecordStopForm({ action, reviewId }: { action: Action; reviewId: string }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label={t("ranking.recordStop")} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <label htmlFor="stop-note" className={labelClass}>
        {t("ranking.stopNote")}
      </label>
      <input id="stop-note" name="note" maxLength={1000} className={inputClass} />
      <button type="submit" disabled={pending} className={buttonPrimary}>
        {t("ranking.recordStop")}
      </button>
      <FormMessage
        error={state && !state.ok ? state.error : null}
        success={state?.ok ? t("ranking.stopRecorded") : null}
      />
    </form>
  );
}
