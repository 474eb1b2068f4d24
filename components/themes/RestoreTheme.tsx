"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionResult } from "@/lib/errors/action-result";

export function RestoreTheme({
  reviewId,
  themeId,
  name,
  action,
}: {
  reviewId: string;
  themeId: string;
  name: string;
  action: (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="ml-auto">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="themeId" value={themeId} />
      <input type="hidden" name="archived" value="false" />
      <button
        type="submit"
        disabled={pending}
        className="text-xs text-teal-700 hover:underline"
        aria-label={t("coding.restore", { name })}
      >
        {t("coding.restoreShort")}
      </button>
      {state && !state.ok && <FormMessage error={state.error} />}
    </form>
  );
}
