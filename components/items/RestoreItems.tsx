"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionResult } from "@/lib/errors/action-result";

/** One button that brings items back from the trash; used by the trash list, item pages and the undo notice. */
export function RestoreItems({
  reviewId,
  itemIds,
  label,
  accessibleName,
  className,
  action,
}: {
  reviewId: string;
  itemIds: string[];
  label: string;
  accessibleName?: string;
  className: string;
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemIds" value={JSON.stringify(itemIds)} />
      <button type="submit" className={className} disabled={pending} aria-label={accessibleName}>
        {pending ? t("editing.restoring") : label}
      </button>
      {state && !state.ok && <FormMessage error={state.error} />}
    </form>
  );
}
