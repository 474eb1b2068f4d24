import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { treeOrder } from "./tree";

/** Every theme of the review with how many live items carry it and how many passages are coded with it. */
export async function listCodebook(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const [themes, tagCounts, passageCounts] = await Promise.all([
    db().theme.findMany({
      where: { reviewId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: { mergedInto: { select: { id: true, nameZh: true, nameEn: true } } },
    }),
    db().$queryRaw<{ themeId: string; count: bigint }[]>`
      SELECT t."themeId", count(*) AS count FROM "ItemTheme" t JOIN "ReviewItem" i ON i.id = t."itemId"
      WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL GROUP BY t."themeId"`,
    db().$queryRaw<{ themeId: string; count: bigint }[]>`
      SELECT ct."themeId", count(*) AS count FROM "CodingTheme" ct
      JOIN "Coding" c ON c.id = ct."codingId" JOIN "ReviewItem" i ON i.id = c."itemId"
      WHERE c."reviewId" = ${reviewId} AND i."deletedAt" IS NULL GROUP BY ct."themeId"`,
  ]);
  const tags = new Map(tagCounts.map((row) => [row.themeId, Number(row.count)]));
  const passages = new Map(passageCounts.map((row) => [row.themeId, Number(row.count)]));
  const withCounts = themes.map((theme) => ({
    ...theme,
    itemCount: tags.get(theme.id) ?? 0,
    passageCount: passages.get(theme.id) ?? 0,
  }));
  return {
    role: access.role,
    live: treeOrder(withCounts.filter((theme) => !theme.archivedAt)),
    archived: withCounts.filter((theme) => theme.archivedAt),
  };
}
