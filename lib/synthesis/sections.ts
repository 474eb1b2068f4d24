// The synthesis as ordered sections: adding, editing the heading facts (title, theme, status, owner),
// ordering, trashing and restoring, the review's citation style, and named versions of a section's text.
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";

const id = z.string().min(1).max(64);
const optionalId = id
  .nullish()
  .or(z.literal(""))
  .transform((value) => value || null);

export const SECTION_STATUSES = ["DRAFTING", "READY_FOR_REVIEW", "REVISED", "APPROVED"] as const;
export const CITATION_STYLE_CHOICES = ["GBT7714_NUMERIC", "GBT7714_AUTHOR_DATE", "APA"] as const;

const sectionFields = z.object({
  title: z.string().trim().min(1).max(200),
  themeId: optionalId,
  ownerId: optionalId,
});

/** A theme must be a live theme of the review; an owner must be a member who may write. */
async function assertReferencesValid(
  tx: Transaction,
  reviewId: string,
  themeId: string | null,
  ownerId: string | null,
) {
  if (themeId) {
    const theme = await tx.theme.findFirst({
      where: { id: themeId, reviewId, archivedAt: null },
      select: { id: true },
    });
    if (!theme) throw new AppError("NOT_FOUND", `theme ${themeId} not in review ${reviewId}`);
  }
  if (ownerId) {
    const member = await tx.membership.findUnique({
      where: { reviewId_userId: { reviewId, userId: ownerId } },
      select: { role: true },
    });
    if (!member || (member.role !== "OWNER" && member.role !== "EDITOR")) {
      throw new AppError("SECTION_OWNER_INVALID", `user ${ownerId} cannot own a section of review ${reviewId}`);
    }
  }
}

async function liveSection(tx: Transaction, reviewId: string, sectionId: string) {
  const section = await tx.synthesisSection.findFirst({ where: { id: sectionId, reviewId, deletedAt: null } });
  if (!section) throw new AppError("NOT_FOUND", `section ${sectionId} not in review ${reviewId}`);
  return section;
}

export const createSectionSchema = sectionFields.extend({ reviewId: id });

export async function createSection(access: ReviewAccess, rawInput: unknown): Promise<{ sectionId: string }> {
  const { userId } = access;
  const input = parseInput(createSectionSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "synthesis.write", tx, input.reviewId);
    await assertReferencesValid(tx, input.reviewId, input.themeId, input.ownerId);
    const last = await tx.synthesisSection.aggregate({
      where: { reviewId: input.reviewId, deletedAt: null },
      _max: { position: true },
    });
    const section = await tx.synthesisSection.create({
      data: {
        reviewId: input.reviewId,
        title: input.title,
        themeId: input.themeId,
        ownerId: input.ownerId ?? userId,
        position: (last._max.position ?? -1) + 1,
        createdById: userId,
      },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "section.created",
      subjectType: "section",
      subjectId: section.id,
      data: { title: section.title },
    });
    return { sectionId: section.id };
  });
}

export const updateSectionSchema = sectionFields.extend({
  reviewId: id,
  sectionId: id,
  status: z.enum(SECTION_STATUSES),
  version: z.coerce.number().int().min(1),
});

export async function updateSection(access: ReviewAccess, rawInput: unknown): Promise<{ version: number }> {
  const { userId } = access;
  const input = parseInput(updateSectionSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "synthesis.write", tx, input.reviewId);
    const section = await liveSection(tx, input.reviewId, input.sectionId);
    if (section.version !== input.version) {
      throw new AppError("EDIT_CONFLICT", `section ${section.id} is at version ${section.version}`);
    }
    // Only what changes is checked: a section whose theme was archived or whose owner left can still be saved.
    await assertReferencesValid(
      tx,
      input.reviewId,
      input.themeId !== section.themeId ? input.themeId : null,
      input.ownerId !== section.ownerId ? input.ownerId : null,
    );
    const changed = (["title", "themeId", "status", "ownerId"] as const).filter((key) => section[key] !== input[key]);
    if (changed.length === 0) return { version: section.version };
    // The version in the WHERE makes a concurrent save that passed the check above lose here instead of
    // silently overwriting it (read committed re-checks the condition once the other save has committed).
    const written = await tx.synthesisSection.updateMany({
      where: { id: section.id, version: input.version, deletedAt: null },
      data: {
        title: input.title,
        themeId: input.themeId,
        status: input.status,
        ownerId: input.ownerId,
        version: { increment: 1 },
      },
    });
    if (written.count !== 1) throw new AppError("EDIT_CONFLICT", `section ${section.id} changed during the save`);
    const updated = await tx.synthesisSection.findUniqueOrThrow({ where: { id: section.id } });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "section.updated",
      subjectType: "section",
      subjectId: section.id,
      data: { title: updated.title, fields: changed, from: section.status, to: updated.status },
    });
    return { version: updated.version };
  });
}

export const moveSectionSchema = z.object({ reviewId: id, sectionId: id, direction: z.enum(["up", "down"]) });

export async function moveSection(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(moveSectionSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "synthesis.write", tx, input.reviewId);
    const sections = await tx.synthesisSection.findMany({
      where: { reviewId: input.reviewId, deletedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const index = sections.findIndex((section) => section.id === input.sectionId);
    if (index < 0) throw new AppError("NOT_FOUND", `section ${input.sectionId} not in review ${input.reviewId}`);
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= sections.length) return;
    const moved = sections.splice(index, 1);
    sections.splice(target, 0, ...moved);
    // Positions are rewritten densely so earlier gaps (from trashed sections) disappear too.
    for (const [position, section] of sections.entries()) {
      await tx.synthesisSection.update({ where: { id: section.id }, data: { position } });
    }
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "section.reordered",
      subjectType: "section",
      subjectId: input.sectionId,
      data: { direction: input.direction },
    });
  });
}

export const trashSectionSchema = z.object({ reviewId: id, sectionId: id, trashed: z.boolean() });

export async function setSectionTrashed(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(trashSectionSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "synthesis.write", tx, input.reviewId);
    const section = await tx.synthesisSection.findFirst({
      where: { id: input.sectionId, reviewId: input.reviewId, deletedAt: input.trashed ? null : { not: null } },
    });
    if (!section) throw new AppError("NOT_FOUND", `section ${input.sectionId} not found in review ${input.reviewId}`);
    await tx.synthesisSection.update({
      where: { id: section.id },
      data: input.trashed
        ? { deletedAt: new Date(), deletedById: userId, version: { increment: 1 } }
        : // Back where it was: its old position sorts it among the others (ties go by creation).
          { deletedAt: null, deletedById: null, version: { increment: 1 } },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: input.trashed ? "section.deleted" : "section.restored",
      subjectType: "section",
      subjectId: section.id,
      data: { title: section.title },
    });
  });
}

export const citationStyleSchema = z.object({ reviewId: id, style: z.enum(CITATION_STYLE_CHOICES) });

export async function setCitationStyle(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(citationStyleSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "synthesis.write", tx, input.reviewId);
    await tx.review.update({ where: { id: input.reviewId }, data: { citationStyle: input.style } });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "review.settingsChanged",
      subjectType: "review",
      subjectId: input.reviewId,
      data: { citationStyle: input.style },
    });
  });
}

export const saveVersionSchema = z.object({
  reviewId: id,
  sectionId: id,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(["NAMED", "BEFORE_RESTORE"]).default("NAMED"),
});

/** Names the text as the collaboration server last stored it; the editor waits for "saved" first. */
export async function saveSectionVersion(access: ReviewAccess, rawInput: unknown): Promise<{ versionId: string }> {
  const { userId } = access;
  const input = parseInput(saveVersionSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "synthesis.write", tx, input.reviewId);
    await liveSection(tx, input.reviewId, input.sectionId);
    const document = await tx.sectionDocument.findUnique({ where: { sectionId: input.sectionId } });
    if (!document) throw new AppError("NOTHING_TO_SAVE", `section ${input.sectionId} has no text yet`);
    const version = await tx.sectionVersion.create({
      data: {
        sectionId: input.sectionId,
        kind: input.kind,
        name: input.name,
        state: document.state,
        content: document.content ?? {},
        text: document.text,
        createdById: userId,
      },
    });
    return { versionId: version.id };
  });
}
