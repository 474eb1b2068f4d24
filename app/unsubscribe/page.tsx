import Link from "next/link";
import { buttonPrimary, cardClass } from "@/components/ui/styles";
import { getI18n } from "@/lib/i18n/server";
import { notificationKinds } from "@/lib/notifications/rules";
import { readUnsubscribeLink } from "@/lib/notifications/preferences";
import type { NotificationKind } from "@/lib/db/generated/enums";
import { unsubscribeAction } from "./actions";

export const dynamic = "force-dynamic";

// Opened from the link in a notification e-mail, signed in or not: one button stops that kind of e-mail.
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ u?: string; k?: string; s?: string; done?: string }>;
}) {
  const { t } = await getI18n();
  const params = await searchParams;
  const done = notificationKinds.includes(params.done as NotificationKind) ? (params.done as NotificationKind) : null;
  const link = done ? null : readUnsubscribeLink(params);
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <div className={`${cardClass} space-y-4 p-6`}>
        <h1 className="text-xl font-semibold text-stone-900">{t("notifyMail.unsubscribe.title")}</h1>
        {done ? (
          <p role="status" className="text-sm text-stone-700">
            {t("notifyMail.unsubscribe.done", { kind: t(`notifyMail.account.kinds.${done}`) })}
          </p>
        ) : link ? (
          <form action={unsubscribeAction} className="space-y-4">
            <p className="text-sm text-stone-700">
              {t("notifyMail.unsubscribe.confirm", { kind: t(`notifyMail.account.kinds.${link.kind}`) })}
            </p>
            <input type="hidden" name="u" value={params.u} />
            <input type="hidden" name="k" value={params.k} />
            <input type="hidden" name="s" value={params.s} />
            <button type="submit" className={buttonPrimary}>
              {t("notifyMail.unsubscribe.button")}
            </button>
          </form>
        ) : (
          <p role="alert" className="text-sm text-red-800">
            {t("notifyMail.unsubscribe.invalid")}
          </p>
        )}
        <p className="text-sm">
          <Link href="/account" className="text-teal-700 underline">
            {t("notifyMail.unsubscribe.manage")}
          </Link>
        </p>
      </div>
    </main>
  );
}
