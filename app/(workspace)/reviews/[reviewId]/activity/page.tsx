import Link from "next/link";
import { cardClass } from "@/components/ui/styles";
import { listActivity } from "@/lib/activity/queries";
import { requirePageUser } from "@/lib/auth/session";
import { ROLES } from "@/lib/authz/policy";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";

export default async function ActivityPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/activity`);
  const { locale, t } = await getI18n();
  const events = await loadOrNotFound(listActivity(user.id, reviewId));
  const format = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const roleName = (value: unknown) =>
    ROLES.includes(value as (typeof ROLES)[number]) ? t(`roles.${value as (typeof ROLES)[number]}`) : "";
  return (
    <section aria-labelledby="activity-heading" className="max-w-3xl">
      <h1 id="activity-heading" className="mb-4 text-lg font-semibold">
        {t("activity.title")}
      </h1>
      {events.length === 0 ? (
        <p className="text-stone-500">{t("activity.empty")}</p>
      ) : (
        <ol className={`${cardClass} divide-y divide-stone-100`}>
          {events.map((event) => {
            const data = (event.data ?? {}) as Record<string, unknown>;
            const text = t(`activity.${event.kind}` as MessageKey, {
              who: event.actor?.name ?? t("activity.someone"),
              role: roleName(data.role),
              from: roleName(data.from),
              to: roleName(data.to),
            });
            return (
              <li key={event.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
                <span>
                  {text}
                  {event.subjectType === "item" && (
                    <Link
                      href={`/reviews/${reviewId}/items/${event.subjectId}`}
                      className="ml-2 text-teal-700 hover:underline"
                    >
                      {t("activity.open")}
                    </Link>
                  )}
                </span>
                <time className="text-xs text-stone-500" dateTime={event.createdAt.toISOString()}>
                  {format.format(event.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
