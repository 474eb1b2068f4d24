"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

export function AcceptInvitationForm({
  token,
  action,
}: {
  token: string;
  action: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state && !state.ok ? state.error : null} />
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {pending ? t("invite.accepting") : t("invite.accept")}
      </button>
    </form>
  );
}
