// A member's inbox: their notifications from reviews they still belong to, newest first, and marking them
// read. Every query is scoped by the recipient and by membership, so nobody reads anyone else's inbox.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";

function mine(userId: string) {
  if (!userId) throw new AppError("UNAUTHENTICATED");
  return { userId, review: { memberships: { some: { userId } } } };
}

export async function countUnread(userId: string): Promise<number> {
  return db().notification.count({ where: { ...mine(userId), readAt: null } });
}

export const inboxFilterSchema = z.object({
  unread: z.boolean().default(false),
  take: z.number().int().min(1).max(200).default(100),
});

export async function listNotifications(userId: string, rawFilter: unknown = {}) {
  const filter = parseInput(inboxFilterSchema, rawFilter);
  return db().notification.findMany({
    where: { ...mine(userId), ...(filter.unread ? { readAt: null } : {}) },
    orderBy: { createdAt: "desc" },
    take: filter.take,
    select: {
      id: true,
      kind: true,
      link: true,
      data: true,
      readAt: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
      review: { select: { id: true, titleZh: true, titleEn: true } },
    },
  });
}

/** One of the caller's notifications, or null: someone else's id finds nothing. */
export async function findNotification(userId: string, id: string) {
  return db().notification.findFirst({ where: { ...mine(userId), id }, select: { id: true, link: true } });
}

export type InboxNotification = Awaited<ReturnType<typeof listNotifications>>[number];

export const markReadSchema = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) });

/** Marks the given notifications read; ids that are not the caller's are ignored, never touched. */
export async function markRead(userId: string, rawInput: unknown): Promise<{ marked: number }> {
  const input = parseInput(markReadSchema, rawInput);
  const result = await db().notification.updateMany({
    where: { ...mine(userId), id: { in: input.ids }, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: result.count };
}

export async function markAllRead(userId: string): Promise<{ marked: number }> {
  const result = await db().notification.updateMany({
    where: { ...mine(userId), readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: result.count };
}
