"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

type FormAction = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
type ButtonAction = (previous: ActionResult | null) => Promise<ActionResult>;

export function AccountForms({
  email,
  done,
  changePassword,
  signOutEverywhere,
}: {
  email: string;
  /** What the last successful action did (the page is reloaded after it). */
  done: "password" | "sessions" | null;
  changePassword: FormAction;
  signOutEverywhere: ButtonAction;
}) {
  const { t } = useI18n();
  const [passwordState, passwordAction, changing] = useActionState(changePassword, null);
  const [sessionsState, sessionsAction, ending] = useActionState(signOutEverywhere, null);
  const code = passwordState && !passwordState.ok ? passwordState.code : null;
  const passwordFields = passwordState && !passwordState.ok ? passwordState.fields : undefined;

  return (
    <div className="space-y-8">
      <section aria-labelledby="password-title" className="space-y-3">
        <h2 id="password-title" className="text-base font-semibold text-stone-900">
          {t("account.passwordTitle")}
        </h2>
        <p className="text-sm text-stone-600">{t("account.passwordHelp")}</p>
        <form action={passwordAction} className="space-y-3" noValidate>
          {/* Lets password managers file the new password under the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
          <div>
            <label htmlFor="current-password" className={labelClass}>
              {t("account.currentPassword")}
            </label>
            <input
              id="current-password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              className={`mt-1 ${inputClass}`}
              aria-invalid={code === "WRONG_CURRENT_PASSWORD"}
            />
          </div>
          <div>
            <label htmlFor="new-password" className={labelClass}>
              {t("account.newPassword")}
            </label>
            <input
              id="new-password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              className={`mt-1 ${inputClass}`}
              aria-invalid={code === "WEAK_PASSWORD" || !!passwordFields?.newPassword}
              aria-describedby="new-password-hint"
            />
            <p id="new-password-hint" className="mt-1 text-xs text-stone-500">
              {t("account.newPasswordHint")}
            </p>
          </div>
          <FormMessage
            error={passwordState && !passwordState.ok ? passwordState.error : null}
            success={!passwordState && done === "password" ? t("account.passwordChanged") : null}
          />
          <button type="submit" className={buttonPrimary} disabled={changing}>
            {changing ? t("account.changingPassword") : t("account.changePassword")}
          </button>
        </form>
      </section>

      <section aria-labelledby="sessions-title" className="space-y-3 border-t border-stone-200 pt-6">
        <h2 id="sessions-title" className="text-base font-semibold text-stone-900">
          {t("account.sessionsTitle")}
        </h2>
        <p className="text-sm text-stone-600">{t("account.sessionsHelp")}</p>
        <form action={sessionsAction} className="space-y-3">
          <FormMessage
            error={sessionsState && !sessionsState.ok ? sessionsState.error : null}
            success={!sessionsState && done === "sessions" ? t("account.signedOutEverywhere") : null}
          />
          <button type="submit" className={buttonSecondary} disabled={ending}>
            {ending ? t("account.signingOutEverywhere") : t("account.signOutEverywhere")}
          </button>
        </form>
      </section>
    </div>
  );
}
