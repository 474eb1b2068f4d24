// Restores a backup as a NEW review owned by the restoring user, in one transaction: every record gets a new
// id (ids inside JSON, the Yjs documents and activity data follow), so a backup can be restored next to its
// original, or twice. Only the person restoring becomes a member (the owner). Everybody else in the file is
// kept by name only, as a placeholder account of this restore that cannot sign in and is not a member, so
// their votes, codings and comments keep their author. Nobody is enrolled by their e-mail address: a file can
// name anyone, and whether an address has an account here must not show. The owner invites the others.
import { randomBytes } from "node:crypto";
import * as Y from "yjs";
import { recordActivity } from "@/lib/activity/record";
import { db, type Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { findNul } from "@/lib/http/nul";
import { insertReferenceRows, referenceRowsOf } from "@/lib/references/sync";
import { scheduleRankingRetrain } from "@/lib/screening/ranking/jobs";
import { SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, type Backup } from "./backup-format";

export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** What is wrong with a file that is refused; the edge words it in the user's language. */
export type BackupProblem =
  | { kind: "notJson"; detail: string }
  | { kind: "wrongFormat" }
  | { kind: "wrongVersion"; version: string }
  | { kind: "invalidContent"; problems: string[] }
  | { kind: "inconsistent"; problems: string[] }
  | { kind: "tooDeep"; max: number };

/**
 * Section documents nest two levels per node (a list inside a list inside a list…), so a real backup can go a
 * few dozen levels deep; thousands of levels are not a backup, and would overflow the stack of the schema
 * check and the database driver.
 */
export const MAX_BACKUP_DEPTH = 256;

/** The deepest nesting of arrays and objects in JSON text, counted without parsing (strings are skipped). */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return deepest;
}

const MAX_LISTED_PROBLEMS = 5;

function refuse(problem: BackupProblem): never {
  throw new AppError("BACKUP_INVALID", `backup refused: ${JSON.stringify(problem)}`, undefined, problem);
}

/** Reads and checks a backup file's text: JSON, the format and version, the schema, then its inner references. */
export function readBackupText(text: string): Backup {
  if (jsonDepth(text, MAX_BACKUP_DEPTH) > MAX_BACKUP_DEPTH) refuse({ kind: "tooDeep", max: MAX_BACKUP_DEPTH });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    refuse({ kind: "notJson", detail: error instanceof Error ? error.message : String(error) });
  }
  if (!raw || typeof raw !== "object" || (raw as Record<string, unknown>).format !== BACKUP_FORMAT) {
    refuse({ kind: "wrongFormat" });
  }
  const version = (raw as Record<string, unknown>).version;
  if (version !== BACKUP_VERSION) refuse({ kind: "wrongVersion", version: JSON.stringify(version ?? null) });
  const nulAt = findNul(raw);
  if (nulAt !== null) refuse({ kind: "invalidContent", problems: [`${nulAt}: holds a NUL character (U+0000)`] });
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    refuse({
      kind: "invalidContent",
      problems: parsed.error.issues
        .slice(0, MAX_LISTED_PROBLEMS)
        .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    });
  }
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) refuse({ kind: "inconsistent", problems: problems.slice(0, MAX_LISTED_PROBLEMS) });
  return parsed.data;
}

/** Every id the backup refers to must be a record it holds, and what the database keeps unique must be unique. */
export function checkReferences(backup: Backup): string[] {
  const problems: string[] = [];
  const idsOf = (table: string, rows: { id: string }[]) => {
    const ids = new Set<string>();
    for (const row of rows) {
      if (ids.has(row.id)) problems.push(`${table}: id ${row.id} occurs twice`);
      ids.add(row.id);
    }
    return ids;
  };
  const people = idsOf("people", backup.people);
  const stages = idsOf("stages", backup.stages);
  const reasons = idsOf("exclusionReasons", backup.exclusionReasons);
  const items = idsOf("items", backup.items);
  const changes = idsOf("statusChanges", backup.statusChanges);
  idsOf("screeningVotes", backup.screeningVotes);
  const themes = idsOf("themes", backup.themes);
  const codings = idsOf("codings", backup.codings);
  const sections = idsOf("sections", backup.sections);
  idsOf("sectionVersions", backup.sectionVersions);
  const rounds = idsOf("rounds", backup.rounds);
  const threads = idsOf("threads", backup.threads);
  idsOf("comments", backup.comments);
  idsOf("activity", backup.activity);

  const expect = (ids: Set<string>, table: string, field: string) => (value: string | null, at: number) => {
    if (value !== null && !ids.has(value)) problems.push(`${table}[${at}].${field}: ${value} is not in the backup`);
  };
  const check = <T>(rows: T[], table: string, fields: [keyof T & string, Set<string>][]) =>
    rows.forEach((row, at) => {
      for (const [field, ids] of fields) {
        const value = row[field] as unknown;
        if (Array.isArray(value)) value.forEach((entry: string) => expect(ids, table, field)(entry, at));
        else expect(ids, table, field)((value as string | null) ?? null, at);
      }
    });
  check(backup.members, "members", [["userId", people]]);
  check(backup.items, "items", [
    ["stageId", stages],
    ["exclusionReasonId", reasons],
    ["duplicateOfId", items],
    ["createdById", people],
    ["deletedById", people],
  ]);
  check(backup.itemAssignments, "itemAssignments", [
    ["itemId", items],
    ["userId", people],
    ["assignedById", people],
  ]);
  check(backup.statusChanges, "statusChanges", [
    ["itemId", items],
    ["fromStageId", stages],
    ["toStageId", stages],
    ["exclusionReasonId", reasons],
    ["revertsId", changes],
    ["changedById", people],
  ]);
  check(backup.screeningVotes, "screeningVotes", [
    ["itemId", items],
    ["userId", people],
    ["reasonId", reasons],
  ]);
  check(backup.screeningDecisions, "screeningDecisions", [
    ["itemId", items],
    ["reasonId", reasons],
    ["resolvedById", people],
  ]);
  check(backup.screeningStops, "screeningStops", [["stoppedById", people]]);
  check(backup.themes, "themes", [
    ["parentId", themes],
    ["mergedIntoId", themes],
  ]);
  check(backup.itemThemes, "itemThemes", [
    ["itemId", items],
    ["themeId", themes],
    ["taggedById", people],
  ]);
  check(backup.codings, "codings", [
    ["itemId", items],
    ["createdById", people],
  ]);
  check(backup.codingThemes, "codingThemes", [
    ["codingId", codings],
    ["themeId", themes],
  ]);
  check(backup.sections, "sections", [
    ["themeId", themes],
    ["ownerId", people],
    ["createdById", people],
    ["deletedById", people],
  ]);
  check(backup.sectionDocuments, "sectionDocuments", [
    ["sectionId", sections],
    ["citedItemIds", items],
    ["quotedCodingIds", codings],
    ["updatedById", people],
  ]);
  check(backup.sectionVersions, "sectionVersions", [
    ["sectionId", sections],
    ["createdById", people],
  ]);
  idsOf("files", backup.files);
  check(backup.files, "files", [
    ["itemId", items],
    ["createdById", people],
  ]);
  check(backup.rounds, "rounds", [
    ["openedById", people],
    ["closedById", people],
  ]);
  check(backup.roundSections, "roundSections", [
    ["roundId", rounds],
    ["sectionId", sections],
  ]);
  check(backup.threads, "threads", [
    ["sectionId", sections],
    ["roundId", rounds],
    ["createdById", people],
    ["decidedById", people],
  ]);
  check(backup.comments, "comments", [
    ["threadId", threads],
    ["authorId", people],
    ["mentions", people],
  ]);
  check(backup.activity, "activity", [["actorId", people]]);

  const unique = (table: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`${table}: ${key} occurs twice`);
      seen.add(key);
    }
  };
  unique(
    "people (email)",
    backup.people.map((person) => person.email.toLowerCase()),
  );
  unique(
    "members (userId)",
    backup.members.map((member) => member.userId),
  );
  unique(
    "stages (key)",
    backup.stages.map((stage) => stage.key),
  );
  unique(
    "exclusionReasons (labelZh)",
    backup.exclusionReasons.map((reason) => reason.labelZh),
  );
  unique(
    "themes (nameZh)",
    backup.themes.map((theme) => theme.nameZh),
  );
  unique(
    "rounds (number)",
    backup.rounds.map((round) => String(round.number)),
  );
  unique(
    "items (seedKey)",
    backup.items.flatMap((item) => (item.seedKey ? [item.seedKey] : [])),
  );
  unique(
    "screeningVotes (item, person)",
    backup.screeningVotes.map((vote) => `${vote.itemId}/${vote.userId}`),
  );
  unique(
    "screeningDecisions (item)",
    backup.screeningDecisions.map((decision) => decision.itemId),
  );
  unique(
    "itemThemes",
    backup.itemThemes.map((tag) => `${tag.itemId}/${tag.themeId}`),
  );
  unique(
    "itemAssignments",
    backup.itemAssignments.map((row) => `${row.itemId}/${row.userId}`),
  );
  unique(
    "items (author position)",
    backup.items.flatMap((item) => item.authors.map((author) => `${item.id}/${author.role}/${author.position}`)),
  );
  unique(
    "codingThemes",
    backup.codingThemes.map((row) => `${row.codingId}/${row.themeId}`),
  );
  unique(
    "sectionDocuments",
    backup.sectionDocuments.map((row) => row.sectionId),
  );
  unique(
    "roundSections",
    backup.roundSections.map((row) => `${row.roundId}/${row.sectionId}`),
  );
  unique(
    "statusChanges (revertsId)",
    backup.statusChanges.flatMap((row) => (row.revertsId ? [row.revertsId] : [])),
  );
  return problems;
}

/** A placeholder account of one restore: it keeps a person's name, cannot sign in and matches no real address. */
function placeholderEmail(restoreKey: string, index: number): string {
  return `restored-${restoreKey}-${index}@restored.invalid`;
}
// Not an argon2 hash, so verification always fails: nobody can sign in as a placeholder.
const NO_PASSWORD = "!restored-from-backup";

/** A file's bytes that the restore put into the file store (from the backup's .zip), ready to be referenced. */
export interface RestoredBlob {
  sha256: string;
  byteSize: number;
  mime: string;
}

/**
 * Restores a backup file's text as a new review owned by `userId`; nothing is written if anything is wrong.
 * `blobs` are the files the backup's .zip brought (already in the store); a file row whose bytes are neither
 * there nor already stored in this installation is left out, and counted in `filesMissing`.
 */
export async function restoreBackup(
  userId: string,
  text: string,
  blobs: readonly RestoredBlob[] = [],
): Promise<{ reviewId: string; filesMissing: number }> {
  if (!userId) throw new AppError("UNAUTHENTICATED");
  const backup = readBackupText(text);
  return db().$transaction((tx) => writeBackup(tx, userId, backup, blobs), { timeout: 300_000, maxWait: 10_000 });
}

async function writeBackup(
  tx: Transaction,
  userId: string,
  backup: Backup,
  blobs: readonly RestoredBlob[],
): Promise<{ reviewId: string; filesMissing: number }> {
  const restorer = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!restorer) throw new AppError("UNAUTHENTICATED", `user ${userId} does not exist`);

  // People: the restorer is found by their own address; every other person becomes a placeholder of this
  // restore, whether or not their address has an account here (so the result shows nothing about that).
  const restorerEmail = restorer.email.toLowerCase();
  const restoreKey = randomBytes(8).toString("hex");
  const users = new Map<string, string>();
  for (const [index, person] of backup.people.entries()) {
    if (person.email.toLowerCase() === restorerEmail) {
      users.set(person.id, userId);
      continue;
    }
    const placeholder = await tx.user.create({
      data: { email: placeholderEmail(restoreKey, index), name: person.name, passwordHash: NO_PASSWORD },
      select: { id: true },
    });
    users.set(person.id, placeholder.id);
  }

  // New ids keep the backup's order (a shared random prefix, then a counter), so lists sorted by time and id
  // come out in the same order as in the original review.
  const prefix = `r${randomBytes(6).toString("hex")}`;
  let counter = 0;
  const ids = new Map<string, string>(users);
  const fresh = (old: string) => {
    const next = `${prefix}${(counter++).toString(36).padStart(8, "0")}`;
    ids.set(old, next);
    return next;
  };
  const reviewId = fresh(backup.review.id);
  for (const table of [
    backup.stages,
    backup.exclusionReasons,
    backup.items,
    backup.statusChanges,
    backup.screeningVotes,
    backup.screeningStops,
    backup.themes,
    backup.codings,
    backup.sections,
    backup.sectionVersions,
    backup.rounds,
    backup.threads,
    backup.comments,
    backup.activity,
    backup.files,
  ]) {
    for (const row of table) fresh(row.id);
  }
  const to = (old: string) => ids.get(old)!;
  const maybe = (old: string | null) => (old === null ? null : (ids.get(old) ?? null));
  const date = (value: string) => new Date(value);
  const maybeDate = (value: string | null) => (value === null ? null : new Date(value));
  const remapJson = (value: unknown): Prisma.InputJsonValue => remapStrings(value, ids) as Prisma.InputJsonValue;
  const remapState = (state: string) => new Uint8Array(remapYjsState(Buffer.from(state, "base64"), ids));

  await tx.review.create({
    data: {
      id: reviewId,
      titleZh: backup.review.titleZh,
      titleEn: backup.review.titleEn,
      descriptionZh: backup.review.descriptionZh,
      descriptionEn: backup.review.descriptionEn,
      screeningVotesRequired: backup.review.screeningVotesRequired,
      screeningStopRule: backup.review.screeningStopRule,
      screeningStopValue: backup.review.screeningStopValue,
      screeningHighlights: backup.review.screeningHighlights,
      citationStyle: backup.review.citationStyle,
    },
  });
  const restorerInBackup = backup.members.find((member) => users.get(member.userId) === userId);
  await tx.membership.create({
    data: {
      reviewId,
      userId,
      role: "OWNER",
      ...(restorerInBackup && {
        createdAt: date(restorerInBackup.createdAt),
        updatedAt: date(restorerInBackup.updatedAt),
      }),
    },
  });
  await tx.reviewStage.createMany({
    data: backup.stages.map((row) => ({ ...row, id: to(row.id), reviewId, createdAt: date(row.createdAt) })),
  });
  await tx.exclusionReason.createMany({
    data: backup.exclusionReasons.map((row) => ({
      ...row,
      id: to(row.id),
      reviewId,
      archivedAt: maybeDate(row.archivedAt),
      createdAt: date(row.createdAt),
    })),
  });
  // Rows that point at rows of their own table are written without that link first, then linked.
  await tx.theme.createMany({
    data: backup.themes.map((row) => ({
      ...row,
      id: to(row.id),
      reviewId,
      parentId: null,
      mergedIntoId: null,
      archivedAt: maybeDate(row.archivedAt),
      createdAt: date(row.createdAt),
      updatedAt: date(row.updatedAt),
    })),
  });
  for (const row of backup.themes.filter((theme) => theme.parentId || theme.mergedIntoId)) {
    await tx.theme.update({
      where: { id: to(row.id) },
      data: { parentId: maybe(row.parentId), mergedIntoId: maybe(row.mergedIntoId), updatedAt: date(row.updatedAt) },
    });
  }
  await tx.reviewItem.createMany({
    data: backup.items.map(({ authors: _, ...row }) => ({
      ...row,
      id: to(row.id),
      reviewId,
      stageId: to(row.stageId),
      identifiers: remapJson(row.identifiers),
      dates: remapJson(row.dates),
      exclusionReasonId: maybe(row.exclusionReasonId),
      createdById: maybe(row.createdById),
      deletedById: maybe(row.deletedById),
      duplicateOfId: null,
      createdAt: date(row.createdAt),
      updatedAt: date(row.updatedAt),
      deletedAt: maybeDate(row.deletedAt),
    })),
  });
  for (const row of backup.items.filter((item) => item.duplicateOfId)) {
    await tx.reviewItem.update({
      where: { id: to(row.id) },
      data: { duplicateOfId: maybe(row.duplicateOfId), updatedAt: date(row.updatedAt) },
    });
  }
  await tx.itemAuthor.createMany({
    data: backup.items.flatMap((item) => item.authors.map((author) => ({ ...author, itemId: to(item.id) }))),
  });
  await tx.itemAssignment.createMany({
    data: backup.itemAssignments.map((row) => ({
      itemId: to(row.itemId),
      userId: to(row.userId),
      assignedById: maybe(row.assignedById),
      createdAt: date(row.createdAt),
    })),
  });
  await tx.statusChange.createMany({
    data: backup.statusChanges.map((row) => ({
      ...row,
      id: to(row.id),
      itemId: to(row.itemId),
      fromStageId: maybe(row.fromStageId),
      toStageId: to(row.toStageId),
      changedById: maybe(row.changedById),
      exclusionReasonId: maybe(row.exclusionReasonId),
      revertsId: null,
      createdAt: date(row.createdAt),
    })),
  });
  for (const row of backup.statusChanges.filter((change) => change.revertsId)) {
    await tx.statusChange.update({ where: { id: to(row.id) }, data: { revertsId: maybe(row.revertsId) } });
  }
  await tx.screeningVote.createMany({
    data: backup.screeningVotes.map((row) => ({
      ...row,
      id: to(row.id),
      itemId: to(row.itemId),
      userId: to(row.userId),
      reasonId: maybe(row.reasonId),
      createdAt: date(row.createdAt),
      updatedAt: date(row.updatedAt),
    })),
  });
  await tx.screeningStop.createMany({
    data: backup.screeningStops.map((row) => ({
      ...row,
      id: to(row.id),
      reviewId,
      stoppedById: maybe(row.stoppedById),
      createdAt: date(row.createdAt),
    })),
  });
  // The relevance ranking is derived from the decisions: trained again in the background.
  await scheduleRankingRetrain(tx, reviewId);
  await tx.screeningDecision.createMany({
    data: backup.screeningDecisions.map((row) => ({
      ...row,
      itemId: to(row.itemId),
      reasonId: maybe(row.reasonId),
      resolvedById: maybe(row.resolvedById),
      createdAt: date(row.createdAt),
    })),
  });
  await tx.itemTheme.createMany({
    data: backup.itemThemes.map((row) => ({
      itemId: to(row.itemId),
      themeId: to(row.themeId),
      taggedById: maybe(row.taggedById),
      createdAt: date(row.createdAt),
    })),
  });
  await tx.coding.createMany({
    data: backup.codings.map((row) => ({
      ...row,
      id: to(row.id),
      reviewId,
      itemId: to(row.itemId),
      createdById: maybe(row.createdById),
      createdAt: date(row.createdAt),
      updatedAt: date(row.updatedAt),
    })),
  });
  await tx.codingTheme.createMany({
    data: backup.codingThemes.map((row) => ({ codingId: to(row.codingId), themeId: to(row.themeId) })),
  });
  await tx.synthesisSection.createMany({
    data: backup.sections.map((row) => ({
      ...row,
      id: to(row.id),
      reviewId,
      themeId: maybe(row.themeId),
      ownerId: maybe(row.ownerId),
      createdById: maybe(row.createdById),
      deletedById: maybe(row.deletedById),
      createdAt: date(row.createdAt),
      updatedAt: date(row.updatedAt),
      deletedAt: maybeDate(row.deletedAt),
    })),
  });
  await tx.sectionDocument.createMany({
    data: backup.sectionDocuments.map((row) => ({
      sectionId: to(row.sectionId),
      state: remapState(row.state),
      content: remapJson(row.content),
      text: row.text,
      citedItemIds: row.citedItemIds.map(to),
      quotedCodingIds: row.quotedCodingIds.map(to),
      updatedById: maybe(row.updatedById),
      updatedAt: date(row.updatedAt),
    })),
  });
  await tx.sectionVersion.createMany({
    data: backup.sectionVersions.map((row) => ({
      ...row,
      id: to(row.id),
      sectionId: to(row.sectionId),
      state: remapState(row.state),
      content: remapJson(row.content),
      createdById: maybe(row.createdById),
      createdAt: date(row.createdAt),
    })),
  });
  await tx.commentRound.createMany({
    data: backup.rounds.map((row) => ({
      ...row,
      id: to(row.id),
      reviewId,
      dueAt: maybeDate(row.dueAt),
      openedById: maybe(row.openedById),
      openedAt: date(row.openedAt),
      closedById: maybe(row.closedById),
      closedAt: maybeDate(row.closedAt),
    })),
  });
  await tx.roundSection.createMany({
    data: backup.roundSections.map((row) => ({
      roundId: to(row.roundId),
      sectionId: to(row.sectionId),
      snapshotText: row.snapshotText,
      snapshotContent: remapJson(row.snapshotContent),
    })),
  });
  await tx.commentThread.createMany({
    data: backup.threads.map((row) => ({
      ...row,
      id: to(row.id),
      reviewId,
      sectionId: to(row.sectionId),
      roundId: maybe(row.roundId),
      // The document's citations name items by id, rewritten like every other document's.
      contentAtStart: row.contentAtStart ? remapJson(row.contentAtStart) : undefined,
      decidedById: maybe(row.decidedById),
      decidedAt: maybeDate(row.decidedAt),
      createdById: maybe(row.createdById),
      createdAt: date(row.createdAt),
      updatedAt: date(row.updatedAt),
      deletedAt: maybeDate(row.deletedAt),
    })),
  });
  await tx.comment.createMany({
    data: backup.comments.map((row) => ({
      ...row,
      id: to(row.id),
      threadId: to(row.threadId),
      authorId: maybe(row.authorId),
      contentAtAnswer: row.contentAtAnswer ? remapJson(row.contentAtAnswer) : undefined,
      mentions: row.mentions.map(to),
      createdAt: date(row.createdAt),
      editedAt: maybeDate(row.editedAt),
      deletedAt: maybeDate(row.deletedAt),
    })),
  });
  await tx.activityEvent.createMany({
    data: backup.activity.map((row) => ({
      ...row,
      id: to(row.id),
      reviewId,
      actorId: maybe(row.actorId),
      // The subject is a record of the backup (or a person); a subject the backup does not hold keeps its id.
      subjectId: ids.get(row.subjectId) ?? row.subjectId,
      data: remapJson(row.data),
      createdAt: date(row.createdAt),
    })),
  });
  if (blobs.length > 0) {
    await tx.fileBlob.createMany({
      data: blobs.map(({ sha256, byteSize, mime }) => ({ sha256, byteSize, mime })),
      skipDuplicates: true,
    });
  }
  const stored = new Set(
    (
      await tx.fileBlob.findMany({
        where: { sha256: { in: backup.files.map((file) => file.sha256) } },
        select: { sha256: true },
      })
    ).map((blob) => blob.sha256),
  );
  const files = backup.files.filter((file) => stored.has(file.sha256));
  await tx.itemFile.createMany({
    data: files.map((row) => ({
      ...row,
      id: to(row.id),
      reviewId,
      itemId: to(row.itemId),
      footnotes: row.footnotes as Prisma.InputJsonValue,
      metadata: row.metadata as Prisma.InputJsonValue,
      textAppliedAt: maybeDate(row.textAppliedAt),
      textDeclinedAt: maybeDate(row.textDeclinedAt),
      createdById: maybe(row.createdById),
      createdAt: date(row.createdAt),
      updatedAt: date(row.updatedAt),
    })),
  });
  // Cited references are derived from the full texts, so they are parsed again rather than carried.
  await insertReferenceRows(
    tx,
    backup.items.flatMap((item) =>
      referenceRowsOf(item.fullText).map((row) => ({ ...row, itemId: to(item.id), reviewId })),
    ),
  );
  await recordActivity(tx, {
    reviewId,
    actorId: userId,
    kind: "review.restored",
    subjectType: "review",
    subjectId: reviewId,
    data: { exportedAt: backup.exportedAt, items: backup.items.length },
  });
  return { reviewId, filesMissing: backup.files.length - files.length };
}

/** Every string in a JSON value that is an id of the backup, replaced by its new id. */
export function remapStrings(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((entry) => remapStrings(entry, ids));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, remapStrings(entry, ids)]));
  }
  return value;
}

/**
 * The same remapping inside a section's Yjs document: node attributes (a citation's item, a quote's coding)
 * are rewritten in place, so the document keeps its structure and the comment anchors, which are positions
 * relative to its existing characters, still find their words.
 */
export function remapYjsState(state: Uint8Array, ids: ReadonlyMap<string, string>): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  let changed = false;
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    if (node instanceof Y.XmlElement) {
      for (const [key, value] of Object.entries(node.getAttributes())) {
        const mapped = typeof value === "string" ? ids.get(value) : undefined;
        if (mapped) {
          node.setAttribute(key, mapped);
          changed = true;
        }
      }
    }
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) visit(child);
    }
  };
  doc.transact(() => visit(doc.getXmlFragment(SECTION_FRAGMENT)));
  const result = changed ? Y.encodeStateAsUpdate(doc) : state;
  doc.destroy();
  return result;
}
