"use client";
import { useActionState, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

export interface StageOption {
  id: string;
  name: string;
  excluded: boolean;
}

export interface ReasonOption {
  id: string;
  label: string;
}

export function StageForm({
  action,
  reviewId,
  itemId,
  currentStageId,
  currentReasonId,
  stages,
  reasons,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
  reviewId: string;
  itemId: string;
  currentStageId: string;
  currentReasonId: string | null;
  stages: StageOption[];
  reasons: ReasonOption[];
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const [stageId, setStageId] = useState(currentStageId);
  const chosen = stages.find((stage) => stage.id === stageId);
  return (
    <form action={formAction} className="space-y-2" key={`${currentStageId}-${currentReasonId}`}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <div>
        <label htmlFor="stageId" className={labelClass}>
          {t("item.changeStage")}
        </label>
        <select
          id="stageId"
          name="stageId"
          value={stageId}
          onChange={(event) => setStageId(event.target.value)}
          className={`mt-1 ${inputClass}`}
        >
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </select>
      </div>
      {chosen?.excluded && (
        <div>
          <label htmlFor="exclusionReasonId" className={labelClass}>
            {t("workflow.exclusionReason")}
          </label>
          <select
            id="exclusionReasonId"
            name="exclusionReasonId"
            defaultValue={currentReasonId ?? ""}
            required
            aria-describedby="reason-hint"
            className={`mt-1 ${inputClass}`}
          >
            <option value="" disabled>
              {t("workflow.chooseReason")}
            </option>
            {reasons.map((reason) => (
              <option key={reason.id} value={reason.id}>
                {reason.label}
              </option>
            ))}
          </select>
          <p id="reason-hint" className="mt-1 text-xs text-stone-500">
            {t("workflow.reasonRequiredHint", { stage: chosen.name })}
          </p>
        </div>
      )}
      <div>
        <label htmlFor="stage-note" className={labelClass}>
          {t("item.stageNote")}
        </label>
        <input id="stage-note" name="note" maxLength={500} className={`mt-1 ${inputClass}`} />
      </div>
      <button type="submit" className={buttonSecondary} disabled={pending}>
        {pending ? t("item.saving") : t("item.saveStage")}
      </button>
      <FormMessage error={state && !state.ok ? state.error : null} success={state?.ok ? t("item.stageSaved") : null} />
    </form>
  );
}
