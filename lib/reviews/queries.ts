import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";

/** The reviews the user belongs to, with their role, most recently changed first. */
export async function listMyReviews(userId: string) {
  const memberships = await db().membership.findMany({
    where: { userId },
    include: {
      review: {
        select: {
          id: true,
          titleZh: true,
          titleEn: true,
          createdAt: true,
          updatedAt: true,
          _count: { select: { items: { where: { deletedAt: null } }, memberships: true } },
        },
      },
    },
    orderBy: { review: { updatedAt: "desc" } },
  });
  return memberships.map((m) => ({ role: m.role, ...m.review }));
}

export async function getReview(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const review = await db().review.findUniqueOrThrow({
    where: { id: reviewId },
    select: { id: true, titleZh: true, titleEn: true, descriptionZh: true, descriptionEn: true },
  });
  return { ...review, role: access.role };
}
