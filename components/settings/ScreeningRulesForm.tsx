"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { useToastOnSuccess } from "@/components/ui/toast";
import { buttonPrimary, inlineInputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

export function ScreeningRulesForm({
  action,
  reviewId,
  votesRequired,
  editable,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
  reviewId: string;
  votesRequired: number;
  editable: boolean;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  // "Saved" is said in a toast; a refusal stays beside the fields.
  useToastOnSuccess(state, t("workflow.saved"));
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="votes-required" className={labelClass}>
            {t("workflow.votesRequired")}
          </label>
          <input
            id="votes-required"
            name="screeningVotesRequired"
            type="number"
            min={1}
            max={5}
            required
            defaultValue={votesRequired}
            disabled={!editable}
            aria-describedby="votes-required-help"
            className={`mt-1 ${inlineInputClass} w-24`}
          />
        </div>
        {editable && (
          <button type="submit" className={buttonPrimary} disabled={pending}>
            {t("workflow.saveScreening")}
          </button>
        )}
      </div>
      <p id="votes-required-help" className="text-xs text-stone-500">
        {t("workflow.votesRequiredHelp")}
      </p>
      <FormMessage error={state && !state.ok ? state.error : null} />
    </form>
  );
}
