"use client";
// The account page's e-mail section: which notifications also go out by e-mail, how often, and in which
// language. The inbox is not affected.
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, cardClass, inlineInputClass, labelClass } from "@/components/ui/styles";
import type { NotificationDelivery, NotificationKind } from "@/lib/db/generated/enums";
import type { ActionResult } from "@/lib/errors/action-result";

const DELIVERIES = ["IMMEDIATE", "DIGEST", "NEVER"] as const satisfies readonly NotificationDelivery[];

export function EmailNotificationSettings({
  preferences,
  action,
}: {
  preferences: {
    email: string;
    locale: "zh" | "en";
    mailEnabled: boolean;
    kinds: { kind: NotificationKind; delivery: NotificationDelivery }[];
  };
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <section aria-labelledby="email-notifications-heading" className={`${cardClass} space-y-4 p-5`}>
      <div>
        <h2 id="email-notifications-heading" className="text-base font-semibold">
          {t("notifyMail.account.notificationsTitle")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          {t("notifyMail.account.notificationsIntro", { email: preferences.email })}
        </p>
      </div>
      {!preferences.mailEnabled && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("notifyMail.account.noSmtp")}
        </p>
      )}
      <form action={formAction} className="space-y-4">
        <div>
          <label htmlFor="email-locale" className={labelClass}>
            {t("notifyMail.account.languageLabel")}
          </label>
          <select
            id="email-locale"
            name="locale"
            defaultValue={preferences.locale}
            className={`mt-1 ${inlineInputClass} w-40`}
          >
            {(["zh", "en"] as const).map((option) => (
              <option key={option} value={option}>
                {t(`notifyMail.account.languages.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-stone-200 text-left text-stone-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("notifyMail.account.kindColumn")}
              </th>
              <th scope="col" className="py-2 font-medium">
                {t("notifyMail.account.deliveryColumn")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {preferences.kinds.map(({ kind, delivery }) => {
              const kindLabel = t(`notifyMail.account.kinds.${kind}`);
              return (
                <tr key={kind}>
                  <th scope="row" id={`kind-${kind}`} className="py-2 pr-3 text-left font-normal text-stone-800">
                    {kindLabel}
                  </th>
                  <td className="py-2">
                    <select
                      name={`delivery-${kind}`}
                      aria-labelledby={`kind-${kind}`}
                      defaultValue={delivery}
                      className={`${inlineInputClass} w-36`}
                    >
                      {DELIVERIES.map((option) => (
                        <option key={option} value={option}>
                          {t(`notifyMail.account.delivery.${option}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {t("notifyMail.account.save")}
        </button>
        <FormMessage
          error={state && !state.ok ? state.error : null}
          success={state?.ok ? t("notifyMail.account.saved") : null}
        />
      </form>
    </section>
  );
}
