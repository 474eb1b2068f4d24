import { EmailNotificationSettings } from "@/components/account/EmailNotificationSettings";
import { requirePageUser } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { getEmailPreferences } from "@/lib/notifications/preferences";
import { saveEmailPreferencesAction } from "./notification-actions";

// The signed-in person's own settings. Each concern is its own section component.
export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const { t, locale } = await getI18n();
  const preferences = await getEmailPreferences(user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6">
      <header>
        <h1 className="text-xl font-semibold text-stone-900">{t("notifyMail.account.title")}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {user.name} · {user.email}
        </p>
      </header>
      <EmailNotificationSettings
        preferences={{ ...preferences, locale: preferences.locale ?? locale }}
        action={saveEmailPreferencesAction}
      />
    </div>
  );
}
