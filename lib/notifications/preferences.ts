// A person's e-mail choices per kind of notification (immediately, in a daily digest, never), the language
// their e-mails are written in, and the signed one-click unsubscribe that works without signing in.
import { z } from "zod";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import type { NotificationDelivery, NotificationKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { mailSettings, verifyLink } from "./mail-settings";
import { notificationKinds, notificationRules } from "./rules";

const delivery = z.enum(["IMMEDIATE", "DIGEST", "NEVER"]);
const kind = z.enum(notificationKinds as [NotificationKind, ...NotificationKind[]]);

export interface EmailPreferences {
  email: string;
  locale: "zh" | "en" | null;
  /** Whether this installation sends e-mail at all (SMTP_URL is set). */
  mailEnabled: boolean;
  kinds: { kind: NotificationKind; delivery: NotificationDelivery }[];
}

export async function getEmailPreferences(userId: string): Promise<EmailPreferences> {
  if (!userId) throw new AppError("UNAUTHENTICATED");
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { email: true, locale: true, notificationPreferences: { select: { kind: true, delivery: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", `user ${userId}`);
  const chosen = new Map(user.notificationPreferences.map((entry) => [entry.kind, entry.delivery]));
  return {
    email: user.email,
    locale: user.locale === "zh" || user.locale === "en" ? user.locale : null,
    mailEnabled: !!mailSettings(),
    kinds: notificationKinds.map((entry) => ({
      kind: entry,
      delivery: chosen.get(entry) ?? notificationRules[entry].defaultDelivery,
    })),
  };
}

export const emailPreferencesSchema = z.object({
  locale: z.enum(["zh", "en"]),
  kinds: z.array(z.object({ kind, delivery })).max(notificationKinds.length),
});

export async function saveEmailPreferences(userId: string, rawInput: unknown): Promise<void> {
  if (!userId) throw new AppError("UNAUTHENTICATED");
  const input = parseInput(emailPreferencesSchema, rawInput);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { locale: input.locale } });
    for (const entry of input.kinds) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind: entry.kind } },
        create: { userId, kind: entry.kind, delivery: entry.delivery },
        update: { delivery: entry.delivery },
      });
    }
  });
}

/** Remembers the UI language someone last chose, for the e-mails they will get. */
export async function rememberLocale(userId: string, locale: "zh" | "en"): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { locale } });
}

export const unsubscribeSchema = z.object({
  u: z.string().min(1).max(64),
  k: kind,
  s: z.string().min(10).max(200),
});

/** Checks a signed unsubscribe link; the kind it names, or null for a link that was not ours. */
export function readUnsubscribeLink(rawInput: unknown): { userId: string; kind: NotificationKind } | null {
  const parsed = unsubscribeSchema.safeParse(rawInput);
  if (!parsed.success) return null;
  const { u, k, s } = parsed.data;
  return verifyLink(s, "unsubscribe", u, k) ? { userId: u, kind: k } : null;
}

/** One click from an e-mail: that kind is never e-mailed again (until the person turns it back on). */
export async function unsubscribe(rawInput: unknown): Promise<{ kind: NotificationKind }> {
  const link = readUnsubscribeLink(rawInput);
  if (!link) throw new AppError("INVALID_INPUT", "unsubscribe link not valid");
  const user = await db().user.findUnique({ where: { id: link.userId }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `user ${link.userId}`);
  await db().notificationPreference.upsert({
    where: { userId_kind: { userId: link.userId, kind: link.kind } },
    create: { userId: link.userId, kind: link.kind, delivery: "NEVER" },
    update: { delivery: "NEVER" },
  });
  return { kind: link.kind };
}

/** Mail to a review's members that did not get through, for its owner to see in settings. */
export async function listEmailProblems(access: ReviewAccess) {
  const { reviewId } = access.require("members.manage");
  return db().emailMessage.findMany({
    where: {
      state: { in: ["RETRYING", "FAILED", "UNCERTAIN"] },
      notifications: { some: { reviewId } },
    },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: { id: true, toAddress: true, subject: true, state: true, error: true, attempts: true, updatedAt: true },
  });
}
