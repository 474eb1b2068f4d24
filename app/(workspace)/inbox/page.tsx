import Link from "next/link";
import { buttonSecondary } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/i18n/format-time";
import { pick } from "@/lib/i18n/translate";
import { describeNotification } from "@/lib/notifications/describe";
import { listNotifications } from "@/lib/notifications/inbox";
import { markAllReadAction, markReadAction, openNotificationAction } from "./actions";

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  const user = await requirePageUser("/inbox");
  const { t, locale } = await getI18n();
  const unreadOnly = (await searchParams).show === "unread";
  const notifications = await listNotifications(user.id, { unread: unreadOnly });
  const anyUnread = notifications.some((entry) => !entry.readAt);
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-6 sm:px-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-stone-900">{t("inbox.title")}</h1>
          <p className="mt-1 text-sm text-stone-600">{t("inbox.intro")}</p>
        </div>
        {anyUnread && (
          <form action={markAllReadAction}>
            <button type="submit" className={buttonSecondary}>
              {t("inbox.markAllRead")}
            </button>
          </form>
        )}
      </header>
      <nav aria-label={t("inbox.filter")} className="flex gap-1 text-sm">
        {[
          { href: "/inbox", label: t("inbox.showAll"), current: !unreadOnly },
          { href: "/inbox?show=unread", label: t("inbox.showUnread"), current: unreadOnly },
        ].map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={tab.current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ${tab.current ? "bg-teal-700 text-white" : "text-stone-700 hover:bg-stone-100"}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {notifications.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-500">
          {unreadOnly ? t("inbox.emptyUnread") : t("inbox.empty")}
        </p>
      ) : (
        <ul
          aria-label={t("inbox.title")}
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        >
          {notifications.map((entry) => {
            const { headline, detail } = describeNotification(entry, t, locale);
            return (
              <li
                key={entry.id}
                aria-label={entry.readAt ? headline : `${t("inbox.unread")}: ${headline}`}
                className={`flex flex-wrap items-start gap-3 px-4 py-3 ${entry.readAt ? "" : "bg-teal-50/50"}`}
              >
                <span
                  aria-hidden
                  className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${entry.readAt ? "bg-transparent" : "bg-teal-600"}`}
                />
                <div className="min-w-0 flex-1">
                  <p className={`text-sm ${entry.readAt ? "text-stone-700" : "font-medium text-stone-900"}`}>
                    {headline}
                  </p>
                  {detail && (
                    <p lang="zh-CN" className="mt-0.5 line-clamp-2 text-sm text-stone-600">
                      {detail}
                    </p>
                  )}
                  <p className="mt-0.5 text-xs text-stone-500">
                    {t("inbox.inReview", {
                      title: pick(locale, entry.review.titleZh, entry.review.titleEn) ?? "—",
                    })}{" "}
                    · {formatDateTime(locale, entry.createdAt)}
                  </p>
                </div>
                <div className="flex shrink-0 gap-2">
                  <form action={openNotificationAction}>
                    <input type="hidden" name="id" value={entry.id} />
                    <button type="submit" className={buttonSecondary} aria-label={`${t("inbox.open")}: ${headline}`}>
                      {t("inbox.open")}
                    </button>
                  </form>
                  {!entry.readAt && (
                    <form action={markReadAction}>
                      <input type="hidden" name="id" value={entry.id} />
                      <button
                        type="submit"
                        className="rounded-md px-2 py-1.5 text-sm text-teal-700 hover:bg-teal-50"
                        aria-label={`${t("inbox.markRead")}: ${headline}`}
                      >
                        {t("inbox.markRead")}
                      </button>
                    </form>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
