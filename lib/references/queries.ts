// What an item cites, which other items cite the same works, and which cited works the review already holds.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { normalizedTitle, TITLE_NOISE } from "@/lib/items/title-key";
import type { ParsedReference } from "./parse-reference";

export interface ItemLink {
  id: string;
  titleZh: string | null;
  titleEn: string | null;
}

export interface CitedReference {
  id: string;
  position: number;
  parsed: ParsedReference;
  /** Every item of the review (this one included) whose list cites the same work, when there are two or more. */
  citedBy: ItemLink[];
  /** The review's item for this work, if it already holds it. */
  inReview: ItemLink | null;
}

type Client = Transaction | ReturnType<typeof db>;

/**
 * The items of a review that are the works the references describe: the same DOI, or the same title (case,
 * width, spaces and punctuation ignored) with no contradicting year. Keyed by the reference's index.
 */
export async function matchingItems(
  client: Client,
  reviewId: string,
  references: Pick<ParsedReference, "title" | "year" | "doi">[],
): Promise<Map<number, ItemLink>> {
  const titles = [...new Set(references.map((ref) => normalizedTitle(ref.title)).filter((t) => t.length >= 4))];
  const dois = [...new Set(references.flatMap((ref) => (ref.doi ? [ref.doi.toLowerCase()] : [])))];
  const found = new Map<number, ItemLink>();
  if (titles.length === 0 && dois.length === 0) return found;
  const candidates = await client.$queryRaw<(ItemLink & { year: number | null; doi: string | null })[]>`
    SELECT id, "titleZh", "titleEn", year, doi FROM "ReviewItem"
    WHERE "reviewId" = ${reviewId} AND "deletedAt" IS NULL
      AND (lower(doi) = ANY(${dois}::text[])
        OR regexp_replace(lower(normalize(coalesce("titleZh", ''), NFKC)), ${TITLE_NOISE}, '', 'g') = ANY(${titles}::text[])
        OR regexp_replace(lower(normalize(coalesce("titleEn", ''), NFKC)), ${TITLE_NOISE}, '', 'g') = ANY(${titles}::text[]))
    ORDER BY "createdAt" ASC`;
  references.forEach((ref, index) => {
    const title = normalizedTitle(ref.title);
    const match = candidates.find(
      (item) =>
        (ref.doi && item.doi?.toLowerCase() === ref.doi.toLowerCase()) ||
        (title.length >= 4 &&
          [item.titleZh, item.titleEn].some((candidate) => normalizedTitle(candidate) === title) &&
          (ref.year === null || item.year === null || ref.year === item.year)),
    );
    if (match) found.set(index, { id: match.id, titleZh: match.titleZh, titleEn: match.titleEn });
  });
  return found;
}

/** For each match key or DOI, the items (not in the trash) whose reference lists cite it. */
export async function findItemsCiting(
  client: Client,
  reviewId: string,
  keys: { matchKeys: string[]; dois: string[] },
): Promise<{ byKey: Map<string, Map<string, ItemLink>>; byDoi: Map<string, Map<string, ItemLink>> }> {
  const byKey = new Map<string, Map<string, ItemLink>>();
  const byDoi = new Map<string, Map<string, ItemLink>>();
  if (keys.matchKeys.length === 0 && keys.dois.length === 0) return { byKey, byDoi };
  const rows = await client.itemReference.findMany({
    where: {
      reviewId,
      item: { deletedAt: null },
      OR: [{ matchKey: { in: keys.matchKeys } }, { doi: { in: keys.dois } }],
    },
    select: { matchKey: true, doi: true, item: { select: { id: true, titleZh: true, titleEn: true } } },
    orderBy: [{ item: { createdAt: "asc" } }, { position: "asc" }],
  });
  for (const row of rows) {
    if (row.matchKey) addTo(byKey, row.matchKey, row.item);
    if (row.doi) addTo(byDoi, row.doi, row.item);
  }
  return { byKey, byDoi };
}

function addTo(map: Map<string, Map<string, ItemLink>>, key: string, item: ItemLink) {
  const items = map.get(key) ?? new Map<string, ItemLink>();
  items.set(item.id, item);
  map.set(key, items);
}

/** The references an item's full text cites, each with who else cites it and whether the review holds it. */
export async function listItemReferences(access: ReviewAccess, itemId: string): Promise<CitedReference[]> {
  const { reviewId } = access.require("review.read");
  const item = await db().reviewItem.findFirst({ where: { id: itemId, reviewId }, select: { id: true } });
  if (!item) throw new AppError("NOT_FOUND", `item ${itemId} not found in review ${reviewId}`);
  const rows = await db().itemReference.findMany({
    where: { itemId, reviewId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, parsed: true, matchKey: true, doi: true },
  });
  if (rows.length === 0) return [];
  const parsed = rows.map((row) => row.parsed as unknown as ParsedReference);
  const [citing, inReview] = await Promise.all([
    findItemsCiting(db(), reviewId, {
      matchKeys: rows.flatMap((row) => (row.matchKey ? [row.matchKey] : [])),
      dois: rows.flatMap((row) => (row.doi ? [row.doi] : [])),
    }),
    matchingItems(db(), reviewId, parsed),
  ]);
  return rows.map((row, index) => {
    const citedBy = new Map<string, ItemLink>([
      ...(row.matchKey ? (citing.byKey.get(row.matchKey) ?? []) : []),
      ...(row.doi ? (citing.byDoi.get(row.doi) ?? []) : []),
    ]);
    const match = inReview.get(index) ?? null;
    return {
      id: row.id,
      position: row.position,
      parsed: parsed[index]!,
      citedBy: citedBy.size >= 2 ? [...citedBy.values()] : [],
      // An item is not "already in the review" as a reference to itself.
      inReview: match && match.id !== itemId ? match : null,
    };
  });
}

export interface SharedReference {
  matchKey: string;
  parsed: ParsedReference;
  citedBy: ItemLink[];
  inReview: ItemLink | null;
  /** A reference row to add the work from (the first citing item's). */
  referenceId: string;
}

/** How many co-cited works the review page lists at most, most cited first. */
export const SHARED_REFERENCES_SHOWN = 200;

/** The works two or more items of the review cite: the snowballing candidates, most cited first. */
export async function listSharedReferences(
  access: ReviewAccess,
): Promise<{ shared: SharedReference[]; total: number }> {
  const { reviewId } = access.require("review.read");
  const where = { reviewId, matchKey: { not: null }, item: { deletedAt: null } };
  const having = { itemId: { _count: { gt: 1 } } };
  const [groups, all] = await Promise.all([
    db().itemReference.groupBy({
      by: ["matchKey"],
      where,
      having,
      orderBy: [{ _count: { itemId: "desc" } }, { matchKey: "asc" }],
      take: SHARED_REFERENCES_SHOWN,
    }),
    db().itemReference.groupBy({ by: ["matchKey"], where, having }),
  ]);
  const keys = groups.flatMap((group) => (group.matchKey ? [group.matchKey] : []));
  if (keys.length === 0) return { shared: [], total: 0 };
  const rows = await db().itemReference.findMany({
    where: { reviewId, matchKey: { in: keys }, item: { deletedAt: null } },
    orderBy: [{ item: { createdAt: "asc" } }, { position: "asc" }],
    select: { id: true, matchKey: true, parsed: true, item: { select: { id: true, titleZh: true, titleEn: true } } },
  });
  const shared = new Map<string, SharedReference>();
  for (const row of rows) {
    const key = row.matchKey!;
    const entry =
      shared.get(key) ??
      ({
        matchKey: key,
        parsed: row.parsed as unknown as ParsedReference,
        citedBy: [],
        inReview: null,
        referenceId: row.id,
      } satisfies SharedReference);
    if (!entry.citedBy.some((item) => item.id === row.item.id)) entry.citedBy.push(row.item);
    shared.set(key, entry);
  }
  // One item citing a work twice is not two citing items.
  const list = [...shared.values()].filter((entry) => entry.citedBy.length >= 2);
  const inReview = await matchingItems(
    db(),
    reviewId,
    list.map((entry) => entry.parsed),
  );
  list.forEach((entry, index) => (entry.inReview = inReview.get(index) ?? null));
  list.sort((a, b) => b.citedBy.length - a.citedBy.length || a.matchKey.localeCompare(b.matchKey));
  // A group counts reference rows, so a work one item cites twice can fill a place and then drop out here.
  return { shared: list, total: all.length };
}
