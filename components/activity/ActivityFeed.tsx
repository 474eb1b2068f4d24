import Link from "next/link";
import { FIELD_LABEL } from "@/components/items/field-labels";
import { cardClass } from "@/components/ui/styles";
import type { ActivityFeedData } from "@/lib/activity/queries";
import { ROLES } from "@/lib/authz/policy";
import type { Locale } from "@/lib/i18n/messages";
import type { EditableField } from "@/lib/items/item-fields";
import { pick, type MessageKey, type Translate } from "@/lib/i18n/translate";

/** Who did what, newest first; each item event links to the item by its title. */
export function ActivityFeed({
  feed,
  reviewId,
  locale,
  t,
}: {
  feed: ActivityFeedData;
  reviewId: string;
  locale: Locale;
  t: Translate;
}) {
  if (feed.events.length === 0) return <p className="text-sm text-stone-500">{t("activity.empty")}</p>;
  const format = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const roleName = (value: unknown) =>
    ROLES.includes(value as (typeof ROLES)[number]) ? t(`roles.${value as (typeof ROLES)[number]}`) : "";
  const stageName = (value: unknown) => {
    const stage = typeof value === "string" ? feed.stages.get(value) : undefined;
    return stage ? (pick(locale, stage.nameZh, stage.nameEn) ?? "") : "?";
  };
  return (
    <ol className={`${cardClass} divide-y divide-stone-100`}>
      {feed.events.map((event) => {
        const data = (event.data ?? {}) as Record<string, unknown>;
        const name = event.movesStage
          ? stageName
          : event.kind === "theme.merged"
            ? (value: unknown) => String(value ?? "")
            : roleName;
        const text = t(`activity.${event.kind}` as MessageKey, {
          who: event.actor?.name ?? t("activity.someone"),
          role: roleName(data.role),
          from: name(data.from),
          to: name(data.to),
          n: typeof data.count === "number" ? data.count : 0,
        });
        const item = event.subjectType === "item" ? feed.items.get(event.subjectId) : undefined;
        // An edit says which fields it touched, so the feed can be read as a history.
        const fields =
          event.kind === "item.updated" && Array.isArray(data.fields)
            ? data.fields
                .filter((field): field is EditableField => typeof field === "string" && field in FIELD_LABEL)
                .map((field) => t(FIELD_LABEL[field]))
            : [];
        return (
          <li
            key={event.id}
            className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
          >
            <span className="min-w-0">
              <span className="text-stone-800">
                {text}
                {fields.length > 0 && `${locale === "zh" ? "：" : ": "}${fields.join(locale === "zh" ? "、" : ", ")}`}
              </span>
              {item && (
                <Link
                  href={`/reviews/${reviewId}/items/${item.id}`}
                  className={`mt-0.5 block truncate text-teal-700 hover:underline ${item.deletedAt ? "line-through decoration-stone-400" : ""}`}
                >
                  {pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled")}
                </Link>
              )}
            </span>
            <time className="shrink-0 text-xs text-stone-500" dateTime={event.createdAt.toISOString()}>
              {format.format(event.createdAt)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
