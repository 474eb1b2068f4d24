import { EmailNotificationSettings } from "@/components/account/EmailNotificationSettings";
import { AccountForms } from "@/components/auth/AccountForms";
import { cardClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { getEmailPreferences } from "@/lib/notifications/preferences";
import { changePasswordAction, signOutEverywhereAction } from "./actions";
import { saveEmailPreferencesAction } from "./notification-actions";

// The signed-in person's own settings: password and sessions, then e-mail notifications. Each concern is its own
// section component.
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requirePageUser("/account");
  const done = (await searchParams).done;
  const { t, locale } = await getI18n();
  const preferences = await getEmailPreferences(user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6">
      <header>
        <h1 className="text-xl font-semibold text-stone-900">{t("account.title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("account.intro", { name: user.name, email: user.email })}</p>
      </header>
      <div className={`${cardClass} p-5`}>
        <AccountForms
          email={user.email}
          done={done === "password" || done === "sessions" ? done : null}
          changePassword={changePasswordAction}
          signOutEverywhere={signOutEverywhereAction}
        />
      </div>
      <EmailNotificationSettings
        preferences={{ ...preferences, locale: preferences.locale ?? locale }}
        action={saveEmailPreferencesAction}
      />
    </div>
  );
}
