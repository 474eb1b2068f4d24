import Link from "next/link";
import { AuthCard } from "@/components/auth/AuthCard";
import { AcceptInvitationForm } from "@/components/members/AcceptInvitationForm";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { previewInvitation } from "@/lib/members/queries";
import { setLocaleAction } from "../../actions";
import { acceptInvitationAction } from "./actions";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { locale, t } = await getI18n();
  const aside = <LanguageSwitch action={setLocaleAction} />;
  let preview;
  try {
    preview = await previewInvitation(token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <AuthCard title={t("invite.title")} aside={aside}>
        <FormMessage error={t(`errors.${error.code}`)} />
      </AuthCard>
    );
  }
  const user = await getSessionUser();
  const here = `/invite/${token}`;
  return (
    <AuthCard title={t("invite.title")} aside={aside}>
      <p className="text-sm text-stone-600">
        {t("invite.body", { who: preview.invitedBy, role: t(`roles.${preview.role}`) })}
      </p>
      <p className="my-3 text-lg font-medium">{pick(locale, preview.review.titleZh, preview.review.titleEn)}</p>
      <p className="mb-4 text-xs text-stone-500">{t(`roleHelp.${preview.role}`)}</p>
      {preview.state === "expired" ? (
        <FormMessage error={t("invite.expired")} />
      ) : preview.state === "used" ? (
        <FormMessage error={t("invite.used")} />
      ) : user ? (
        <AcceptInvitationForm token={token} action={acceptInvitationAction} />
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-stone-600">{t("invite.signInFirst")}</p>
          <div className="flex gap-2">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={`${buttonPrimary} flex-1`}>
              {t("auth.signIn")}
            </Link>
            <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className={`${buttonSecondary} flex-1`}>
              {t("auth.signUp")}
            </Link>
          </div>
        </div>
      )}
    </AuthCard>
  );
}
