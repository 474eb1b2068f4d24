// Writing inbox lines. Called inside the transaction of the change it reports, so a notification exists
// exactly when its cause does, and so does the job that e-mails it. Who is told comes from the rules table
// (rules.ts); the actor is never told about their own doing, and only current members of the review are
// notified (a removed member's old assignment or comment must not reach them).
import type { Prisma } from "@/lib/db/generated/client";
import type { NotificationDelivery, NotificationKind } from "@/lib/db/generated/enums";
import type { Transaction } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { nextDigestAt, sendDigestJob, sendNotificationEmailJob } from "./email-jobs";
import { mailSettings } from "./mail-settings";
import { notificationRules, recipientsFor, type NotificationSubject } from "./rules";

export interface NotificationEvent {
  reviewId: string;
  kind: NotificationKind;
  /** null for what the system does on its own (a round's due-date reminder). */
  actorId: string | null;
  subject: NotificationSubject;
  link: string;
  data?: Prisma.InputJsonObject;
  /** People already told about the same event in a more specific way (a mention beats "a new comment"). */
  except?: Iterable<string>;
}

/** Writes the event's notifications and queues their e-mails; returns who was told. */
export async function notify(tx: Transaction, event: NotificationEvent): Promise<string[]> {
  const excluded = new Set(event.except ?? []);
  const wanted = [...(await recipientsFor(tx, event.kind, event.subject))].filter(
    (id) => id !== event.actorId && !excluded.has(id),
  );
  if (wanted.length === 0) return [];
  const members = await tx.membership.findMany({
    where: { reviewId: event.reviewId, userId: { in: wanted } },
    select: { userId: true },
  });
  if (members.length === 0) return [];
  const userIds = members.map((member) => member.userId);
  const delivery = await emailDeliveries(tx, event.kind, userIds);
  const created = await tx.notification.createManyAndReturn({
    data: userIds.map((userId) => ({
      userId,
      reviewId: event.reviewId,
      kind: event.kind,
      actorId: event.actorId,
      link: event.link,
      data: event.data ?? {},
      emailVia: delivery.get(userId) ?? null,
    })),
    select: { id: true, userId: true, emailVia: true },
  });
  for (const notification of created) {
    if (notification.emailVia === "IMMEDIATE") {
      await enqueueJob(
        tx,
        sendNotificationEmailJob,
        { notificationId: notification.id },
        { jobKey: `email:${notification.id}` },
      );
    } else if (notification.emailVia === "DIGEST") {
      // One pending digest per person: later notifications join it rather than moving it.
      await enqueueJob(
        tx,
        sendDigestJob,
        { userId: notification.userId },
        { jobKey: `digest:${notification.userId}`, jobKeyMode: "preserve_run_at", runAt: nextDigestAt(new Date()) },
      );
    }
  }
  return userIds;
}

/** How each person gets this kind by e-mail: nothing at all while no SMTP server is configured. */
async function emailDeliveries(
  tx: Transaction,
  kind: NotificationKind,
  userIds: string[],
): Promise<Map<string, NotificationDelivery | null>> {
  const result = new Map<string, NotificationDelivery | null>();
  if (!mailSettings()) return result;
  const chosen = await tx.notificationPreference.findMany({
    where: { kind, userId: { in: userIds } },
    select: { userId: true, delivery: true },
  });
  const byUser = new Map(chosen.map((preference) => [preference.userId, preference.delivery]));
  for (const userId of userIds) {
    const delivery = byUser.get(userId) ?? notificationRules[kind].defaultDelivery;
    result.set(userId, delivery === "NEVER" ? null : delivery);
  }
  return result;
}

export const links = {
  thread: (reviewId: string, sectionId: string, threadId: string) =>
    `/reviews/${reviewId}/synthesis/${sectionId}?thread=${threadId}`,
  round: (reviewId: string, roundId: string) => `/reviews/${reviewId}/rounds/${roundId}`,
  item: (reviewId: string, itemId: string) => `/reviews/${reviewId}/items/${itemId}`,
  queue: (reviewId: string) => `/reviews/${reviewId}/queue`,
};
