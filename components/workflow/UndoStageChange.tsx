"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionResult } from "@/lib/errors/action-result";

export function UndoStageChange({
  action,
  reviewId,
  itemId,
  changeId,
  backTo,
}: {
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
  reviewId: string;
  itemId: string;
  changeId: string;
  backTo: string;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-1">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="changeId" value={changeId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("workflow.undoLabel", { stage: backTo })}
        className="rounded border border-stone-300 bg-white px-2 py-0.5 text-xs font-medium text-stone-700 hover:bg-stone-50 disabled:opacity-60"
      >
        ↶ {t("workflow.undo")}
      </button>
      {state && !state.ok && <FormMessage error={state.error} />}
    </form>
  );
}
