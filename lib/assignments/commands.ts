import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { can } from "@/lib/authz/policy";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { links, notify } from "@/lib/notifications/notify";
import { parseInput } from "@/lib/validation";
import { MAX_BULK_ITEMS } from "@/lib/workflow/commands";

const id = z.string().min(1).max(64);

export const assignItemsSchema = z.object({
  reviewId: id,
  itemIds: z.array(id).min(1).max(MAX_BULK_ITEMS),
  userIds: z.array(id).max(50),
  /** add: keep current assignees and add these · remove: take these off · replace: exactly these. */
  mode: z.enum(["add", "remove", "replace"]),
});

/** Only members who may work on items can be given items. */
async function checkAssignees(tx: Transaction, reviewId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const members = await tx.membership.findMany({
    where: { reviewId, userId: { in: userIds } },
    select: { userId: true, role: true },
  });
  const workers = new Set(members.filter((m) => can(m.role, "item.changeStage")).map((m) => m.userId));
  const invalid = userIds.filter((userId) => !workers.has(userId));
  if (invalid.length) throw new AppError("ASSIGNEE_INVALID", `not assignable in ${reviewId}: ${invalid.join(", ")}`);
}

/** Assigns or unassigns members on many items in one transaction; returns how many links changed. */
export async function assignItems(
  access: ReviewAccess,
  rawInput: unknown,
): Promise<{ added: number; removed: number }> {
  const { userId } = access;
  const input = parseInput(assignItemsSchema, rawInput);
  const itemIds = [...new Set(input.itemIds)];
  const userIds = [...new Set(input.userIds)];
  return db().$transaction(
    async (tx) => {
      await confirmAccess(access, "item.assign", tx, input.reviewId);
      if (input.mode !== "remove") await checkAssignees(tx, input.reviewId, userIds);
      const found = await tx.reviewItem.count({
        where: { id: { in: itemIds }, reviewId: input.reviewId, deletedAt: null },
      });
      if (found !== itemIds.length)
        throw new AppError("NOT_FOUND", "some items are not in this review or are in the trash");

      let removed = 0;
      if (input.mode === "remove") {
        removed = (await tx.itemAssignment.deleteMany({ where: { itemId: { in: itemIds }, userId: { in: userIds } } }))
          .count;
      } else if (input.mode === "replace") {
        removed = (
          await tx.itemAssignment.deleteMany({ where: { itemId: { in: itemIds }, userId: { notIn: userIds } } })
        ).count;
      }
      const before =
        input.mode === "remove"
          ? []
          : await tx.itemAssignment.findMany({
              where: { itemId: { in: itemIds }, userId: { in: userIds } },
              select: { itemId: true, userId: true },
            });
      const added =
        input.mode === "remove"
          ? 0
          : (
              await tx.itemAssignment.createMany({
                data: itemIds.flatMap((itemId) =>
                  userIds.map((assignee) => ({ itemId, userId: assignee, assignedById: userId })),
                ),
                skipDuplicates: true,
              })
            ).count;
      if (added || removed) {
        await recordActivity(tx, {
          reviewId: input.reviewId,
          actorId: userId,
          kind: added ? "item.assigned" : "item.unassigned",
          subjectType: "item",
          subjectId: itemIds[0]!,
          data: { itemCount: itemIds.length, userIds, mode: input.mode, added, removed },
        });
      }
      if (added) await tellNewAssignees(tx, userId, input.reviewId, itemIds, userIds, before);
      return { added, removed };
    },
    { timeout: 120_000 },
  );
}

/** Each member given items hears once, about the items that are new to them. */
async function tellNewAssignees(
  tx: Transaction,
  actorId: string,
  reviewId: string,
  itemIds: string[],
  userIds: string[],
  before: { itemId: string; userId: string }[],
) {
  const had = new Set(before.map((entry) => `${entry.itemId}:${entry.userId}`));
  for (const assignee of userIds) {
    const fresh = itemIds.filter((itemId) => !had.has(`${itemId}:${assignee}`));
    if (fresh.length === 0) continue;
    const first = await tx.reviewItem.findUnique({
      where: { id: fresh[0]! },
      select: { titleZh: true, titleEn: true },
    });
    await notify(tx, {
      reviewId,
      kind: "ITEM_ASSIGNED",
      actorId,
      subject: { itemIds: fresh, newAssignees: [assignee] },
      link: fresh.length === 1 ? links.item(reviewId, fresh[0]!) : links.queue(reviewId),
      data: { itemTitle: first?.titleZh ?? first?.titleEn ?? null, itemCount: fresh.length },
    });
  }
}
