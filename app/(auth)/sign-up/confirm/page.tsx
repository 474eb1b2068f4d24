// The page a sign-up link opens. Opening it uses nothing up (mail scanners open links too): the button does,
// through confirmSignUpAction, which creates the account, signs the person in and goes where they were going.
import Link from "next/link";
import { AuthCard } from "@/components/auth/AuthCard";
import { ConfirmSignUpForm } from "@/components/auth/ConfirmSignUpForm";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary } from "@/components/ui/styles";
import { inspectSignUpLink } from "@/lib/auth/sign-up-confirmation";
import { getI18n } from "@/lib/i18n/server";
import { confirmSignUpAction, setLocaleAction } from "../../actions";

export const dynamic = "force-dynamic";

export default async function ConfirmSignUpPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const { t } = await getI18n();
  const link = await inspectSignUpLink(token);
  return (
    <AuthCard title={t("signUp.confirmTitle")} aside={<LanguageSwitch action={setLocaleAction} />}>
      {link.state === "valid" ? (
        <>
          <p className="mb-4 text-sm text-stone-700">
            {t("signUp.confirmIntro", { name: link.name, email: link.email })}
          </p>
          <ConfirmSignUpForm token={token ?? ""} action={confirmSignUpAction} />
        </>
      ) : (
        <div className="space-y-4">
          <FormMessage error={t(link.state === "expired" ? "signUp.linkExpired" : "signUp.linkInvalid")} />
          <Link href="/sign-up" className={`${buttonPrimary} w-full`}>
            {t("signUp.startAgain")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
