// Reading coded passages: per item (the reader), per theme (the theme page), as a theme × paper matrix, and two
// coders side by side. Every read is scoped by the caller's membership.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { resolveAnchor } from "./anchor";
import { cohenKappa } from "./kappa";
import { textOf } from "./passage-field";
import { treeOrder } from "@/lib/themes/tree";
import { pagesOfPassages } from "@/lib/pdf-pages/queries";
import { EXCLUDED_ITEM, NOT_EXCLUDED_ITEM, screeningStanding } from "@/lib/screening/excluded";

const THEME_FIELDS = { id: true, nameZh: true, nameEn: true, color: true } as const;

/** The live codebook in display order (parents before their children), for pickers and filters. */
export async function listThemeOptions(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  return liveThemes(reviewId);
}

/** For queries that have already checked the access (it reads nothing else of the caller). */
async function liveThemes(reviewId: string) {
  const themes = await db().theme.findMany({
    where: { reviewId, archivedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { ...THEME_FIELDS, parentId: true },
  });
  return treeOrder(themes);
}

/** An item's codings placed on its current text, with who coded them and when. */
export async function listItemCodings(access: ReviewAccess, itemId: string) {
  const { reviewId } = access.require("review.read");
  const item = await db().reviewItem.findFirst({
    where: { id: itemId, reviewId },
    select: { fullText: true, abstractZh: true, abstractEn: true },
  });
  if (!item) throw new AppError("NOT_FOUND", `item ${itemId} not in review ${reviewId}`);
  const [codings, themes] = await Promise.all([
    db().coding.findMany({
      where: { itemId, reviewId },
      orderBy: [{ field: "asc" }, { start: "asc" }],
      select: {
        id: true,
        field: true,
        start: true,
        end: true,
        quote: true,
        prefix: true,
        suffix: true,
        memo: true,
        orphaned: true,
        createdAt: true,
        createdBy: { select: { id: true, name: true } },
        themes: { select: { theme: { select: THEME_FIELDS } } },
      },
    }),
    liveThemes(reviewId),
  ]);
  const placed = codings.map(({ prefix, suffix, ...coding }) => {
    const found = coding.orphaned
      ? { start: coding.start, end: coding.end, status: "orphaned" as const }
      : resolveAnchor(textOf(item, coding.field), { ...coding, prefix, suffix });
    return {
      ...coding,
      start: found.start,
      end: found.end,
      status: found.status,
      themes: coding.themes.map((link) => link.theme),
    };
  });
  const pages = await pagesOfPassages(
    access,
    placed.map((coding) => ({ ...coding, itemId })),
  );
  return {
    role: access.role,
    themes,
    codings: placed.map((coding) => ({ ...coding, page: pages.get(coding.id) ?? null })),
  };
}

/** How many themes the coding popover lists as recently used. */
export const RECENT_THEME_LIMIT = 6;

/**
 * The live themes the caller coded with most recently in this review, newest first: the coding popover lists them
 * first, and since they come from the caller's own codings they follow the person from browser to browser.
 */
export async function listRecentThemeIds(access: ReviewAccess, limit = RECENT_THEME_LIMIT): Promise<string[]> {
  const { reviewId, userId } = access.require("review.read");
  const rows = await db().$queryRaw<{ themeId: string }[]>`
    SELECT ct."themeId"
      FROM "Coding" c
      JOIN "CodingTheme" ct ON ct."codingId" = c.id
      JOIN "Theme" t ON t.id = ct."themeId"
     WHERE c."reviewId" = ${reviewId} AND c."createdById" = ${userId} AND t."archivedAt" IS NULL
     GROUP BY ct."themeId"
     ORDER BY max(c."createdAt") DESC, ct."themeId"
     LIMIT ${limit}`;
  return rows.map((row) => row.themeId);
}

export type ItemCoding = Awaited<ReturnType<typeof listItemCodings>>["codings"][number];

const ITEM_CITATION = {
  id: true,
  titleZh: true,
  titleEn: true,
  year: true,
  authors: {
    where: { role: "AUTHOR" as const },
    orderBy: { position: "asc" as const },
    select: { nameZh: true, nameEn: true },
  },
} as const;

/**
 * Themes × papers: passages coded per cell and whether the paper is tagged with the theme. Excluded papers are
 * left out unless asked for (then each says so), since a synthesis is written from the papers that stayed in.
 */
export async function getMatrix(access: ReviewAccess, options: { showExcluded?: boolean } = {}) {
  const { reviewId } = access.require("review.read");
  const [themes, rows, counts, tags, hiddenExcluded] = await Promise.all([
    liveThemes(reviewId),
    db().reviewItem.findMany({
      where: { reviewId, deletedAt: null, ...(options.showExcluded ? {} : NOT_EXCLUDED_ITEM) },
      orderBy: [{ year: { sort: "desc", nulls: "last" } }, { titleZh: "asc" }],
      select: { ...ITEM_CITATION, screeningState: true, stage: { select: { kind: true } } },
    }),
    db().$queryRaw<{ themeId: string; itemId: string; count: bigint }[]>`
      SELECT ct."themeId", c."itemId", count(*) AS count
      FROM "CodingTheme" ct JOIN "Coding" c ON c.id = ct."codingId" JOIN "ReviewItem" i ON i.id = c."itemId"
      WHERE c."reviewId" = ${reviewId} AND i."deletedAt" IS NULL
      GROUP BY ct."themeId", c."itemId"`,
    db().itemTheme.findMany({
      where: { item: { reviewId, deletedAt: null } },
      select: { itemId: true, themeId: true },
    }),
    options.showExcluded ? 0 : db().reviewItem.count({ where: { reviewId, deletedAt: null, ...EXCLUDED_ITEM } }),
  ]);
  const items = rows.map(({ screeningState, stage, ...item }) => ({
    ...item,
    excluded: screeningStanding({ screeningState, stage }) === "excluded",
  }));
  const cells = new Map<string, { count: number; tagged: boolean }>();
  const key = (themeId: string, itemId: string) => `${themeId}:${itemId}`;
  for (const row of counts) cells.set(key(row.themeId, row.itemId), { count: Number(row.count), tagged: false });
  for (const tag of tags) {
    const cell = cells.get(key(tag.themeId, tag.itemId));
    cells.set(key(tag.themeId, tag.itemId), { count: cell?.count ?? 0, tagged: true });
  }
  return {
    themes,
    items,
    hiddenExcluded,
    cell: (themeId: string, itemId: string) => cells.get(key(themeId, itemId)) ?? { count: 0, tagged: false },
  };
}

/**
 * Every passage coded with a theme (and, when asked, only in one paper), grouped by paper, newest paper first,
 * passages in reading order.
 */
export async function listThemePassages(access: ReviewAccess, themeId: string, itemId?: string) {
  const { reviewId } = access.require("review.read");
  const theme = await db().theme.findFirst({
    where: { id: themeId, reviewId },
    include: {
      parent: { select: THEME_FIELDS },
      children: { where: { archivedAt: null }, select: THEME_FIELDS, orderBy: { position: "asc" } },
      mergedInto: { select: THEME_FIELDS },
      _count: { select: { items: true } },
    },
  });
  if (!theme) throw new AppError("NOT_FOUND", `theme ${themeId} not in review ${reviewId}`);
  const codings = await db().coding.findMany({
    where: { reviewId, themes: { some: { themeId } }, item: { deletedAt: null, ...(itemId ? { id: itemId } : {}) } },
    orderBy: [{ itemId: "asc" }, { field: "asc" }, { start: "asc" }],
    select: {
      id: true,
      field: true,
      start: true,
      quote: true,
      memo: true,
      orphaned: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      item: { select: ITEM_CITATION },
      themes: { select: { theme: { select: THEME_FIELDS } } },
    },
  });
  // Passages of papers read as PDFs cite their page.
  const pages = await pagesOfPassages(
    access,
    codings.map((coding) => ({ ...coding, itemId: coding.item.id })),
  );
  const withPages = codings.map((coding) => ({
    ...coding,
    page: coding.orphaned ? null : (pages.get(coding.id) ?? null),
  }));
  const groups = new Map<string, { item: (typeof codings)[number]["item"]; passages: typeof withPages }>();
  for (const coding of withPages) {
    const group = groups.get(coding.item.id) ?? { item: coding.item, passages: [] };
    group.passages.push(coding);
    groups.set(coding.item.id, group);
  }
  return {
    theme,
    total: codings.length,
    papers: [...groups.values()].sort((a, b) => (b.item.year ?? 0) - (a.item.year ?? 0)),
  };
}

/** Where two spans of the same text overlap, two coders marked the same passage. */
const overlaps = (a: { field: string; start: number; end: number }, b: { field: string; start: number; end: number }) =>
  a.field === b.field && a.start < b.end && b.start < a.end;

/**
 * Two coders on one theme: passages both coded (overlapping spans), passages only one coded, and Cohen's kappa
 * at the item level over the items both of them coded (with any theme), i.e. the items both have read.
 */
export async function compareCoders(
  access: ReviewAccess,
  input: { themeId: string; firstId: string; secondId: string },
) {
  const { reviewId } = access.require("review.read");
  const members = await db().membership.count({
    where: { reviewId, userId: { in: [input.firstId, input.secondId] } },
  });
  const theme = await db().theme.findFirst({ where: { id: input.themeId, reviewId }, select: THEME_FIELDS });
  if (!theme || members !== new Set([input.firstId, input.secondId]).size) {
    throw new AppError("NOT_FOUND", "theme or coders not in this review");
  }
  const codings = await db().coding.findMany({
    where: { reviewId, createdById: { in: [input.firstId, input.secondId] }, item: { deletedAt: null } },
    select: {
      id: true,
      field: true,
      start: true,
      end: true,
      quote: true,
      createdById: true,
      item: { select: ITEM_CITATION },
      themes: { select: { themeId: true } },
    },
    orderBy: [{ itemId: "asc" }, { start: "asc" }],
  });
  const readBy = (coderId: string) => new Set(codings.filter((c) => c.createdById === coderId).map((c) => c.item.id));
  const firstRead = readBy(input.firstId);
  const secondRead = readBy(input.secondId);
  const sharedItems = [...firstRead].filter((itemId) => secondRead.has(itemId));
  const withTheme = codings.filter((c) => c.themes.some((t) => t.themeId === input.themeId));
  const first = withTheme.filter((c) => c.createdById === input.firstId);
  const second = withTheme.filter((c) => c.createdById === input.secondId);
  const codedIn = (list: typeof withTheme, itemId: string) => list.some((c) => c.item.id === itemId);

  const bothPassages = first
    .map((a) => ({ first: a, second: second.filter((b) => b.item.id === a.item.id && overlaps(a, b)) }))
    .filter((pair) => pair.second.length > 0);
  const matchedSecond = new Set(bothPassages.flatMap((pair) => pair.second.map((b) => b.id)));
  return {
    theme,
    kappa: cohenKappa(sharedItems.map((itemId) => [codedIn(first, itemId), codedIn(second, itemId)] as const)),
    sharedItems: sharedItems.length,
    both: bothPassages,
    firstOnly: first.filter((a) => !bothPassages.some((pair) => pair.first.id === a.id)),
    secondOnly: second.filter((b) => !matchedSecond.has(b.id)),
  };
}
