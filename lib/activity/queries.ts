import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";

export async function listActivity(userId: string, reviewId: string, limit = 100) {
  await authorize(userId, reviewId, "activity.read");
  return db().activityEvent.findMany({
    where: { reviewId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { actor: { select: { id: true, name: true } } },
  });
}
