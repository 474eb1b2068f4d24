// The text of notification e-mails, in the recipient's language: what happened, a link straight to the
// place, and a one-click way to stop this kind of e-mail.
import type { NotificationKind } from "@/lib/db/generated/enums";
import type { Locale } from "@/lib/i18n/messages";
import { pick, translator } from "@/lib/i18n/translate";
import { describeNotification, type DescribableNotification } from "./describe";
import { signLink, type MailSettings } from "./mail-settings";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
  /** For the List-Unsubscribe header, which mail clients POST to (RFC 8058); none for a digest. */
  oneClickUnsubscribeUrl: string | null;
}

export interface MailedNotification extends DescribableNotification {
  link: string;
  review: { titleZh: string | null; titleEn: string | null };
}

export function emailLocale(stored: string | null | undefined): Locale {
  return stored === "en" ? "en" : "zh";
}

/** The page a person opens from the e-mail (one button, no sign-in), or the endpoint mail clients POST to. */
export function unsubscribeUrl(
  settings: MailSettings,
  userId: string,
  kind: NotificationKind,
  target: "page" | "one-click" = "page",
): string {
  const query = new URLSearchParams({ u: userId, k: kind, s: signLink("unsubscribe", userId, kind) });
  return `${settings.publicUrl}${target === "page" ? "/unsubscribe" : "/api/unsubscribe"}?${query}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function describeForMail(notification: MailedNotification, locale: Locale, settings: MailSettings) {
  const t = translator(locale);
  const { headline, detail } = describeNotification(notification, t, locale);
  const review = t("notifyMail.mail.inReview", {
    title: pick(locale, notification.review.titleZh, notification.review.titleEn) ?? "—",
  });
  return { headline, detail, review, url: `${settings.publicUrl}${notification.link}` };
}

export function renderNotificationEmail(
  notification: MailedNotification,
  recipient: { id: string; locale: string | null },
  settings: MailSettings,
): MailContent {
  const locale = emailLocale(recipient.locale);
  const t = translator(locale);
  const { headline, detail, review, url } = describeForMail(notification, locale, settings);
  const unsubscribe = unsubscribeUrl(settings, recipient.id, notification.kind);
  const kindName = t(`notifyMail.account.kinds.${notification.kind}`);
  const text = [
    headline,
    detail ? `\n${detail}` : "",
    `\n${review}`,
    `\n${t("notifyMail.mail.open")}: ${url}`,
    `\n\n--\n${t("notifyMail.mail.why")}`,
    `${t("notifyMail.mail.unsubscribe")} (${kindName}): ${unsubscribe}`,
    `${t("notifyMail.mail.preferences")}: ${settings.publicUrl}/account`,
  ].join("\n");
  const html = `<!doctype html><html lang="${locale === "zh" ? "zh-CN" : "en"}"><body style="font-family:sans-serif;color:#1c1917">
<p style="font-size:16px;font-weight:600">${escapeHtml(headline)}</p>
${detail ? `<blockquote style="margin:0 0 12px;padding-left:10px;border-left:3px solid #0f766e;color:#44403c">${escapeHtml(detail)}</blockquote>` : ""}
<p style="color:#57534e">${escapeHtml(review)}</p>
<p><a href="${escapeHtml(url)}" style="color:#0f766e;font-weight:600">${escapeHtml(t("notifyMail.mail.open"))}</a></p>
<hr style="border:none;border-top:1px solid #e7e5e4">
<p style="font-size:12px;color:#78716c">${escapeHtml(t("notifyMail.mail.why"))}<br>
<a href="${escapeHtml(unsubscribe)}">${escapeHtml(t("notifyMail.mail.unsubscribe"))} (${escapeHtml(kindName)})</a> ·
<a href="${escapeHtml(settings.publicUrl)}/account">${escapeHtml(t("notifyMail.mail.preferences"))}</a></p>
</body></html>`;
  return {
    subject: `${t("notifyMail.mail.subjectPrefix")} ${headline}`,
    text,
    html,
    oneClickUnsubscribeUrl: unsubscribeUrl(settings, recipient.id, notification.kind, "one-click"),
  };
}

export function renderDigestEmail(
  notifications: MailedNotification[],
  recipient: { id: string; locale: string | null },
  settings: MailSettings,
): MailContent {
  const locale = emailLocale(recipient.locale);
  const t = translator(locale);
  const entries = notifications.map((notification) => ({
    ...describeForMail(notification, locale, settings),
    kind: notification.kind,
  }));
  const kinds = [...new Set(notifications.map((notification) => notification.kind))];
  const unsubscribeLines = kinds.map(
    (kind) =>
      `${t("notifyMail.mail.unsubscribe")} (${t(`notifyMail.account.kinds.${kind}`)}): ${unsubscribeUrl(settings, recipient.id, kind)}`,
  );
  const text = [
    t("notifyMail.mail.digestIntro"),
    "",
    ...entries.flatMap((entry) => [
      `• ${entry.headline}`,
      ...(entry.detail ? [`  ${entry.detail}`] : []),
      `  ${entry.review} — ${entry.url}`,
      "",
    ]),
    "--",
    t("notifyMail.mail.digestWhy"),
    ...unsubscribeLines,
    `${t("notifyMail.mail.preferences")}: ${settings.publicUrl}/account`,
  ].join("\n");
  const html = `<!doctype html><html lang="${locale === "zh" ? "zh-CN" : "en"}"><body style="font-family:sans-serif;color:#1c1917">
<p>${escapeHtml(t("notifyMail.mail.digestIntro"))}</p>
<ul>${entries
    .map(
      (entry) =>
        `<li style="margin-bottom:10px"><a href="${escapeHtml(entry.url)}" style="color:#0f766e">${escapeHtml(entry.headline)}</a>${entry.detail ? `<br><span style="color:#44403c">${escapeHtml(entry.detail)}</span>` : ""}<br><span style="font-size:12px;color:#78716c">${escapeHtml(entry.review)}</span></li>`,
    )
    .join("")}</ul>
<hr style="border:none;border-top:1px solid #e7e5e4">
<p style="font-size:12px;color:#78716c">${escapeHtml(t("notifyMail.mail.digestWhy"))}<br>
${kinds
  .map(
    (kind) =>
      `<a href="${escapeHtml(unsubscribeUrl(settings, recipient.id, kind))}">${escapeHtml(t("notifyMail.mail.unsubscribe"))} (${escapeHtml(t(`notifyMail.account.kinds.${kind}`))})</a>`,
  )
  .join(
    "<br>",
  )}<br><a href="${escapeHtml(settings.publicUrl)}/account">${escapeHtml(t("notifyMail.mail.preferences"))}</a></p>
</body></html>`;
  return {
    subject: `${t("notifyMail.mail.subjectPrefix")} ${t("notifyMail.mail.digestSubject", { n: notifications.length })}`,
    text,
    html,
    oneClickUnsubscribeUrl: null,
  };
}
