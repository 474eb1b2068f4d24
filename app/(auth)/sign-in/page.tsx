import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/AuthCard";
import { DemoAccounts } from "@/components/auth/DemoAccounts";
import { CredentialsForm } from "@/components/auth/CredentialsForm";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import { seedEnabled } from "@/lib/config/settings";
import { getI18n } from "@/lib/i18n/server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/seeds/demo-accounts";
import { setLocaleAction, signInAction } from "../actions";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/");
  if (await getSessionUser()) redirect(callbackUrl);
  const { t } = await getI18n();
  return (
    <AuthCard title={t("auth.signInTitle")} aside={<LanguageSwitch action={setLocaleAction} />}>
      <CredentialsForm mode="sign-in" action={signInAction} callbackUrl={callbackUrl} />
      {seedEnabled() && (
        <DemoAccounts
          password={DEMO_PASSWORD}
          accounts={DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: t(`roles.${a.role}`) }))}
        />
      )}
    </AuthCard>
  );
}
