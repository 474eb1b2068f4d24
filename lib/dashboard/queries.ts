// The review at a glance: items per stage, each member's assigned work by stage and recent activity,
// items per theme, and screening work waiting. Counted in SQL so the page stays quick at 10,000 items.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";

const RECENT_DAYS = 7;

export async function getDashboard(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const since = new Date(Date.now() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const [
    stages,
    stageCounts,
    members,
    assigned,
    assignedItems,
    votes,
    recentChanges,
    themes,
    themeCounts,
    screening,
    trashed,
  ] = await Promise.all([
    db().reviewStage.findMany({
      where: { reviewId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, kind: true },
    }),
    db().reviewItem.groupBy({ by: ["stageId"], where: { reviewId, deletedAt: null }, _count: { _all: true } }),
    db().membership.findMany({
      where: { reviewId },
      orderBy: { createdAt: "asc" },
      select: { role: true, user: { select: { id: true, name: true } } },
    }),
    db().$queryRaw<{ userId: string; stageId: string; count: bigint }[]>`
        SELECT a."userId", i."stageId", count(*) AS count
        FROM "ItemAssignment" a JOIN "ReviewItem" i ON i.id = a."itemId"
        WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL
        GROUP BY a."userId", i."stageId"`,
    db().$queryRaw<{ count: bigint }[]>`
        SELECT count(DISTINCT a."itemId") AS count
        FROM "ItemAssignment" a JOIN "ReviewItem" i ON i.id = a."itemId"
        WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL`,
    db().$queryRaw<{ userId: string; count: bigint }[]>`
        SELECT v."userId", count(*) AS count
        FROM "ScreeningVote" v JOIN "ReviewItem" i ON i.id = v."itemId"
        WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL
        GROUP BY v."userId"`,
    db().$queryRaw<{ userId: string; count: bigint }[]>`
        SELECT c."changedById" AS "userId", count(*) AS count
        FROM "StatusChange" c JOIN "ReviewItem" i ON i.id = c."itemId"
        WHERE i."reviewId" = ${reviewId} AND c."createdAt" >= ${since} AND c."changedById" IS NOT NULL
          AND c."fromStageId" IS NOT NULL
        GROUP BY c."changedById"`,
    db().theme.findMany({
      where: { reviewId, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, color: true },
    }),
    db().$queryRaw<{ themeId: string; count: bigint }[]>`
        SELECT t."themeId", count(*) AS count
        FROM "ItemTheme" t JOIN "ReviewItem" i ON i.id = t."itemId"
        WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL
        GROUP BY t."themeId"`,
    db().reviewItem.groupBy({
      by: ["screeningState"],
      where: { reviewId, deletedAt: null },
      _count: { _all: true },
    }),
    db().reviewItem.count({ where: { reviewId, deletedAt: { not: null } } }),
  ]);

  const perStage = new Map(stageCounts.map((row) => [row.stageId, row._count._all]));
  const total = stageCounts.reduce((sum, row) => sum + row._count._all, 0);
  const voteCount = new Map(votes.map((row) => [row.userId, Number(row.count)]));
  const changeCount = new Map(recentChanges.map((row) => [row.userId, Number(row.count)]));
  const themeCount = new Map(themeCounts.map((row) => [row.themeId, Number(row.count)]));
  const screeningCount = new Map(screening.map((row) => [row.screeningState, row._count._all]));

  return {
    role: access.role,
    total,
    trashed,
    recentDays: RECENT_DAYS,
    stages: stages.map((stage) => ({ ...stage, count: perStage.get(stage.id) ?? 0 })),
    members: members.map(({ role, user }) => {
      const byStage = new Map(
        assigned.filter((row) => row.userId === user.id).map((row) => [row.stageId, Number(row.count)]),
      );
      return {
        id: user.id,
        name: user.name,
        role,
        assignedByStage: stages.map((stage) => ({ stageId: stage.id, count: byStage.get(stage.id) ?? 0 })),
        assigned: [...byStage.values()].reduce((sum, n) => sum + n, 0),
        votes: voteCount.get(user.id) ?? 0,
        recentChanges: changeCount.get(user.id) ?? 0,
      };
    }),
    unassigned: total - Number(assignedItems[0]?.count ?? 0),
    themes: themes.map((theme) => ({ ...theme, items: themeCount.get(theme.id) ?? 0 })),
    screening: {
      unscreened: screeningCount.get("UNSCREENED") ?? 0,
      inProgress: screeningCount.get("IN_PROGRESS") ?? 0,
      conflicts: screeningCount.get("CONFLICT") ?? 0,
      included: screeningCount.get("INCLUDED") ?? 0,
      excluded: screeningCount.get("EXCLUDED") ?? 0,
    },
  };
}

/**
 * Writing beside screening: the synthesis sections per status, and each open comment round with the comments and
 * suggested edits still waiting for an answer.
 */
export async function getWritingProgress(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const [statusCounts, rounds, waiting] = await Promise.all([
    db().synthesisSection.groupBy({
      by: ["status"],
      where: { reviewId, deletedAt: null },
      _count: { _all: true },
    }),
    db().commentRound.findMany({
      where: { reviewId, state: "OPEN" },
      orderBy: { number: "asc" },
      select: { id: true, number: true, title: true, dueAt: true, _count: { select: { sections: true } } },
    }),
    db().$queryRaw<{ roundId: string | null; comments: bigint; suggestions: bigint }[]>`
        SELECT t."roundId",
               count(*) FILTER (WHERE t."suggestion" IS NULL AND t."state" = 'OPEN') AS comments,
               count(*) FILTER (WHERE t."suggestion" IS NOT NULL AND t."suggestionState" = 'PENDING') AS suggestions
        FROM "CommentThread" t JOIN "SynthesisSection" s ON s.id = t."sectionId"
        WHERE t."reviewId" = ${reviewId} AND t."deletedAt" IS NULL AND s."deletedAt" IS NULL
        GROUP BY t."roundId"`,
  ]);
  const byStatus = new Map(statusCounts.map((row) => [row.status, row._count._all]));
  const waitingIn = new Map(waiting.map((row) => [row.roundId, row]));
  const statuses = (["DRAFTING", "READY_FOR_REVIEW", "REVISED", "APPROVED"] as const).map((status) => ({
    status,
    count: byStatus.get(status) ?? 0,
  }));
  return {
    sections: statuses,
    sectionTotal: statuses.reduce((sum, row) => sum + row.count, 0),
    rounds: rounds.map((round) => ({
      id: round.id,
      number: round.number,
      title: round.title,
      dueAt: round.dueAt,
      sections: round._count.sections,
      openComments: Number(waitingIn.get(round.id)?.comments ?? 0),
      pendingSuggestions: Number(waitingIn.get(round.id)?.suggestions ?? 0),
    })),
    openComments: waiting.reduce((sum, row) => sum + Number(row.comments), 0),
    pendingSuggestions: waiting.reduce((sum, row) => sum + Number(row.suggestions), 0),
  };
}
