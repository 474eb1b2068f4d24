import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/client";
import type { ReviewRole } from "@/lib/db/generated/enums";
import { createReviewIn } from "@/lib/reviews/commands";

export async function createUser(db: Database, name = "user"): Promise<{ id: string; email: string }> {
  const email = `${name}-${randomBytes(4).toString("hex")}@test.huitong`;
  // A placeholder hash: these users never sign in with a password.
  return db.user.create({ data: { email, name, passwordHash: "x" }, select: { id: true, email: true } });
}

/** A review with one member per role and one item, as the authorization matrix needs. */
export async function createReviewWithTeam(db: Database, label = "review") {
  const users = {} as Record<ReviewRole, { id: string; email: string }>;
  for (const role of ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"] as const) {
    users[role] = await createUser(db, `${label}-${role.toLowerCase()}`);
  }
  const review = await db.$transaction((tx) =>
    createReviewIn(tx, users.OWNER.id, { titleZh: `${label} 综述`, titleEn: null }),
  );
  for (const role of ["EDITOR", "SUPERVISOR", "VIEWER"] as const) {
    await db.membership.create({ data: { reviewId: review.id, userId: users[role].id, role } });
  }
  const stages = await db.reviewStage.findMany({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
  const item = await db.reviewItem.create({
    data: { reviewId: review.id, stageId: stages[0]!.id, titleZh: `${label} 文献`, sourceKind: "MANUAL" },
  });
  const memberships = await db.membership.findMany({ where: { reviewId: review.id } });
  return { reviewId: review.id, users, stages, itemId: item.id, memberships };
}
