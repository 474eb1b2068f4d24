import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { missingFields } from "./missing-metadata";

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
