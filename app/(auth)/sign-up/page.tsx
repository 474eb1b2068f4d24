import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/AuthCard";
import { CredentialsForm } from "@/components/auth/CredentialsForm";
import { buttonPrimary } from "@/components/ui/styles";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { checkSignUpAllowed, confirmsByEmail, signUpMode } from "@/lib/auth/sign-up-mode";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import { isAppError } from "@/lib/errors/app-error";
import { getI18n } from "@/lib/i18n/server";
import { setLocaleAction, signUpAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/");
  if (await getSessionUser()) redirect(callbackUrl);
  const { t } = await getI18n();
  const mode = signUpMode();
  // What applies on this installation (HUITONG_SIGN_UP) is said before anyone types anything.
  const refusal = await checkSignUpAllowed(mode, callbackUrl).then(
    () => null,
    (error: unknown) => {
      if (isAppError(error)) return error.code;
      throw error;
    },
  );
  const aside = <LanguageSwitch action={setLocaleAction} />;
  if (refusal) {
    return (
      <AuthCard title={t("auth.signUpTitle")} aside={aside}>
        <p role="status" className="text-sm text-stone-700">
          {t(refusal === "SIGN_UP_INVITE_ONLY" ? "signUp.modeInviteNeeded" : "signUp.modeClosed")}
        </p>
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className={`${buttonPrimary} mt-4 w-full`}
        >
          {t("auth.signIn")}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("auth.signUpTitle")} aside={aside}>
      <CredentialsForm
        mode="sign-up"
        action={signUpAction}
        callbackUrl={callbackUrl}
        note={t(confirmsByEmail(mode) ? "signUp.modeEmail" : "signUp.modeOpen")}
      />
    </AuthCard>
  );
}
