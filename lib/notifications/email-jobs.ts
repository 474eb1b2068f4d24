// Sending notification e-mails from the job queue, never from a request. Each e-mail first gets an
// EmailMessage row with a unique key (one per notification, one per digest run): a retried or duplicated job
// finds it and does not send again. A message whose row still says SENDING when a job reaches it was being
// handed to the SMTP server when the worker died: the server may have accepted it, so it is marked UNCERTAIN
// for the owner to see rather than risk sending it twice. Failures the SMTP server reports (refused
// connection, rejected recipient) are retried with graphile-worker's exponential back-off.
import { createTransport, type Transporter } from "nodemailer";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { renderDigestEmail, renderNotificationEmail, type MailContent } from "./email-content";
import { mailSettings, type MailSettings } from "./mail-settings";
import { notificationRules } from "./rules";

export const EMAIL_MAX_ATTEMPTS = 8;
/** Digests go out once a day at this hour (UTC); 0 is 08:00 in China. */
export const DIGEST_HOUR_UTC = 0;

export function nextDigestAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

const transports = new Map<string, Transporter>();
/** One SMTP connection pool per configured server, shared by every kind of e-mail the worker sends. */
export function transport(settings: MailSettings): Transporter {
  let existing = transports.get(settings.smtpUrl);
  if (!existing) {
    existing = createTransport(settings.smtpUrl);
    transports.set(settings.smtpUrl, existing);
  }
  return existing;
}

const mailedNotification = {
  id: true,
  kind: true,
  data: true,
  link: true,
  actor: { select: { name: true } },
  review: { select: { titleZh: true, titleEn: true } },
} as const;

export const sendNotificationEmailJob = defineJob({
  name: "notifications.email",
  payload: z.object({ notificationId: z.string().min(1) }),
  maxAttempts: EMAIL_MAX_ATTEMPTS,
  async run({ notificationId }, context) {
    const settings = mailSettings();
    if (!settings) return context.log("no SMTP_URL: e-mail not sent", { notificationId });
    const { db } = context;
    const notification = await db.notification.findUnique({
      where: { id: notificationId },
      select: {
        ...mailedNotification,
        emailVia: true,
        reviewId: true,
        user: { select: { id: true, email: true, locale: true } },
      },
    });
    if (!notification || notification.emailVia !== "IMMEDIATE") return;
    if (!(await stillWants(db, notification.user.id, notification.reviewId, notification.kind))) return;
    await deliver(context, settings, {
      key: `notification:${notification.id}`,
      userId: notification.user.id,
      to: notification.user.email,
      claim: [notification.id],
      compose: () => renderNotificationEmail(notification, notification.user, settings),
    });
  },
});

export const sendDigestJob = defineJob({
  name: "notifications.digest",
  payload: z.object({ userId: z.string().min(1) }),
  maxAttempts: EMAIL_MAX_ATTEMPTS,
  async run({ userId }, context) {
    const settings = mailSettings();
    if (!settings) return context.log("no SMTP_URL: digest not sent", { userId });
    const { db } = context;
    const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, locale: true } });
    if (!user) return;
    // The key is the job's: a retry of this job finds the same message and the notifications it claimed.
    const key = `digest:${userId}:${context.jobId}`;
    const existing = await db.emailMessage.findUnique({ where: { key }, select: { id: true } });
    let claim: string[] = [];
    if (!existing) {
      const pending = await db.notification.findMany({
        where: {
          userId,
          emailVia: "DIGEST",
          emailMessageId: null,
          review: { memberships: { some: { userId } } },
        },
        select: { id: true, kind: true },
      });
      const preferences = await db.notificationPreference.findMany({ where: { userId } });
      const never = new Set(preferences.filter((p) => p.delivery === "NEVER").map((p) => p.kind));
      claim = pending.filter((entry) => !never.has(entry.kind)).map((entry) => entry.id);
      if (claim.length === 0) return;
    }
    await deliver(context, settings, {
      key,
      userId,
      to: user.email,
      claim,
      compose: async (messageId) => {
        const notifications = await db.notification.findMany({
          where: { emailMessageId: messageId },
          orderBy: { createdAt: "asc" },
          select: mailedNotification,
        });
        return renderDigestEmail(notifications, user, settings);
      },
    });
  },
});

async function stillWants(db: Database, userId: string, reviewId: string, kind: keyof typeof notificationRules) {
  const [membership, preference] = await Promise.all([
    db.membership.findUnique({ where: { reviewId_userId: { reviewId, userId } }, select: { id: true } }),
    db.notificationPreference.findUnique({ where: { userId_kind: { userId, kind } }, select: { delivery: true } }),
  ]);
  return !!membership && (preference?.delivery ?? notificationRules[kind].defaultDelivery) !== "NEVER";
}

interface Delivery {
  key: string;
  userId: string;
  to: string;
  /** Notifications this message carries, linked to it when it is first written. */
  claim: string[];
  compose(messageId: string): MailContent | Promise<MailContent>;
}

async function deliver(context: JobContext, settings: MailSettings, delivery: Delivery): Promise<void> {
  const { db } = context;
  const existing = await db.emailMessage.findUnique({ where: { key: delivery.key } });
  let messageId: string;
  if (existing) {
    if (existing.state === "SENDING") {
      await db.emailMessage.updateMany({
        where: { id: existing.id, state: "SENDING" },
        data: { state: "UNCERTAIN", error: "interrupted while handing the message to the SMTP server" },
      });
      return;
    }
    if (existing.state !== "RETRYING") return;
    const claimed = await db.emailMessage.updateMany({
      where: { id: existing.id, state: "RETRYING" },
      data: { state: "SENDING", attempts: { increment: 1 } },
    });
    if (claimed.count === 0) return;
    messageId = existing.id;
  } else {
    const created = await db
      .$transaction(async (tx) => {
        const message = await tx.emailMessage.create({
          data: { key: delivery.key, userId: delivery.userId, toAddress: delivery.to, subject: "", attempts: 1 },
          select: { id: true },
        });
        await tx.notification.updateMany({
          where: { id: { in: delivery.claim }, emailMessageId: null },
          data: { emailMessageId: message.id },
        });
        return message;
      })
      .catch((error: unknown) => {
        // Another run wrote the same key first: that run sends it.
        if ((error as { code?: string }).code === "P2002") return null;
        throw error;
      });
    if (!created) return;
    messageId = created.id;
  }
  let content: MailContent;
  try {
    content = await delivery.compose(messageId);
    await db.emailMessage.update({ where: { id: messageId }, data: { subject: content.subject } });
    await transport(settings).sendMail({
      from: settings.from,
      to: delivery.to,
      subject: content.subject,
      text: content.text,
      html: content.html,
      messageId: `<${messageId}@${new URL(settings.publicUrl).hostname}>`,
      ...(content.oneClickUnsubscribeUrl
        ? {
            headers: {
              "List-Unsubscribe": `<${content.oneClickUnsubscribeUrl}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
          }
        : {}),
    });
  } catch (error) {
    const final = context.attempt >= context.maxAttempts;
    const reason = error instanceof Error ? error.message : String(error);
    await db.emailMessage.update({
      where: { id: messageId },
      data: { state: final ? "FAILED" : "RETRYING", error: reason.slice(0, 1000) },
    });
    context.log("e-mail not sent", { key: delivery.key, attempt: context.attempt, final, error: reason });
    throw error;
  }
  await db.emailMessage.update({ where: { id: messageId }, data: { state: "SENT", sentAt: new Date(), error: null } });
}
