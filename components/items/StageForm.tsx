"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

export function StageForm({
  action,
  reviewId,
  itemId,
  currentStageId,
  stages,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
  reviewId: string;
  itemId: string;
  currentStageId: string;
  stages: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <div>
        <label htmlFor="stageId" className={labelClass}>
          {t("item.changeStage")}
        </label>
        <select
          id="stageId"
          name="stageId"
          defaultValue={currentStageId}
          key={currentStageId}
          className={`mt-1 ${inputClass}`}
        >
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </select>
      </div>
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
