import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/AuthCard";
import { CredentialsForm } from "@/components/auth/CredentialsForm";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import { getI18n } from "@/lib/i18n/server";
import { setLocaleAction, signUpAction } from "../actions";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/");
  if (await getSessionUser()) redirect(callbackUrl);
  const { t } = await getI18n();
  return (
    <AuthCard title={t("auth.signUpTitle")} aside={<LanguageSwitch action={setLocaleAction} />}>
      <CredentialsForm mode="sign-up" action={signUpAction} callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
