import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const BOARD_COLUMN_SIZE = 50;
export const BOARD_EXPANDED_SIZE = 500;

/**
 * The board: every stage as a column with its exact count and its most recently touched cards. Columns are
 * capped so a review of 10,000 items still renders quickly; "expanded" columns show more.
 */
export async function getBoard(
  access: ReviewAccess,
  options: { mine?: boolean; expanded?: string[]; theme?: string } = {},
) {
  const { userId, reviewId } = access.require("review.read");
  const where: Prisma.ReviewItemWhereInput = {
    reviewId,
    deletedAt: null,
    ...(options.mine ? { assignments: { some: { userId } } } : {}),
    ...(options.theme ? { themes: { some: { themeId: options.theme } } } : {}),
  };
  const [stages, counts] = await Promise.all([
    db().reviewStage.findMany({
      where: { reviewId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, kind: true },
    }),
    db().reviewItem.groupBy({ by: ["stageId"], where, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((row) => [row.stageId, row._count._all]));
  const columns = await Promise.all(
    stages.map(async (stage) => {
      const limit = options.expanded?.includes(stage.id) ? BOARD_EXPANDED_SIZE : BOARD_COLUMN_SIZE;
      const cards = await db().reviewItem.findMany({
        where: { ...where, stageId: stage.id },
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        take: limit,
        select: {
          id: true,
          titleZh: true,
          titleEn: true,
          year: true,
          authors: {
            where: { role: "AUTHOR" },
            orderBy: { position: "asc" },
            take: 1,
            select: { nameZh: true, nameEn: true },
          },
          assignments: { select: { user: { select: { id: true, name: true } } } },
          themes: { select: { theme: { select: { id: true, nameZh: true, nameEn: true, color: true } } } },
        },
      });
      return { stage, count: countOf.get(stage.id) ?? 0, limit, cards };
    }),
  );
  return { role: access.role, columns };
}
