// What a notification says, in the reader's language: one headline and an optional detail line. The inbox
// and the e-mails both read it from here, so a notification says the same thing wherever it is seen.
import type { NotificationKind } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/i18n/format-time";
import type { Locale } from "@/lib/i18n/messages";
import { pick, type Translate } from "@/lib/i18n/translate";

export interface NotificationData {
  sectionTitle?: string;
  quote?: string | null;
  excerpt?: string;
  addressed?: boolean;
  number?: number;
  title?: string;
  dueAt?: string | null;
  itemTitle?: string | null;
  itemCount?: number;
  from?: { zh: string; en: string } | null;
  to?: { zh: string; en: string } | null;
  suggestion?: string | null;
  decision?: "APPLIED" | "REJECTED";
  reason?: string | null;
  choice?: "INCLUDE" | "EXCLUDE";
}

export interface DescribableNotification {
  kind: NotificationKind;
  data: unknown;
  actor: { name: string } | null;
}

export function describeNotification(
  entry: DescribableNotification,
  t: Translate,
  locale: Locale,
): { headline: string; detail: string | null } {
  const data = (entry.data ?? {}) as NotificationData;
  const who = entry.actor?.name ?? t("inbox.someone");
  const section = data.sectionTitle ?? "—";
  const item = data.itemTitle ?? t("inbox.untitledItem");
  const stage = (name: NotificationData["from"]) => (name ? pick(locale, name.zh, name.en) : null) ?? "—";
  switch (entry.kind) {
    case "MENTION":
    case "COMMENT":
      return { headline: t(`inbox.kinds.${entry.kind}`, { who, section }), detail: data.excerpt ?? null };
    case "SUGGESTION":
      return {
        headline: t("inbox.kinds.SUGGESTION", { who, section }),
        detail: [data.quote, data.suggestion].filter((part) => part != null).join(" → ") || data.excerpt || null,
      };
    case "REPLY":
      return {
        headline: t(data.addressed ? "inbox.kinds.REPLY_ADDRESSED" : "inbox.kinds.REPLY", { who, section }),
        detail: data.excerpt ?? null,
      };
    case "ROUND_OPENED":
    case "ROUND_CLOSED":
      return {
        headline: t(`inbox.kinds.${entry.kind}`, { who, number: data.number ?? "?", title: data.title ?? "" }),
        detail: data.dueAt ? t("inbox.due", { date: formatDate(locale, data.dueAt) }) : null,
      };
    case "ROUND_DUE":
      return {
        headline: t("inbox.kinds.ROUND_DUE", {
          number: data.number ?? "?",
          title: data.title ?? "",
          date: data.dueAt ? formatDate(locale, data.dueAt) : "—",
        }),
        detail: null,
      };
    case "STAGE_CHANGED":
      return {
        headline: t("inbox.kinds.STAGE_CHANGED", { who, item, from: stage(data.from), to: stage(data.to) }),
        detail: null,
      };
    case "ITEM_ASSIGNED":
      return {
        headline:
          (data.itemCount ?? 1) > 1
            ? t("inbox.kinds.ITEM_ASSIGNED_MANY", { who, n: data.itemCount ?? 1 })
            : t("inbox.kinds.ITEM_ASSIGNED", { who, item }),
        detail: null,
      };
    case "CONFLICT_RULED":
      return {
        headline: t(
          data.choice === "EXCLUDE" ? "inbox.kinds.CONFLICT_RULED_EXCLUDE" : "inbox.kinds.CONFLICT_RULED_INCLUDE",
          { who, item },
        ),
        detail: data.excerpt ?? null,
      };
    case "SUGGESTION_DECIDED":
      return {
        headline: t(
          data.decision === "REJECTED" ? "inbox.kinds.SUGGESTION_REJECTED" : "inbox.kinds.SUGGESTION_APPLIED",
          { who, section },
        ),
        detail:
          [[data.quote, data.suggestion].filter((part) => part != null).join(" → "), data.reason]
            .filter(Boolean)
            .join(" · ") || null,
      };
  }
}
