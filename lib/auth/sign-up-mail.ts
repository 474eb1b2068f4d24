// The sign-up e-mail, sent by the worker (lib/auth/sign-up-confirmation.ts explains the flow). For an address
// without an account: a pending sign-up is stored and a one-time link is mailed. For an address with one: its
// owner is told that someone tried, with a sign-in link. The link goes out in the language of the form; the owner's
// notice in the language they chose in Huitong, if they did.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import type { Locale } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translate";
import { emailLocale, type MailContent } from "@/lib/notifications/email-content";
import { transport } from "@/lib/notifications/email-jobs";
import { mailSettings, signLink, type MailSettings } from "@/lib/notifications/mail-settings";

export const SIGN_UP_LINK_TTL_MS = 24 * 60 * 60 * 1000;
export const SIGN_UP_MAIL_WINDOW_MS = 60 * 60 * 1000;
export const MAX_SIGN_UP_MAILS_PER_EMAIL = 3;

/** The link's token: the same for every run of one job (a retry mails the same link), unguessable without the secret. */
export function signUpTokenFromNonce(nonce: string): string {
  return signLink("sign-up-link", nonce);
}

export function hashSignUpToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether this address may be mailed again now; counts the mail if so. */
export async function takeSignUpMailAllowance(client: Database, email: string, now = Date.now()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    // One address at a time, so two jobs for it cannot both pass the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-up-mail:${email}`}))`;
    const sent = await tx.signInAttempt.count({
      where: { kind: "SIGN_UP_MAIL", email, createdAt: { gte: new Date(now - SIGN_UP_MAIL_WINDOW_MS) } },
    });
    if (sent >= MAX_SIGN_UP_MAILS_PER_EMAIL) return false;
    await tx.signInAttempt.create({ data: { kind: "SIGN_UP_MAIL", email, clientKey: "", succeeded: true } });
    return true;
  });
}

export const signUpMailJob = defineJob({
  name: "auth.signUpMail",
  payload: z.object({
    email: z.string().min(3).max(254),
    name: z.string().min(1).max(100),
    passwordHash: z.string().min(1).max(500),
    locale: z.enum(["zh", "en"]),
    callbackUrl: z.string().min(1).max(2000),
    nonce: z.string().min(16).max(100),
  }),
  maxAttempts: 8,
  async run(payload, context) {
    const settings = mailSettings();
    if (!settings) return context.log("no SMTP_URL: sign-up e-mail not sent");
    const { db } = context;
    // A retry of a job that already counted its mail does not count it again.
    if (context.attempt === 1 && !(await takeSignUpMailAllowance(db, payload.email))) {
      return context.log("sign-up e-mails to this address are over the limit: not sent");
    }
    const existing = await db.user.findUnique({ where: { email: payload.email }, select: { locale: true } });
    let content: MailContent;
    if (existing) {
      // The owner hears of it in the language they chose in Huitong, else in the form's.
      content = renderSignUpAttemptMail(
        { ...payload, locale: existing.locale ? emailLocale(existing.locale) : payload.locale },
        settings,
      );
    } else {
      const token = signUpTokenFromNonce(payload.nonce);
      const pending = {
        name: payload.name,
        passwordHash: payload.passwordHash,
        tokenHash: hashSignUpToken(token),
        callbackUrl: payload.callbackUrl,
        expiresAt: new Date(Date.now() + SIGN_UP_LINK_TTL_MS),
      };
      await db.$transaction([
        db.pendingSignUp.upsert({
          where: { email: payload.email },
          create: { email: payload.email, ...pending },
          update: pending,
        }),
        db.pendingSignUp.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
      ]);
      content = renderSignUpConfirmationMail(payload, token, settings);
    }
    await transport(settings).sendMail({
      from: settings.from,
      to: payload.email,
      subject: content.subject,
      text: content.text,
      html: content.html,
    });
  },
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function render(
  locale: Locale,
  subject: string,
  paragraphs: { greeting?: string; body: string; action: string; url: string; footer: string },
): MailContent {
  const text = [
    ...(paragraphs.greeting ? [paragraphs.greeting, ""] : []),
    paragraphs.body,
    "",
    paragraphs.url,
    "",
    "--",
    paragraphs.footer,
  ].join("\n");
  const html = `<!doctype html><html lang="${locale === "zh" ? "zh-CN" : "en"}"><body style="font-family:sans-serif;color:#1c1917">
${paragraphs.greeting ? `<p>${escapeHtml(paragraphs.greeting)}</p>` : ""}
<p>${escapeHtml(paragraphs.body)}</p>
<p><a href="${escapeHtml(paragraphs.url)}" style="color:#0f766e;font-weight:600">${escapeHtml(paragraphs.action)}</a></p>
<p style="font-size:12px;color:#78716c;word-break:break-all">${escapeHtml(paragraphs.url)}</p>
<hr style="border:none;border-top:1px solid #e7e5e4">
<p style="font-size:12px;color:#78716c">${escapeHtml(paragraphs.footer)}</p>
</body></html>`;
  return { subject, text, html, oneClickUnsubscribeUrl: null };
}

export function renderSignUpConfirmationMail(
  payload: { name: string; locale: Locale },
  token: string,
  settings: MailSettings,
): MailContent {
  const t = translator(payload.locale);
  return render(payload.locale, t("signUp.mail.confirmSubject"), {
    greeting: t("signUp.mail.greeting", { name: payload.name }),
    body: t("signUp.mail.confirmBody"),
    action: t("signUp.mail.confirmAction"),
    url: `${settings.publicUrl}/sign-up/confirm?token=${encodeURIComponent(token)}`,
    footer: t("signUp.mail.confirmIgnore"),
  });
}

export function renderSignUpAttemptMail(
  payload: { locale: Locale; callbackUrl: string },
  settings: MailSettings,
): MailContent {
  const t = translator(payload.locale);
  const signIn =
    payload.callbackUrl === "/"
      ? `${settings.publicUrl}/sign-in`
      : `${settings.publicUrl}/sign-in?callbackUrl=${encodeURIComponent(payload.callbackUrl)}`;
  return render(payload.locale, t("signUp.mail.existingSubject"), {
    body: t("signUp.mail.existingBody"),
    action: t("signUp.mail.existingAction"),
    url: signIn,
    footer: t("signUp.mail.existingIgnore"),
  });
}
