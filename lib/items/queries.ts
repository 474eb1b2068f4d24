import type { ReviewAccess } from "@/lib/authz/authorize";
import { missingForCitation } from "@/lib/bibliography/completeness";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { itemFieldsOf } from "./item-fields";
import { missingFields } from "./missing-metadata";
import { normalizedTitle, TITLE_NOISE } from "./title-key";

/** One item with everything its page shows. A trashed item is still found, marked, so its page can offer restore. */
export async function getItem(access: ReviewAccess, itemId: string) {
  const { reviewId } = access.require("review.read");
  const item = await db().reviewItem.findFirst({
    where: { id: itemId, reviewId },
    include: {
      stage: true,
      authors: { orderBy: [{ role: "asc" }, { position: "asc" }] },
      themes: { include: { theme: true } },
      deletedBy: { select: { name: true } },
      duplicateOf: { select: { id: true, titleZh: true, titleEn: true } },
    },
  });
  if (!item) throw new AppError("NOT_FOUND", `item ${itemId} not found in review ${reviewId}`);
  const authors = item.authors.filter((author) => author.role === "AUTHOR");
  return {
    item: {
      ...item,
      // "authors" means the AUTHOR role everywhere; editors, translators and supervisors are contributors.
      authors,
      contributors: item.authors.filter((author) => author.role !== "AUTHOR"),
      themes: item.themes.map((link) => link.theme),
      missing: missingFields({ ...item, authorCount: authors.length }),
      missingForCitation: missingForCitation(item),
    },
    role: access.role,
  };
}

/** The editable fields and the version an edit form starts from. */
export async function getItemForEdit(access: ReviewAccess, itemId: string) {
  const { reviewId } = access.require("item.update");
  const item = await db().reviewItem.findFirst({
    where: { id: itemId, reviewId, deletedAt: null },
    include: { authors: { orderBy: [{ role: "asc" }, { position: "asc" }] } },
  });
  if (!item) throw new AppError("NOT_FOUND", `item ${itemId} not found in review ${reviewId}`);
  return { id: item.id, version: item.version, fields: itemFieldsOf(item) };
}

/**
 * Items this one may duplicate, most likely first: the same DOI or the same title once case, width, spaces
 * and punctuation are ignored; then, for small reviews, every other item so any can be picked.
 */
export async function listDuplicateCandidates(access: ReviewAccess, itemId: string) {
  const { reviewId } = access.require("item.delete");
  const item = await db().reviewItem.findFirst({
    where: { id: itemId, reviewId, deletedAt: null },
    select: { doi: true, titleZh: true, titleEn: true },
  });
  if (!item) throw new AppError("NOT_FOUND", `item ${itemId} not found in review ${reviewId}`);
  const titles = [item.titleZh, item.titleEn].map(normalizedTitle).filter(Boolean);
  const likely = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM "ReviewItem"
    WHERE "reviewId" = ${reviewId} AND "deletedAt" IS NULL AND id <> ${itemId}
      AND ((${item.doi}::text IS NOT NULL AND lower(doi) = lower(${item.doi}::text))
        OR regexp_replace(lower(normalize(coalesce("titleZh", ''), NFKC)), ${TITLE_NOISE}, '', 'g') = ANY(${titles}::text[])
        OR regexp_replace(lower(normalize(coalesce("titleEn", ''), NFKC)), ${TITLE_NOISE}, '', 'g') = ANY(${titles}::text[]))
    LIMIT 20`;
  const likelyIds = new Set(likely.map((row) => row.id));
  const others = await db().reviewItem.count({ where: { reviewId, deletedAt: null, id: { not: itemId } } });
  const OFFER_ALL_UP_TO = 300;
  const candidates = await db().reviewItem.findMany({
    where: {
      reviewId,
      deletedAt: null,
      id: others <= OFFER_ALL_UP_TO ? { not: itemId } : { in: [...likelyIds] },
    },
    orderBy: [{ titleZh: "asc" }, { titleEn: "asc" }],
    select: { id: true, titleZh: true, titleEn: true, year: true },
  });
  return candidates
    .map((candidate) => ({ ...candidate, likely: likelyIds.has(candidate.id) }))
    .sort((a, b) => Number(b.likely) - Number(a.likely));
}

/** The review's trash, newest first, with who removed each item and what it duplicates. */
export async function listTrash(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const items = await db().reviewItem.findMany({
    where: { reviewId, deletedAt: { not: null } },
    orderBy: { deletedAt: "desc" },
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      year: true,
      deletedAt: true,
      deletedBy: { select: { name: true } },
      duplicateOf: { select: { id: true, titleZh: true, titleEn: true } },
      authors: {
        where: { role: "AUTHOR" },
        orderBy: { position: "asc" },
        take: 3,
        select: { nameZh: true, nameEn: true },
      },
    },
  });
  return { role: access.role, items };
}

/** Titles of the given items that are in the trash, for the notice that offers to undo a removal. */
export async function listTrashedTitles(access: ReviewAccess, itemIds: string[]) {
  const { reviewId } = access.require("review.read");
  if (itemIds.length === 0) return [];
  return db().reviewItem.findMany({
    where: { id: { in: itemIds.slice(0, 100) }, reviewId, deletedAt: { not: null } },
    select: { id: true, titleZh: true, titleEn: true },
  });
}
