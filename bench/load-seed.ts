// The data bench:load and bench:page-cpu browse: signed-in users (all members of one review) and its items.
import { hashPassword } from "@/lib/auth/password";
import { connectDatabase } from "@/lib/db/client";
import { createReviewIn } from "@/lib/reviews/commands";
import { reindexAll } from "@/lib/search/indexer";

export const PASSWORD = "bench-load-password";
export const WORDS = [
  "党建引领",
  "基层治理",
  "韧性",
  "城乡融合",
  "跨域协同",
  "数字治理",
  "社区",
  "乡村振兴",
  "网格化",
  "共同体",
];
export const pick = <T>(values: readonly T[], i: number): T => values[i % values.length]!;

export async function seedLoad(url: string, { users: USERS, items: ITEMS }: { users: number; items: number }) {
  const db = connectDatabase(url);
  // One hash for everyone: argon2 is slow on purpose, and 200 of them would dominate the set-up.
  const passwordHash = await hashPassword(PASSWORD);
  const users: { id: string; email: string }[] = [];
  for (let i = 0; i < USERS; i++) {
    users.push(await db.user.create({ data: { email: `load${i}@huitong.bench`, name: `读者${i}`, passwordHash } }));
  }
  const review = await db.$transaction((tx) =>
    createReviewIn(tx, users[0]!.id, { titleZh: "负载基准", titleEn: null }),
  );
  await db.membership.createMany({
    data: users.slice(1).map((user) => ({ reviewId: review.id, userId: user.id, role: "EDITOR" as const })),
  });
  const stages = await db.reviewStage.findMany({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
  const ids: string[] = [];
  for (let start = 0; start < ITEMS; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, ITEMS - start) }, (_, k) => {
      const i = start + k;
      return {
        id: `load${String(i).padStart(6, "0")}`,
        reviewId: review.id,
        stageId: pick(stages, i).id,
        titleZh: `${pick(WORDS, i)}视角下的${pick(WORDS, i * 7 + 3)}研究（${i}）`,
        year: 2000 + (i % 26),
        keywordsZh: [pick(WORDS, i), pick(WORDS, i + 4)],
        abstractZh: `本文讨论${pick(WORDS, i)}与${pick(WORDS, i + 2)}的关系。`.repeat(8),
        sourceKind: "DATABASE_EXPORT" as const,
      };
    });
    await db.reviewItem.createMany({ data: batch });
    ids.push(...batch.map((item) => item.id));
  }
  await reindexAll(db);
  await db.$disconnect();
  return { reviewId: review.id, emails: users.map((user) => user.email), ids };
}
