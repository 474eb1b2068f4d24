import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { missingFields } from "./missing-metadata";

export async function listItems(userId: string, reviewId: string) {
  await authorize(userId, reviewId, "review.read");
  const items = await db().reviewItem.findMany({
    where: { reviewId, deletedAt: null },
    orderBy: [{ year: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      journalZh: true,
      journalEn: true,
      year: true,
      volume: true,
      issue: true,
      pages: true,
      keywordsZh: true,
      keywordsEn: true,
      abstractZh: true,
      abstractEn: true,
      funding: true,
      sourceKind: true,
      stage: { select: { id: true, nameZh: true, nameEn: true, kind: true } },
      authors: { select: { nameZh: true, nameEn: true }, orderBy: { position: "asc" } },
      themes: { select: { theme: { select: { id: true, nameZh: true, nameEn: true, color: true } } } },
    },
  });
  // Full texts are large; ask the database only whether one exists.
  const withText = new Set(
    (
      await db().reviewItem.findMany({
        where: { reviewId, deletedAt: null, fullText: { not: null } },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  return items.map((item) => ({
    ...item,
    themes: item.themes.map((link) => link.theme),
    missing: missingFields({ ...item, hasFullText: withText.has(item.id), authorCount: item.authors.length }),
  }));
}

export async function getItem(userId: string, reviewId: string, itemId: string) {
  const access = await authorize(userId, reviewId, "review.read");
  const item = await db().reviewItem.findFirst({
    where: { id: itemId, reviewId, deletedAt: null },
    include: {
      stage: true,
      authors: { orderBy: { position: "asc" } },
      themes: { include: { theme: true } },
    },
  });
  if (!item) throw new AppError("NOT_FOUND", `item ${itemId} not found in review ${reviewId}`);
  return {
    item: {
      ...item,
      themes: item.themes.map((link) => link.theme),
      missing: missingFields({ ...item, authorCount: item.authors.length }),
    },
    role: access.role,
  };
}
