// The library's filter, sort and page, all done by PostgreSQL so a review of 10,000 items pages as fast as one of 10.
import { z } from "zod";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { ITEM_TYPES, typeHasField } from "@/lib/bibliography/item-types";
import { missingFields, TRACKED_FIELDS, type TrackedField } from "@/lib/items/missing-metadata";
import { fold } from "@/lib/search/fold";

export const SORT_KEYS = ["added", "updated", "title", "journal", "year", "stage", "type"] as const;
export const PAGE_SIZES = [50, 100, 200] as const;
export const SCREENING_STATES = ["UNSCREENED", "IN_PROGRESS", "CONFLICT", "INCLUDED", "EXCLUDED"] as const;
export const MAX_SELECT_ALL = 10_000;

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : value.split(",")))
  .transform((values) => values.map((v) => v.trim()).filter((v) => v && v.length <= 64))
  .catch([]);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined);
const year = z.coerce.number().int().min(1000).max(2999).optional().catch(undefined);

/** URL search params → a valid filter. Anything malformed falls back to its default instead of failing the page. */
export const libraryParamsSchema = z.object({
  q: optionalText(200),
  stage: list,
  theme: list,
  assignee: optionalText(64),
  screening: z.enum(SCREENING_STATES).optional().catch(undefined),
  type: z.enum(ITEM_TYPES).optional().catch(undefined),
  missing: z.enum(TRACKED_FIELDS).optional().catch(undefined),
  yearFrom: year,
  yearTo: year,
  journal: optionalText(200),
  sort: z.enum(SORT_KEYS).default("added").catch("added"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .default(50)
    .catch(50),
});

export type LibraryParams = z.output<typeof libraryParamsSchema>;

export function parseLibraryParams(raw: Record<string, string | string[] | undefined>): LibraryParams {
  const params = libraryParamsSchema.parse(raw);
  // "2030 to 2000" means the years between them, not nothing.
  if (params.yearFrom !== undefined && params.yearTo !== undefined && params.yearFrom > params.yearTo) {
    return { ...params, yearFrom: params.yearTo, yearTo: params.yearFrom };
  }
  return params;
}

/** The params as a query string, leaving out defaults, so links stay short and shareable. */
export function libraryQueryString(params: Partial<LibraryParams>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (key === "page" && value === 1) continue;
    if (key === "size" && value === 50) continue;
    if (key === "sort" && value === "added") continue;
    search.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The types that have one of the fields: only those can lack it. */
function typesWith(...fields: Parameters<typeof typeHasField>[1][]) {
  return ITEM_TYPES.filter((type) => fields.some((field) => typeHasField(type, field)));
}

const MISSING_WHERE: Record<TrackedField, Prisma.ReviewItemWhereInput> = {
  title: { titleZh: null, titleEn: null },
  authors: { authors: { none: { role: "AUTHOR" } } },
  journal: { journalZh: null, journalEn: null, itemType: { in: typesWith("container") } },
  year: { year: null },
  volumeIssue: { volume: null, issue: null, itemType: { in: typesWith("volume", "issue") } },
  pages: { pages: null, itemType: { in: typesWith("pages") } },
  keywords: { keywordsZh: { isEmpty: true }, keywordsEn: { isEmpty: true } },
  abstract: { abstractZh: null, abstractEn: null },
  funding: { funding: null },
  fullText: { fullText: null },
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Items whose titles, journals, keywords or author names contain the text, in either language and any variant. */
async function idsMatchingText(reviewId: string, text: string): Promise<string[]> {
  const pattern = `%${escapeLike(text)}%`;
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT i."id" FROM "ReviewItem" i
    WHERE i."reviewId" = ${reviewId} AND i."deletedAt" IS NULL AND (
      i."titleZh" ILIKE ${pattern} OR i."titleEn" ILIKE ${pattern}
      OR i."journalZh" ILIKE ${pattern} OR i."journalEn" ILIKE ${pattern}
      OR array_to_string(i."keywordsZh", ' ') ILIKE ${pattern} OR array_to_string(i."keywordsEn", ' ') ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM "ItemAuthor" a WHERE a."itemId" = i."id" AND (a."nameZh" ILIKE ${pattern} OR a."nameEn" ILIKE ${pattern}))
      -- The search index's folded headings: 韌性 finds 韧性, ＡＩ finds AI, kan daoyuan finds 阚道远.
      OR EXISTS (SELECT 1 FROM "SearchEntry" se WHERE se."kind" = 'PAPER' AND se."sourceId" = i."id"
                 AND strpos(se."head", ${fold(text)}) > 0)
    )`;
  return rows.map((row) => row.id);
}

export async function libraryWhere(userId: string, reviewId: string, params: LibraryParams) {
  const and: Prisma.ReviewItemWhereInput[] = [{ reviewId, deletedAt: null }];
  if (params.q) and.push({ id: { in: await idsMatchingText(reviewId, params.q) } });
  if (params.stage.length) and.push({ stageId: { in: params.stage } });
  if (params.theme.length) and.push({ themes: { some: { themeId: { in: params.theme } } } });
  if (params.assignee === "none") and.push({ assignments: { none: {} } });
  else if (params.assignee) {
    and.push({ assignments: { some: { userId: params.assignee === "me" ? userId : params.assignee } } });
  }
  if (params.screening) and.push({ screeningState: params.screening });
  if (params.type) and.push({ itemType: params.type });
  if (params.missing) and.push(MISSING_WHERE[params.missing]);
  if (params.yearFrom !== undefined) and.push({ year: { gte: params.yearFrom } });
  if (params.yearTo !== undefined) and.push({ year: { lte: params.yearTo } });
  if (params.journal) {
    and.push({
      OR: [
        { journalZh: { contains: params.journal, mode: "insensitive" } },
        { journalEn: { contains: params.journal, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and } satisfies Prisma.ReviewItemWhereInput;
}

function libraryOrder(params: LibraryParams): Prisma.ReviewItemOrderByWithRelationInput[] {
  const dir = params.dir ?? (params.sort === "added" || params.sort === "updated" ? "desc" : "asc");
  const tail: Prisma.ReviewItemOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "asc" }];
  switch (params.sort) {
    case "title":
      return [{ titleZh: { sort: dir, nulls: "last" } }, { titleEn: { sort: dir, nulls: "last" } }, ...tail];
    case "journal":
      return [{ journalZh: { sort: dir, nulls: "last" } }, { journalEn: { sort: dir, nulls: "last" } }, ...tail];
    case "year":
      return [{ year: { sort: dir, nulls: "last" } }, ...tail];
    case "stage":
      return [{ stage: { position: dir } }, ...tail];
    case "type":
      // The enum's own order (journal article, thesis, book …), the order the type select lists them in.
      return [{ itemType: dir }, ...tail];
    case "updated":
      return [{ updatedAt: dir }, { id: "asc" }];
    default:
      return [{ createdAt: dir }, { id: "asc" }];
  }
}

/** One page of the library plus what the filter bar offers: stages, themes, assignable members. */
export async function listLibraryPage(access: ReviewAccess, params: LibraryParams) {
  const { userId, reviewId } = access.require("review.read");
  const where = await libraryWhere(userId, reviewId, params);
  const [total, all, stages, themes, members] = await Promise.all([
    db().reviewItem.count({ where }),
    db().reviewItem.count({ where: { reviewId, deletedAt: null } }),
    db().reviewStage.findMany({
      where: { reviewId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, kind: true },
    }),
    db().theme.findMany({
      where: { reviewId, archivedAt: null },
      orderBy: [{ position: "asc" }, { nameZh: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, color: true },
    }),
    db().membership.findMany({
      where: { reviewId },
      orderBy: { createdAt: "asc" },
      select: { role: true, user: { select: { id: true, name: true } } },
    }),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / params.size));
  const page = Math.min(params.page, lastPage);
  const items = await db().reviewItem.findMany({
    where,
    orderBy: libraryOrder(params),
    skip: (page - 1) * params.size,
    take: params.size,
    select: {
      id: true,
      itemType: true,
      publisher: true,
      titleZh: true,
      titleEn: true,
      journalZh: true,
      journalEn: true,
      year: true,
      volume: true,
      issue: true,
      pages: true,
      keywordsZh: true,
      keywordsEn: true,
      abstractZh: true,
      abstractEn: true,
      funding: true,
      screeningState: true,
      stage: { select: { id: true, nameZh: true, nameEn: true, kind: true } },
      authors: { where: { role: "AUTHOR" }, select: { nameZh: true, nameEn: true }, orderBy: { position: "asc" } },
      themes: { select: { theme: { select: { id: true, nameZh: true, nameEn: true, color: true } } } },
      assignments: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  // Full texts are large; ask only whether this page's items have one.
  const withText = new Set(
    (
      await db().reviewItem.findMany({
        where: { id: { in: items.map((item) => item.id) }, fullText: { not: null } },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  return {
    role: access.role,
    total,
    all,
    page,
    lastPage,
    params: { ...params, page },
    stages,
    themes,
    assignable: members.filter((m) => can(m.role, "item.changeStage")).map((m) => m.user),
    items: items.map((item) => ({
      ...item,
      themes: item.themes.map((link) => link.theme),
      assignees: item.assignments.map((assignment) => assignment.user),
      missing: missingFields({ ...item, hasFullText: withText.has(item.id), authorCount: item.authors.length }),
    })),
  };
}

/** Every item id the filter matches, for "select all N matching" in bulk actions (capped). */
export async function resolveLibraryIds(access: ReviewAccess, params: LibraryParams): Promise<string[]> {
  const { userId, reviewId } = access.require("review.read");
  const where = await libraryWhere(userId, reviewId, params);
  const rows = await db().reviewItem.findMany({ where, select: { id: true }, take: MAX_SELECT_ALL });
  return rows.map((row) => row.id);
}
