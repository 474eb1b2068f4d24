"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FieldError, FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";

type Result = ActionResult<{ sentTo: string } | undefined>;
type Action = (previous: Result | null, form: FormData) => Promise<Result>;

export function CredentialsForm({
  mode,
  action,
  callbackUrl,
  note,
}: {
  mode: "sign-in" | "sign-up";
  action: Action;
  callbackUrl: string;
  /** What applies to sign-up here (by e-mail link, at once …), shown above the button. */
  note?: string;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled fields: React resets uncontrolled fields after a form action, which would wipe what the person typed
  // whenever the server answers with an error.
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const bind = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [name]: event.target.value })),
  });
  const fields = state && !state.ok ? state.fields : undefined;
  const signUp = mode === "sign-up";
  const other = `${signUp ? "/sign-in" : "/sign-up"}?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  const sentTo = state?.ok ? state.data?.sentTo : undefined;
  if (sentTo) {
    // The one answer to every sign-up confirmed by e-mail, whether or not the address has an account.
    return (
      <section role="status" aria-labelledby="sent-title" className="space-y-3">
        <h2 id="sent-title" className="text-lg font-semibold">
          {t("signUp.sentTitle")}
        </h2>
        <p className="text-sm text-stone-700">{t("signUp.sent", { email: sentTo })}</p>
        <p className="text-xs text-stone-500">{t("signUp.sentHint")}</p>
        <p className="text-center text-sm text-stone-600">
          {t("auth.haveAccount")}{" "}
          <Link href={other} className="font-medium text-teal-700 underline">
            {t("auth.signIn")}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {signUp && (
        <div>
          <label htmlFor="name" className={labelClass}>
            {t("auth.name")}
          </label>
          <input
            id="name"
            {...bind("name")}
            autoComplete="name"
            required
            className={`mt-1 ${inputClass}`}
            aria-invalid={!!fields?.name}
            aria-describedby="name-error"
          />
          <FieldError id="name-error" messages={fields?.name} />
        </div>
      )}
      <div>
        <label htmlFor="email" className={labelClass}>
          {t("auth.email")}
        </label>
        <input
          id="email"
          {...bind("email")}
          type="email"
          autoComplete="email"
          required
          className={`mt-1 ${inputClass}`}
          aria-invalid={!!fields?.email}
          aria-describedby="email-error"
        />
        <FieldError id="email-error" messages={fields?.email} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          {t("auth.password")}
        </label>
        <input
          id="password"
          {...bind("password")}
          type="password"
          autoComplete={signUp ? "new-password" : "current-password"}
          required
          minLength={signUp ? 8 : undefined}
          className={`mt-1 ${inputClass}`}
          aria-invalid={!!fields?.password}
          aria-describedby="password-error password-hint"
        />
        {signUp && (
          <p id="password-hint" className="mt-1 text-xs text-stone-500">
            {t("auth.passwordHint")}
          </p>
        )}
        <FieldError id="password-error" messages={fields?.password} />
      </div>
      {note && <p className="text-xs text-stone-600">{note}</p>}
      <FormMessage error={state && !state.ok ? state.error : null} />
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {pending ? t(signUp ? "auth.signingUp" : "auth.signingIn") : t(signUp ? "auth.signUp" : "auth.signIn")}
      </button>
      <p className="text-center text-sm text-stone-600">
        {t(signUp ? "auth.haveAccount" : "auth.noAccount")}{" "}
        <Link href={other} className="font-medium text-teal-700 underline">
          {t(signUp ? "auth.signIn" : "auth.createAccount")}
        </Link>
      </p>
    </form>
  );
}
