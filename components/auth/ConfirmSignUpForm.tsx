"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

type Result = ActionResult<{ accountExists: true; callbackUrl: string }>;

/** One button that uses the sign-up link up; what went wrong is said with a way to go on. */
export function ConfirmSignUpForm({
  token,
  action,
}: {
  token: string;
  action: (previous: Result | null, form: FormData) => Promise<Result>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage success={t("signUp.accountExists")} />
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(state.data.callbackUrl)}`}
          className={`${buttonPrimary} w-full`}
        >
          {t("auth.signIn")}
        </Link>
      </div>
    );
  }
  if (state && !state.ok && state.code.startsWith("SIGN_UP_")) {
    return (
      <div className="space-y-4">
        <FormMessage error={state.error} />
        <Link href="/sign-up" className={`${buttonSecondary} w-full`}>
          {t("signUp.startAgain")}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state && !state.ok ? state.error : null} />
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {pending ? t("signUp.confirming") : t("signUp.confirmButton")}
      </button>
    </form>
  );
}
