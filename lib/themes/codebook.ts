// The codebook: creating, editing, ordering, archiving and merging themes. A merge moves every tag and coded
// passage to the surviving theme and keeps the merged one, archived, as the record of what happened.
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { treeOrder } from "./tree";
import { parseInput } from "@/lib/validation";
import { parseCodebookCsv, parseQdc, type CodebookTheme } from "./codebook-exchange";

const id = z.string().min(1).max(64);
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((value) => value?.trim() || null);

export const THEME_COLOR = /^#[0-9a-f]{6}$/;

export const themeFieldsSchema = z.object({
  nameZh: z.string().trim().min(1).max(100),
  nameEn: optionalText(200),
  color: z
    .string()
    .trim()
    .transform((value) => value.toLowerCase())
    .refine((value) => THEME_COLOR.test(value), { message: "colour must be #rrggbb" }),
  definitionZh: optionalText(5000),
  definitionEn: optionalText(5000),
  inclusionNotes: optionalText(5000),
  parentId: id
    .nullish()
    .or(z.literal(""))
    .transform((value) => value || null),
});

export type ThemeFields = z.output<typeof themeFieldsSchema>;

/** Names are unique in a review in either language, ignoring case, so "Resilience" and "resilience" cannot both exist. */
async function assertNameFree(tx: Transaction, reviewId: string, fields: ThemeFields, exceptId?: string) {
  const clash = await tx.theme.findFirst({
    where: {
      reviewId,
      id: exceptId ? { not: exceptId } : undefined,
      OR: [
        { nameZh: { equals: fields.nameZh, mode: "insensitive" } },
        ...(fields.nameEn ? [{ nameEn: { equals: fields.nameEn, mode: "insensitive" as const } }] : []),
      ],
    },
    select: { id: true },
  });
  if (clash) throw new AppError("DUPLICATE_NAME", `a theme named ${fields.nameZh} already exists`);
}

/** A parent must be a live theme of the same review that is not the theme itself or one of its descendants. */
async function assertParentValid(tx: Transaction, reviewId: string, parentId: string | null, themeId?: string) {
  if (!parentId) return;
  const themes = await tx.theme.findMany({
    where: { reviewId },
    select: { id: true, parentId: true, archivedAt: true },
  });
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  const parent = byId.get(parentId);
  if (!parent || parent.archivedAt) throw new AppError("NOT_FOUND", `parent theme ${parentId} not in review`);
  for (let at: string | null = parentId; at; at = byId.get(at)?.parentId ?? null) {
    if (at === themeId) throw new AppError("THEME_CYCLE", `theme ${themeId} cannot sit under its own descendant`);
  }
}

export const createThemeSchema = themeFieldsSchema.extend({ reviewId: id });

export async function createTheme(access: ReviewAccess, rawInput: unknown): Promise<{ themeId: string }> {
  const { userId } = access;
  const { reviewId, ...fields } = parseInput(createThemeSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "theme.manage", tx, reviewId);
    await assertNameFree(tx, reviewId, fields);
    await assertParentValid(tx, reviewId, fields.parentId);
    const last = await tx.theme.aggregate({ where: { reviewId }, _max: { position: true } });
    const theme = await tx.theme.create({
      data: { reviewId, ...fields, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    await recordActivity(tx, {
      reviewId,
      actorId: userId,
      kind: "theme.created",
      subjectType: "theme",
      subjectId: theme.id,
      data: { nameZh: fields.nameZh },
    });
    return { themeId: theme.id };
  });
}

export const updateThemeSchema = themeFieldsSchema.extend({ reviewId: id, themeId: id });

export async function updateTheme(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const { reviewId, themeId, ...fields } = parseInput(updateThemeSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "theme.manage", tx, reviewId);
    const theme = await findTheme(tx, reviewId, themeId);
    await assertNameFree(tx, reviewId, fields, themeId);
    await assertParentValid(tx, reviewId, fields.parentId, themeId);
    await tx.theme.update({ where: { id: themeId }, data: { ...fields, version: { increment: 1 } } });
    await recordActivity(tx, {
      reviewId,
      actorId: userId,
      kind: "theme.updated",
      subjectType: "theme",
      subjectId: themeId,
      data: { from: theme.nameZh, to: fields.nameZh },
    });
  });
}

async function findTheme(tx: Transaction, reviewId: string, themeId: string) {
  const theme = await tx.theme.findFirst({ where: { id: themeId, reviewId } });
  if (!theme) throw new AppError("NOT_FOUND", `theme ${themeId} not in review ${reviewId}`);
  return theme;
}

export const moveThemeSchema = z.object({ reviewId: id, themeId: id, direction: z.enum(["up", "down"]) });

/** Swaps a theme with its neighbour among its siblings (same parent), renumbering the whole review's order. */
export async function moveTheme(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(moveThemeSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "theme.manage", tx, input.reviewId);
    const theme = await findTheme(tx, input.reviewId, input.themeId);
    const all = await tx.theme.findMany({
      where: { reviewId: input.reviewId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, parentId: true, archivedAt: true },
    });
    const siblings = all.filter((t) => t.parentId === theme.parentId && !t.archivedAt);
    const index = siblings.findIndex((t) => t.id === theme.id);
    const neighbour = siblings[index + (input.direction === "up" ? -1 : 1)];
    if (index === -1 || !neighbour) return;
    const order = all.map((t) => t.id);
    const a = order.indexOf(theme.id);
    const b = order.indexOf(neighbour.id);
    [order[a], order[b]] = [order[b]!, order[a]!];
    for (const [position, themeId] of order.entries()) {
      await tx.theme.update({ where: { id: themeId }, data: { position } });
    }
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "theme.reordered",
      subjectType: "theme",
      subjectId: theme.id,
    });
  });
}

export const archiveThemeSchema = z.object({ reviewId: id, themeId: id, archived: z.boolean() });

/** Archived themes leave pickers and lists but keep their tags and codings; restoring brings them back. */
export async function archiveTheme(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(archiveThemeSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "theme.manage", tx, input.reviewId);
    const theme = await findTheme(tx, input.reviewId, input.themeId);
    if (theme.mergedIntoId) throw new AppError("INVALID_INPUT", "a merged theme stays archived");
    await tx.theme.update({ where: { id: theme.id }, data: { archivedAt: input.archived ? new Date() : null } });
    if (input.archived) {
      // Its children move up a level rather than disappearing with it.
      await tx.theme.updateMany({ where: { parentId: theme.id }, data: { parentId: theme.parentId } });
    }
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: input.archived ? "theme.archived" : "theme.restored",
      subjectType: "theme",
      subjectId: theme.id,
      data: { nameZh: theme.nameZh },
    });
  });
}

export const mergeThemesSchema = z.object({ reviewId: id, sourceId: id, targetId: id });

/**
 * Merges `source` into `target`: tags, coded passages and synthesis sections move, children are re-parented,
 * the merge is recorded.
 */
export async function mergeThemes(
  access: ReviewAccess,
  rawInput: unknown,
): Promise<{ movedTags: number; movedCodings: number }> {
  const { userId } = access;
  const input = parseInput(mergeThemesSchema, rawInput);
  if (input.sourceId === input.targetId) throw new AppError("MERGE_INTO_ITSELF");
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "theme.manage", tx, input.reviewId);
    const source = await findTheme(tx, input.reviewId, input.sourceId);
    const target = await findTheme(tx, input.reviewId, input.targetId);
    if (source.archivedAt || target.archivedAt) {
      throw new AppError("NOT_FOUND", "only live themes can be merged");
    }
    // The target must not sit under the source, or re-parenting would make a loop.
    await assertParentValid(tx, input.reviewId, target.id, source.id);
    const movedTags = await tx.$executeRaw`
      INSERT INTO "ItemTheme" ("itemId", "themeId", "taggedById", "createdAt")
      SELECT "itemId", ${target.id}, "taggedById", "createdAt" FROM "ItemTheme" WHERE "themeId" = ${source.id}
      ON CONFLICT DO NOTHING`;
    await tx.itemTheme.deleteMany({ where: { themeId: source.id } });
    const movedCodings = await tx.$executeRaw`
      INSERT INTO "CodingTheme" ("codingId", "themeId")
      SELECT "codingId", ${target.id} FROM "CodingTheme" WHERE "themeId" = ${source.id}
      ON CONFLICT DO NOTHING`;
    await tx.codingTheme.deleteMany({ where: { themeId: source.id } });
    await tx.theme.updateMany({ where: { parentId: source.id }, data: { parentId: target.id } });
    // Synthesis sections written about the source follow it, so their passage panel keeps its passages.
    await tx.synthesisSection.updateMany({
      where: { themeId: source.id },
      data: { themeId: target.id, version: { increment: 1 } },
    });
    await tx.theme.update({
      where: { id: source.id },
      data: { archivedAt: new Date(), mergedIntoId: target.id, parentId: null },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "theme.merged",
      subjectType: "theme",
      subjectId: target.id,
      data: { from: source.nameZh, to: target.nameZh, sourceId: source.id, movedTags, movedCodings },
    });
    return { movedTags, movedCodings };
  });
}

export const MAX_CODEBOOK_BYTES = 2_000_000;

export const importCodebookSchema = z.object({
  reviewId: id,
  format: z.enum(["csv", "qdc"]),
  text: z.string().min(1).max(MAX_CODEBOOK_BYTES),
});

/**
 * Imports a codebook exported by Huitong or another QDA tool: themes whose Chinese name already exists are
 * updated, the rest created, parents linked — all in one transaction, or nothing when the file has any problem.
 */
export async function importCodebook(
  access: ReviewAccess,
  rawInput: unknown,
): Promise<{ created: number; updated: number }> {
  const { userId } = access;
  const input = parseInput(importCodebookSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "theme.manage", tx, input.reviewId);
    const existing = await tx.theme.findMany({ where: { reviewId: input.reviewId } });
    const liveByName = new Map(
      existing.filter((theme) => !theme.archivedAt).map((theme) => [theme.nameZh.trim().toLowerCase(), theme.id]),
    );
    const parsed =
      input.format === "csv"
        ? parseCodebookCsv(input.text, (name) => liveByName.get(name.trim().toLowerCase()) ?? null)
        : parseQdc(input.text);
    if (parsed.problems.length > 0 || parsed.themes.length === 0) {
      throw new AppError("CODEBOOK_INVALID", `${parsed.problems.length} problem(s) in the codebook`, undefined, {
        problems: parsed.problems,
      });
    }
    const byName = new Map(existing.map((theme) => [theme.nameZh.toLowerCase(), theme]));
    const idOfKey = new Map<string, string>();
    let created = 0;
    let updated = 0;
    let position = existing.reduce((max, theme) => Math.max(max, theme.position), -1);
    for (const theme of parsed.themes) {
      const fields = {
        nameZh: theme.nameZh,
        nameEn: theme.nameEn,
        color: theme.color.toLowerCase(),
        definitionZh: theme.definitionZh,
        definitionEn: theme.definitionEn,
        inclusionNotes: theme.inclusionNotes,
      };
      const match = byName.get(theme.nameZh.toLowerCase());
      if (match) {
        await tx.theme.update({ where: { id: match.id }, data: { ...fields, version: { increment: 1 } } });
        idOfKey.set(theme.key, match.id);
        updated++;
      } else {
        const row = await tx.theme.create({
          data: { reviewId: input.reviewId, ...fields, position: ++position },
          select: { id: true },
        });
        idOfKey.set(theme.key, row.id);
        created++;
      }
    }
    // Parents last, once every theme of the file has an id.
    for (const theme of parsed.themes) {
      // A key from the file, or the id of a theme the review already had.
      const parentId = theme.parentKey
        ? (idOfKey.get(theme.parentKey) ?? (existing.some((e) => e.id === theme.parentKey) ? theme.parentKey : null))
        : null;
      await tx.theme.update({ where: { id: idOfKey.get(theme.key)! }, data: { parentId } });
    }
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "codebook.imported",
      subjectType: "review",
      subjectId: input.reviewId,
      data: { format: input.format, created, updated },
    });
    return { created, updated };
  });
}

/** The live codebook in the exchange shape, parents before children. */
export async function exportCodebook(access: ReviewAccess): Promise<CodebookTheme[]> {
  const { reviewId } = access.require("review.read");
  const themes = await db().theme.findMany({
    where: { reviewId, archivedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return treeOrder(themes).map((theme) => ({
    key: theme.id,
    nameZh: theme.nameZh,
    nameEn: theme.nameEn,
    color: theme.color,
    definitionZh: theme.definitionZh,
    definitionEn: theme.definitionEn,
    inclusionNotes: theme.inclusionNotes,
    parentKey: theme.parentId && themes.some((t) => t.id === theme.parentId) ? theme.parentId : null,
  }));
}
