// Notification e-mail end to end against a real SMTP server started here: what is sent to whom, in their
// language, with a link to the thread and a working unsubscribe; daily digests; never sent twice; failures
// retried and shown to the owner; nothing at all without SMTP_URL.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startThread } from "@/lib/comments/threads";
import type { Database } from "@/lib/db/client";
import { runDueJobs } from "@/lib/jobs/worker";
import { createSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { startMailCatcher, type MailCatcher } from "@/lib/testing/mail-catcher";
import { createTestDatabase } from "@/lib/testing/test-database";
import { sendDigestJob, sendNotificationEmailJob } from "./email-jobs";
import { getEmailPreferences, listEmailProblems, saveEmailPreferences, unsubscribe } from "./preferences";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let url: string;
let smtp: MailCatcher;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let sectionId: string;
const received: ParsedMail[] = [];
/** Recipients the server refuses, as a mailbox that does not exist would be. */
const refused = new Set<string>();
const jobs = [sendNotificationEmailJob, sendDigestJob];

beforeAll(async () => {
  smtp = await startMailCatcher({ into: received, refuses: (address) => refused.has(address) });
  process.env.SMTP_URL = smtp.url;
  process.env.HUITONG_PUBLIC_URL = "http://huitong.test";
  process.env.HUITONG_MAIL_FROM = "Huitong <notify@huitong.test>";
  process.env.AUTH_SECRET = "test-secret-for-signed-links";
  ({ db, url } = await createTestDatabase());
  team = await createReviewWithTeam(db, "em");
  ({ sectionId } = await createSection(await accessTo(team.users.EDITOR.id, team.reviewId), {
    reviewId: team.reviewId,
    title: "韧性治理",
    ownerId: team.users.EDITOR.id,
  }));
  await db.user.update({ where: { id: team.users.EDITOR.id }, data: { locale: "en" } });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
  await db.$disconnect();
});
beforeEach(() => {
  received.length = 0;
});

const comment = async (body: string) =>
  startThread(await accessTo(team.users.SUPERVISOR.id, team.reviewId), { reviewId: team.reviewId, sectionId, body });
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

describe("notification e-mail", () => {
  it("sends the section owner, unmentioned, the new comment in their language with a link to the thread", async () => {
    const { threadId } = await comment("请补充代表性文献");
    expect(received).toHaveLength(0); // nothing is sent inside the request
    await runDueJobs(url, db, jobs);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(to(mail!)).toBe(team.users.EDITOR.email);
    expect(mail!.from?.text).toContain("notify@huitong.test");
    expect(mail!.subject).toBe("[Huitong] em-supervisor commented on “韧性治理”");
    expect(mail!.text).toContain("请补充代表性文献");
    expect(mail!.text).toContain(
      `http://huitong.test/reviews/${team.reviewId}/synthesis/${sectionId}?thread=${threadId}`,
    );
    expect(mail!.html).toContain(`?thread=${threadId}`);
    const header = (name: string) => mail!.headerLines.find((line) => line.key === name)?.line;
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toContain("<http://huitong.test/api/unsubscribe?");
    const message = await db.emailMessage.findFirstOrThrow({ where: { userId: team.users.EDITOR.id } });
    expect(message).toMatchObject({ state: "SENT", attempts: 1, toAddress: team.users.EDITOR.email });
    expect(mail!.messageId).toBe(`<${message.id}@huitong.test>`);
  });

  it("never sends the same notification twice, even when its job runs again", async () => {
    const notification = await db.notification.findFirstOrThrow({ where: { emailVia: "IMMEDIATE" } });
    await db.$transaction(async (tx) => {
      const { enqueueJob } = await import("@/lib/jobs/enqueue");
      await enqueueJob(tx, sendNotificationEmailJob, { notificationId: notification.id });
    });
    await runDueJobs(url, db, jobs);
    expect(received).toHaveLength(0);
  });

  it("does not resend a message interrupted mid-send: it is marked uncertain for the owner", async () => {
    await comment("第二条意见");
    const notification = await db.notification.findFirstOrThrow({
      where: { userId: team.users.EDITOR.id, emailMessageId: null, emailVia: "IMMEDIATE" },
    });
    // A worker claimed it (message written, notification linked) and died before recording the outcome.
    await db.emailMessage.create({
      data: {
        key: `notification:${notification.id}`,
        userId: team.users.EDITOR.id,
        toAddress: team.users.EDITOR.email,
        subject: "[Huitong] interrupted",
        state: "SENDING",
        attempts: 1,
        notifications: { connect: { id: notification.id } },
      },
    });
    await runDueJobs(url, db, jobs);
    expect(received).toHaveLength(0);
    expect(await listEmailProblems(await accessTo(team.users.OWNER.id, team.reviewId))).toContainEqual(
      expect.objectContaining({ subject: "[Huitong] interrupted", state: "UNCERTAIN" }),
    );
  });

  it("gathers notifications into a daily digest for those who chose it, in their language", async () => {
    await saveEmailPreferences(team.users.EDITOR.id, {
      locale: "zh",
      kinds: [
        { kind: "COMMENT", delivery: "DIGEST" },
        { kind: "MENTION", delivery: "DIGEST" },
      ],
    });
    await comment("第三条意见");
    await comment("@em-editor 第四条意见");
    await runDueJobs(url, db, jobs);
    expect(received).toHaveLength(0);
    const [digestJob] = await db.$queryRaw<{ id: bigint; run_at: Date }[]>`
      SELECT id, run_at FROM graphile_worker.jobs WHERE task_identifier = 'notifications.digest'`;
    expect(digestJob!.run_at.getUTCHours()).toBe(0);
    expect(digestJob!.run_at.getTime()).toBeGreaterThan(Date.now());
    await db.$executeRaw`SELECT graphile_worker.reschedule_jobs(ARRAY[${digestJob!.id}]::bigint[], run_at => now())`;
    await runDueJobs(url, db, jobs);
    expect(received).toHaveLength(1);
    const [digest] = received;
    expect(digest!.subject).toBe("[会通] 会通每日摘要：2 条新通知");
    expect(digest!.text).toContain("em-supervisor 在「韧性治理」上写了批注");
    expect(digest!.text).toContain("em-supervisor 在「韧性治理」的批注中提到了你");
    expect(digest!.text).toContain("第四条意见");
    // Running the queue again finds nothing left to digest.
    await runDueJobs(url, db, jobs);
    expect(received).toHaveLength(1);
  });

  it("unsubscribes one kind with the signed link alone, and refuses a forged one", async () => {
    await saveEmailPreferences(team.users.EDITOR.id, {
      locale: "en",
      kinds: [{ kind: "COMMENT", delivery: "IMMEDIATE" }],
    });
    await comment("第五条意见");
    await runDueJobs(url, db, jobs);
    expect(received).toHaveLength(1);
    const link = /http:\/\/huitong\.test\/unsubscribe\?\S+/.exec(received[0]!.text ?? "")![0];
    const query = Object.fromEntries(new URL(link).searchParams);
    expect(query.k).toBe("COMMENT");
    await expect(unsubscribe({ ...query, k: "MENTION" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(unsubscribe({ ...query, u: team.users.OWNER.id })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await unsubscribe(query)).toEqual({ kind: "COMMENT" });
    const preferences = await getEmailPreferences(team.users.EDITOR.id);
    expect(preferences.kinds.find((entry) => entry.kind === "COMMENT")?.delivery).toBe("NEVER");
    expect(preferences.kinds.find((entry) => entry.kind === "MENTION")?.delivery).toBe("DIGEST");

    received.length = 0;
    await comment("第六条意见");
    await runDueJobs(url, db, jobs);
    expect(received).toHaveLength(0);
    const latest = await db.notification.findFirstOrThrow({
      where: { userId: team.users.EDITOR.id },
      orderBy: { createdAt: "desc" },
    });
    expect(latest).toMatchObject({ kind: "COMMENT", emailVia: null });
  });

  it("retries what the SMTP server refused, gives up after the last attempt, and shows the owner", async () => {
    refused.add(team.users.EDITOR.email);
    await saveEmailPreferences(team.users.EDITOR.id, {
      locale: "en",
      kinds: [{ kind: "COMMENT", delivery: "IMMEDIATE" }],
    });
    await comment("第七条意见");
    await runDueJobs(url, db, jobs);
    const notification = await db.notification.findFirstOrThrow({
      where: { userId: team.users.EDITOR.id },
      orderBy: { createdAt: "desc" },
    });
    const message = await db.emailMessage.findUniqueOrThrow({ where: { key: `notification:${notification.id}` } });
    expect(message).toMatchObject({ state: "RETRYING", attempts: 1 });
    expect(message.error).toContain("mailbox unavailable");
    const [job] = await db.$queryRaw<{ attempts: number; run_at: Date }[]>`
      SELECT attempts, run_at FROM graphile_worker.jobs WHERE task_identifier = 'notifications.email'`;
    expect(job!.attempts).toBe(1);
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now()); // back-off

    // The last attempt fails too: it is given up and listed for the owner, not for anyone else.
    await expect(
      sendNotificationEmailJob.run(
        { notificationId: notification.id },
        { db, jobId: "last", attempt: 8, maxAttempts: 8, log: () => {} },
      ),
    ).rejects.toThrow();
    const problems = await listEmailProblems(await accessTo(team.users.OWNER.id, team.reviewId));
    expect(problems).toContainEqual(
      expect.objectContaining({ toAddress: team.users.EDITOR.email, state: "FAILED", attempts: 2 }),
    );
    await expect(
      accessTo(team.users.EDITOR.id, team.reviewId).then((access) => listEmailProblems(access)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Once the mailbox works again, a retry delivers it exactly once.
    refused.clear();
    await db.emailMessage.update({ where: { id: message.id }, data: { state: "RETRYING" } });
    await sendNotificationEmailJob.run(
      { notificationId: notification.id },
      { db, jobId: "again", attempt: 3, maxAttempts: 8, log: () => {} },
    );
    expect(received).toHaveLength(1);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).state).toBe("SENT");
  });

  it("sends nothing and queues nothing without SMTP_URL", async () => {
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const jobsBefore = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs`;
      await comment("第八条意见");
      const latest = await db.notification.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      expect(latest.emailVia).toBeNull();
      const jobsAfter = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs`;
      expect(jobsAfter[0]!.n).toBe(jobsBefore[0]!.n);
      expect((await getEmailPreferences(team.users.EDITOR.id)).mailEnabled).toBe(false);
    } finally {
      process.env.SMTP_URL = saved;
    }
  });
});
