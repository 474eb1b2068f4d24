// Writes a whole review into one backup document (backup-format.ts): read in one repeatable-read transaction
// so the file is a consistent picture even while people keep working.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, type Backup } from "./backup-format";

/** The review's backup, for its owner. */
export async function exportBackup(access: ReviewAccess, now = new Date()): Promise<Backup> {
  const { reviewId } = access.require("review.backup");
  return db().$transaction((tx) => readBackup(tx, reviewId, now), {
    isolationLevel: "RepeatableRead",
    timeout: 120_000,
  });
}

const byTime = [{ createdAt: "asc" as const }, { id: "asc" as const }];

export async function readBackup(tx: Transaction, reviewId: string, now = new Date()): Promise<Backup> {
  const review = await tx.review.findUniqueOrThrow({ where: { id: reviewId } });
  const inReview = { reviewId };
  const ofItems = { item: inReview };
  const [
    members,
    stages,
    exclusionReasons,
    items,
    itemAssignments,
    statusChanges,
    screeningVotes,
    screeningDecisions,
    themes,
    itemThemes,
    codings,
    codingThemes,
    sections,
    sectionDocuments,
    sectionVersions,
    rounds,
    roundSections,
    threads,
    comments,
    activity,
    files,
    screeningStops,
  ] = await Promise.all([
    tx.membership.findMany({ where: inReview, orderBy: byTime }),
    tx.reviewStage.findMany({ where: inReview, orderBy: byTime }),
    tx.exclusionReason.findMany({ where: inReview, orderBy: byTime }),
    tx.reviewItem.findMany({
      where: inReview,
      orderBy: byTime,
      include: { authors: { orderBy: [{ role: "asc" }, { position: "asc" }] } },
    }),
    tx.itemAssignment.findMany({
      where: ofItems,
      orderBy: [{ createdAt: "asc" }, { itemId: "asc" }, { userId: "asc" }],
    }),
    tx.statusChange.findMany({ where: ofItems, orderBy: byTime }),
    tx.screeningVote.findMany({ where: ofItems, orderBy: byTime }),
    tx.screeningDecision.findMany({ where: ofItems, orderBy: [{ createdAt: "asc" }, { itemId: "asc" }] }),
    tx.theme.findMany({ where: inReview, orderBy: byTime }),
    tx.itemTheme.findMany({ where: ofItems, orderBy: [{ createdAt: "asc" }, { itemId: "asc" }, { themeId: "asc" }] }),
    tx.coding.findMany({ where: inReview, orderBy: byTime }),
    tx.codingTheme.findMany({ where: { coding: inReview }, orderBy: [{ codingId: "asc" }, { themeId: "asc" }] }),
    tx.synthesisSection.findMany({ where: inReview, orderBy: byTime }),
    tx.sectionDocument.findMany({ where: { section: inReview }, orderBy: { sectionId: "asc" } }),
    tx.sectionVersion.findMany({ where: { section: inReview }, orderBy: byTime }),
    tx.commentRound.findMany({ where: inReview, orderBy: { number: "asc" } }),
    tx.roundSection.findMany({ where: { round: inReview }, orderBy: [{ roundId: "asc" }, { sectionId: "asc" }] }),
    tx.commentThread.findMany({ where: inReview, orderBy: byTime }),
    tx.comment.findMany({ where: { thread: inReview }, orderBy: byTime }),
    tx.activityEvent.findMany({ where: inReview, orderBy: byTime }),
    tx.itemFile.findMany({ where: inReview, orderBy: byTime }),
    tx.screeningStop.findMany({ where: inReview, orderBy: byTime }),
  ]);

  // Everyone the review names, so restore can find them again by email.
  const userIds = new Set<string>();
  const note = (...ids: (string | null)[]) => ids.forEach((userId) => userId && userIds.add(userId));
  members.forEach((row) => note(row.userId));
  items.forEach((row) => note(row.createdById, row.deletedById));
  itemAssignments.forEach((row) => note(row.userId, row.assignedById));
  statusChanges.forEach((row) => note(row.changedById));
  screeningVotes.forEach((row) => note(row.userId));
  screeningDecisions.forEach((row) => note(row.resolvedById));
  screeningStops.forEach((row) => note(row.stoppedById));
  itemThemes.forEach((row) => note(row.taggedById));
  codings.forEach((row) => note(row.createdById));
  sections.forEach((row) => note(row.ownerId, row.createdById, row.deletedById));
  sectionDocuments.forEach((row) => note(row.updatedById));
  sectionVersions.forEach((row) => note(row.createdById));
  rounds.forEach((row) => note(row.openedById, row.closedById));
  threads.forEach((row) => note(row.createdById, row.decidedById));
  comments.forEach((row) => note(row.authorId, ...row.mentions));
  activity.forEach((row) => note(row.actorId));
  files.forEach((row) => note(row.createdById));
  const people = await tx.user.findMany({
    where: { id: { in: [...userIds] } },
    select: { id: true, email: true, name: true },
    orderBy: { email: "asc" },
  });
  const known = new Set(people.map((person) => person.id));

  const document = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    review: {
      id: review.id,
      titleZh: review.titleZh,
      titleEn: review.titleEn,
      descriptionZh: review.descriptionZh,
      descriptionEn: review.descriptionEn,
      screeningVotesRequired: review.screeningVotesRequired,
      screeningStopRule: review.screeningStopRule,
      screeningStopValue: review.screeningStopValue,
      screeningHighlights: review.screeningHighlights,
      citationStyle: review.citationStyle,
      createdAt: review.createdAt,
      updatedAt: review.updatedAt,
    },
    people,
    members: members.map(({ userId, role, createdAt, updatedAt }) => ({ userId, role, createdAt, updatedAt })),
    stages: stages.map(({ reviewId: _, ...row }) => row),
    exclusionReasons: exclusionReasons.map(({ reviewId: _, ...row }) => row),
    items: items.map(({ reviewId: _, authors, ...row }) => ({
      ...row,
      authors: authors.map(({ id: _id, itemId: _itemId, ...author }) => author),
    })),
    itemAssignments,
    statusChanges,
    screeningVotes,
    screeningDecisions,
    screeningStops: screeningStops.map(({ reviewId: _, ...row }) => row),
    themes: themes.map(({ reviewId: _, ...row }) => row),
    itemThemes,
    codings: codings.map(({ reviewId: _, ...row }) => row),
    codingThemes,
    sections: sections.map(({ reviewId: _, ...row }) => row),
    sectionDocuments,
    sectionVersions,
    rounds: rounds.map(({ reviewId: _, ...row }) => row),
    roundSections,
    threads: threads.map(({ reviewId: _, ...row }) => row),
    // A mention of an account that no longer exists points nowhere; it is left out.
    comments: comments.map((row) => ({ ...row, mentions: row.mentions.filter((userId) => known.has(userId)) })),
    activity: activity.map(({ reviewId: _, ...row }) => row),
    files: files.map(({ reviewId: _, ...row }) => row),
  };
  // Validating our own output keeps the writer and the reader of the format from drifting apart.
  return backupSchema.parse(toJson(document));
}

/** Dates as ISO strings and binary (Yjs state) as base64: the document is plain JSON. */
function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJson(entry)]));
  }
  return value;
}
