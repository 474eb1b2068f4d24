import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { MAX_BULK_ITEMS } from "@/lib/workflow/commands";

const id = z.string().min(1).max(64);

export const tagItemsSchema = z.object({
  reviewId: id,
  itemIds: z.array(id).min(1).max(MAX_BULK_ITEMS),
  themeIds: z.array(id).min(1).max(50),
  mode: z.enum(["add", "remove"]),
});

/** Adds or removes themes on many items in one transaction; returns how many links changed. */
export async function tagItems(access: ReviewAccess, rawInput: unknown): Promise<{ changed: number }> {
  const { userId } = access;
  const input = parseInput(tagItemsSchema, rawInput);
  const itemIds = [...new Set(input.itemIds)];
  const themeIds = [...new Set(input.themeIds)];
  return db().$transaction(
    async (tx) => {
      await confirmAccess(access, "theme.tag", tx, input.reviewId);
      const [items, themes] = await Promise.all([
        tx.reviewItem.count({ where: { id: { in: itemIds }, reviewId: input.reviewId, deletedAt: null } }),
        tx.theme.count({ where: { id: { in: themeIds }, reviewId: input.reviewId, archivedAt: null } }),
      ]);
      if (items !== itemIds.length) throw new AppError("NOT_FOUND", "some items are not in this review");
      if (themes !== themeIds.length) throw new AppError("NOT_FOUND", "some themes are not in this review");
      const changed =
        input.mode === "add"
          ? (
              await tx.itemTheme.createMany({
                data: itemIds.flatMap((itemId) => themeIds.map((themeId) => ({ itemId, themeId, taggedById: userId }))),
                skipDuplicates: true,
              })
            ).count
          : (await tx.itemTheme.deleteMany({ where: { itemId: { in: itemIds }, themeId: { in: themeIds } } })).count;
      if (changed) {
        await recordActivity(tx, {
          reviewId: input.reviewId,
          actorId: userId,
          kind: "item.themesTagged",
          subjectType: "item",
          subjectId: itemIds[0]!,
          data: { itemCount: itemIds.length, themeIds, mode: input.mode, changed },
        });
      }
      return { changed };
    },
    { timeout: 120_000 },
  );
}
