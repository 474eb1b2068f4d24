import type { ReviewAccess } from "@/lib/authz/authorize";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ScreeningState } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { listExclusionReasons } from "@/lib/stages/queries";
import { agreedExclusionReason, isFullTextUnavailableReason, votesRevealed } from "./outcome";

const ITEM_FIELDS = {
  id: true,
  titleZh: true,
  titleEn: true,
  journalZh: true,
  journalEn: true,
  year: true,
  keywordsZh: true,
  keywordsEn: true,
  abstractZh: true,
  abstractEn: true,
  screeningState: true,
  authors: {
    where: { role: "AUTHOR" as const },
    orderBy: { position: "asc" as const },
    select: { nameZh: true, nameEn: true },
  },
  screeningScore: { select: { score: true, terms: true } },
};

export type ScreeningOrder = "relevance" | "added";

const VOTE_FIELDS = {
  choice: true,
  reasonId: true,
  note: true,
  updatedAt: true,
  user: { select: { id: true, name: true } },
  reason: { select: { labelZh: true, labelEn: true } },
};

/** The review's highlight words (set on the screening desk), marked wherever its papers are read. */
export async function getHighlightTerms(access: ReviewAccess): Promise<string[]> {
  const { reviewId } = access.require("review.read");
  const review = await db().review.findUniqueOrThrow({
    where: { id: reviewId },
    select: { screeningHighlights: true },
  });
  return review.screeningHighlights;
}

/**
 * The screening desk: progress, the item in front of the reader (the one asked for, or the next awaiting their
 * vote), their own vote on it, and — only once the required votes are in — everyone's votes.
 */
export async function getScreeningDesk(
  access: ReviewAccess,
  options: { itemId?: string; after?: string; order?: ScreeningOrder } = {},
) {
  const { itemId } = options;
  const { userId, reviewId } = access.require("review.read");
  const [review, stateCounts, myVotes, reasons, ranking] = await Promise.all([
    db().review.findUniqueOrThrow({
      where: { id: reviewId },
      select: { screeningVotesRequired: true, screeningHighlights: true },
    }),
    db().reviewItem.groupBy({
      by: ["screeningState"],
      where: { reviewId, deletedAt: null },
      _count: { _all: true },
    }),
    db().screeningVote.count({ where: { userId, item: { reviewId, deletedAt: null } } }),
    listExclusionReasons(access),
    db().screeningRanking.findUnique({ where: { reviewId }, select: { trainedAt: true } }),
  ]);
  // Relevance order is the default once the model has seen an inclusion and an exclusion.
  const order: ScreeningOrder = ranking ? (options.order ?? "relevance") : "added";
  const counts = Object.fromEntries(stateCounts.map((row) => [row.screeningState, row._count._all])) as Partial<
    Record<ScreeningState, number>
  >;
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const awaitingMine: Prisma.ReviewItemWhereInput = {
    reviewId,
    deletedAt: null,
    screeningState: { in: ["UNSCREENED", "IN_PROGRESS"] },
    screeningVotes: { none: { userId } },
  };
  const [remainingForMe, current] = await Promise.all([
    db().reviewItem.count({ where: awaitingMine }),
    itemId
      ? db().reviewItem.findFirst({ where: { id: itemId, reviewId, deletedAt: null }, select: ITEM_FIELDS })
      : order === "relevance"
        ? nextByRelevance(reviewId, userId, options.after)
        : nextAwaiting(awaitingMine, options.after),
  ]);
  if (itemId && !current) throw new AppError("NOT_FOUND", `item ${itemId} not in review ${reviewId}`);
  const hasFullText = current ? await fullTextStored(current.id) : false;
  let votes: {
    mine: Awaited<ReturnType<typeof loadVotes>>[number] | null;
    others: Awaited<ReturnType<typeof loadVotes>>;
    count: number;
    revealed: boolean;
  } | null = null;
  if (current) {
    const all = await loadVotes(current.id);
    const revealed = votesRevealed(current.screeningState, all.length, review.screeningVotesRequired);
    votes = {
      mine: all.find((vote) => vote.user.id === userId) ?? null,
      // Blindness is decided here, on the server: hidden votes never reach the page.
      others: revealed ? all.filter((vote) => vote.user.id !== userId) : [],
      count: all.length,
      revealed,
    };
  }
  const recent = await db().screeningVote.findMany({
    where: { userId, item: { reviewId, deletedAt: null } },
    orderBy: { updatedAt: "desc" },
    take: 8,
    select: { choice: true, item: { select: { id: true, titleZh: true, titleEn: true, screeningState: true } } },
  });
  return {
    role: access.role,
    canVote: can(access.role, "screening.vote"),
    required: review.screeningVotesRequired,
    counts,
    total,
    myVotes,
    remainingForMe,
    current: current ? { ...current, hasFullText } : null,
    votes,
    reasons: reasons.map((reason) => ({ ...reason, fullTextUnavailable: isFullTextUnavailableReason(reason) })),
    highlights: review.screeningHighlights,
    canEditHighlights: can(access.role, "screening.vote"),
    recent,
    ranking: { available: !!ranking, trainedAt: ranking?.trainedAt ?? null, order },
  };
}

/**
 * The next record awaiting the reader's vote, most probably relevant first; records added since the last retrain
 * (no score yet) come after the scored ones. "after" skips past one in the same order, wrapping round.
 */
async function nextByRelevance(reviewId: string, userId: string, after?: string) {
  // Ordered by (−score, createdAt, id) so a row comparison finds the record after a skipped one.
  const rows = await db().$queryRaw<{ id: string }[]>`
    WITH awaiting AS (
      SELECT i.id, -COALESCE(s.score, -1) AS rank, i."createdAt"
        FROM "ReviewItem" i
        LEFT JOIN "ScreeningScore" s ON s."itemId" = i.id
       WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL
         AND i."screeningState" IN ('UNSCREENED', 'IN_PROGRESS')
         AND NOT EXISTS (SELECT 1 FROM "ScreeningVote" v WHERE v."itemId" = i.id AND v."userId" = ${userId})
    ), skipped AS (
      SELECT -COALESCE(s.score, -1) AS rank, i."createdAt", i.id
        FROM "ReviewItem" i LEFT JOIN "ScreeningScore" s ON s."itemId" = i.id
       WHERE i.id = ${after ?? ""} AND i."reviewId" = ${reviewId}
    )
    SELECT id FROM (
      (SELECT a.id, 0 AS pass, a.rank, a."createdAt" FROM awaiting a, skipped k
        WHERE (a.rank, a."createdAt", a.id) > (k.rank, k."createdAt", k.id)
        ORDER BY a.rank, a."createdAt", a.id LIMIT 1)
      UNION ALL
      (SELECT a.id, 1 AS pass, a.rank, a."createdAt" FROM awaiting a ORDER BY a.rank, a."createdAt", a.id LIMIT 1)
    ) candidates
    ORDER BY pass LIMIT 1`;
  const next = rows[0];
  if (!next) return null;
  return db().reviewItem.findUnique({ where: { id: next.id }, select: ITEM_FIELDS });
}

/** The next item awaiting the reader's vote, in the order items were added; "after" skips past one, wrapping round. */
async function nextAwaiting(where: Prisma.ReviewItemWhereInput, after?: string) {
  const order = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  const skipped = after
    ? await db().reviewItem.findUnique({ where: { id: after }, select: { id: true, createdAt: true } })
    : null;
  if (skipped) {
    const later = await db().reviewItem.findFirst({
      where: {
        AND: [
          where,
          { OR: [{ createdAt: { gt: skipped.createdAt } }, { createdAt: skipped.createdAt, id: { gt: skipped.id } }] },
        ],
      },
      orderBy: order,
      select: ITEM_FIELDS,
    });
    if (later) return later;
  }
  return db().reviewItem.findFirst({ where, orderBy: order, select: ITEM_FIELDS });
}

/** A full text typed or imported, or a PDF attached: either can be read before excluding for "no full text". */
async function fullTextStored(itemId: string): Promise<boolean> {
  const [text, files] = await Promise.all([
    db().reviewItem.count({ where: { id: itemId, fullText: { not: null }, NOT: { fullText: "" } } }),
    db().itemFile.count({ where: { itemId } }),
  ]);
  return text > 0 || files > 0;
}

function loadVotes(itemId: string) {
  return db().screeningVote.findMany({ where: { itemId }, orderBy: { createdAt: "asc" }, select: VOTE_FIELDS });
}

/** Items whose votes disagree, with every vote (they are all in, so none is hidden), and past rulings. */
export async function listScreeningConflicts(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const [conflicts, rulings, reasons] = await Promise.all([
    db().reviewItem.findMany({
      where: { reviewId, deletedAt: null, screeningState: "CONFLICT" },
      orderBy: { updatedAt: "asc" },
      take: 500,
      select: { ...ITEM_FIELDS, screeningVotes: { orderBy: { createdAt: "asc" }, select: VOTE_FIELDS } },
    }),
    db().screeningDecision.findMany({
      where: { wasConflict: true, item: { reviewId, deletedAt: null } },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: {
        choice: true,
        note: true,
        createdAt: true,
        resolvedBy: { select: { name: true } },
        reason: { select: { labelZh: true, labelEn: true } },
        item: { select: { id: true, titleZh: true, titleEn: true } },
      },
    }),
    listExclusionReasons(access),
  ]);
  return {
    role: access.role,
    canResolve: can(access.role, "screening.resolve"),
    // The ruling form starts with no decision; only the reason the excluding voters agree on is pre-filled.
    conflicts: conflicts.map((item) => ({ ...item, agreedReasonId: agreedExclusionReason(item.screeningVotes) })),
    rulings,
    reasons,
  };
}

export async function countScreeningConflicts(access: ReviewAccess): Promise<number> {
  const { reviewId } = access.require("review.read");
  return db().reviewItem.count({ where: { reviewId, deletedAt: null, screeningState: "CONFLICT" } });
}
