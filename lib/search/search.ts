// The review's one search: papers, coded passages, synthesis sections and comments, ranked by PostgreSQL.
// Membership is joined inside the query itself, so an entry of a review the user does not belong to can
// never be returned, whatever the caller passes.
import { z } from "zod";
import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { SearchKind } from "@/lib/db/generated/enums";
import { fragment, markAll, matcherPattern, type Matcher, type Segment } from "./highlight";
import { drainSearchQueue } from "./indexer";
import { parseQuery, type ParsedQuery, type SearchTerm } from "./query";
import { hanGrams, hasHan, latinPart, normalize } from "./segment";

export const SEARCH_KINDS = ["PAPER", "PASSAGE", "SECTION", "COMMENT"] as const satisfies readonly SearchKind[];
export const SEARCH_PAGE_SIZE = 20;

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : value.split(",")))
  .transform((values) => values.map((v) => v.trim()).filter((v) => v && v.length <= 64))
  .catch([]);
const year = z.coerce.number().int().min(1000).max(2999).optional().catch(undefined);

/** URL params → a valid search. Malformed parts fall back to their defaults instead of failing the page. */
export const searchParamsSchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  kind: list.transform((values) =>
    values.filter((v): v is SearchKind => (SEARCH_KINDS as readonly string[]).includes(v)),
  ),
  stage: list,
  theme: list,
  yearFrom: year,
  yearTo: year,
  page: z.coerce.number().int().min(1).max(500).default(1).catch(1),
  limit: z.coerce.number().int().min(1).max(50).default(SEARCH_PAGE_SIZE).catch(SEARCH_PAGE_SIZE),
});

export type SearchParams = z.output<typeof searchParamsSchema>;

export function parseSearchParams(raw: Record<string, string | string[] | undefined>): SearchParams {
  return searchParamsSchema.parse(raw);
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  href: string;
  /** The heading shown for the hit: paper title, the passage's paper, the section title. */
  titleZh: string | null;
  titleEn: string | null;
  /** The heading marked where the query matched, in each language. */
  titleSegments: { zh: Segment[]; en: Segment[] };
  fragment: Segment[];
  year: number | null;
  stageId: string | null;
  /** A passage's memo, or the phrase a comment is on, marked too. */
  context: Segment[];
  /** The text a passage was coded in (FULL_TEXT, ABSTRACT_ZH, ABSTRACT_EN). */
  field: string | null;
}

export interface SearchResult {
  query: ParsedQuery;
  counts: Record<SearchKind, number>;
  total: number;
  hits: SearchHit[];
  page: number;
  pageCount: number;
}

function tsqueryLiteral(lexemes: string[], prefix = false): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${prefix ? ":*" : ""}`).join(" & ");
}

/** What a Han text must contain as lexemes: its bigrams (or the character, as a prefix). */
function hanQuery(text: string): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const single = [...run].length === 1;
    parts.push(Prisma.sql`${tsqueryLiteral(hanGrams(run), single)}::tsquery`);
  }
  return parts;
}

/** The tsquery of one term, or null when it has no lexeme (an English stop word). */
function termQuery(term: SearchTerm): Prisma.Sql | null {
  if (term.type === "latin") return Prisma.sql`plainto_tsquery('english', ${term.text})`;
  if (term.type === "han") return Prisma.join(hanQuery(term.text), " && ");
  if (!hasHan(term.text)) return Prisma.sql`phraseto_tsquery('english', ${term.text})`;
  const parts = hanQuery(term.text);
  const latin = latinPart(term.text).trim();
  if (latin) parts.push(Prisma.sql`plainto_tsquery('english', ${latin})`);
  return Prisma.join(parts, " && ");
}

/** Terms whose lexemes only narrow the candidates: the exact text must also be in the entry. */
function needsExactText(term: SearchTerm): boolean {
  return (term.type === "han" && [...term.text].length > 2) || (term.type === "phrase" && hasHan(term.text));
}

const ENTRY_TEXT = Prisma.sql`lower(e."title" || E'\n' || e."body")`;

function whereClause(userId: string, reviewId: string, query: ParsedQuery, params: SearchParams) {
  const positive = query.include.map(termQuery).filter((q): q is Prisma.Sql => q !== null);
  const tsquery = Prisma.sql`(${Prisma.join(positive, " && ")})`;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`e."reviewId" = ${reviewId}`,
    Prisma.sql`e."tsv" @@ ${tsquery}`,
    Prisma.sql`(e."itemId" IS NULL OR i."deletedAt" IS NULL)`,
    Prisma.sql`(e."sectionId" IS NULL OR s."deletedAt" IS NULL)`,
    Prisma.sql`(e."threadId" IS NULL OR t."deletedAt" IS NULL)`,
  ];
  for (const term of query.include) {
    if (needsExactText(term)) conditions.push(Prisma.sql`strpos(${ENTRY_TEXT}, ${normalize(term.text)}) > 0`);
  }
  for (const term of query.exclude) {
    if (term.type === "han" || (term.type === "phrase" && hasHan(term.text))) {
      conditions.push(Prisma.sql`strpos(${ENTRY_TEXT}, ${normalize(term.text)}) = 0`);
    } else {
      const q = termQuery(term);
      if (q) conditions.push(Prisma.sql`NOT (e."tsv" @@ (${q}))`);
    }
  }
  if (params.stage.length) conditions.push(Prisma.sql`i."stageId" = ANY(${params.stage}::text[])`);
  if (params.yearFrom !== undefined) conditions.push(Prisma.sql`i."year" >= ${params.yearFrom}`);
  if (params.yearTo !== undefined) conditions.push(Prisma.sql`i."year" <= ${params.yearTo}`);
  if (params.theme.length) {
    const themes = Prisma.sql`${params.theme}::text[]`;
    conditions.push(Prisma.sql`(CASE e."kind"
      WHEN 'PAPER' THEN EXISTS (SELECT 1 FROM "ItemTheme" it WHERE it."itemId" = e."itemId" AND it."themeId" = ANY(${themes}))
      WHEN 'PASSAGE' THEN EXISTS (SELECT 1 FROM "CodingTheme" ct WHERE ct."codingId" = e."sourceId" AND ct."themeId" = ANY(${themes}))
      ELSE s."themeId" = ANY(${themes}) END)`);
  }
  const from = Prisma.sql`
    FROM "SearchEntry" e
    JOIN "Membership" m ON m."reviewId" = e."reviewId" AND m."userId" = ${userId}
    LEFT JOIN "ReviewItem" i ON i."id" = e."itemId"
    LEFT JOIN "SynthesisSection" s ON s."id" = e."sectionId"
    LEFT JOIN "CommentThread" t ON t."id" = e."threadId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
  return { from, tsquery };
}

interface Row {
  kind: SearchKind;
  id: string;
  sourceId: string;
  itemId: string | null;
  sectionId: string | null;
  threadId: string | null;
  title: string;
  body: string;
  titleZh: string | null;
  titleEn: string | null;
  sectionTitle: string | null;
  year: number | null;
  stageId: string | null;
  field: string | null;
}

/** The English stems of the Latin words searched, to mark governing as well as governance. */
async function latinStems(words: string[]): Promise<string[]> {
  if (words.length === 0) return [];
  const rows = await db().$queryRaw<{ stem: string }[]>`
    SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', w))) AS stem FROM unnest(${words}::text[]) AS w`;
  return rows.map((r) => r.stem).filter((stem) => stem.length > 1);
}

async function matchersOf(query: ParsedQuery): Promise<Matcher[]> {
  const literals: Matcher[] = [];
  const latinWords: string[] = [];
  for (const term of query.include) {
    if (term.type === "han" || (term.type === "phrase" && hasHan(term.text)))
      literals.push({ type: "literal", text: term.text });
    else latinWords.push(...term.text.split(/\s+/));
  }
  const stems = await latinStems(latinWords);
  return [...literals, ...stems.map((stem): Matcher => ({ type: "stem", stem }))];
}

function hrefOf(reviewId: string, row: Row, hitText: string, hitLine: string): string {
  const base = `/reviews/${reviewId}`;
  switch (row.kind) {
    case "PAPER":
      // Chromium and Safari scroll to (and mark) the text named in a text fragment.
      return hitText
        ? `${base}/items/${row.itemId}#:~:text=${encodeURIComponent(hitText)}`
        : `${base}/items/${row.itemId}`;
    case "PASSAGE":
      return `${base}/items/${row.itemId}#passage-${row.sourceId}`;
    case "SECTION":
      return hitLine
        ? `${base}/synthesis/${row.sectionId}#para=${encodeURIComponent(hitLine)}`
        : `${base}/synthesis/${row.sectionId}`;
    case "COMMENT":
      return `${base}/synthesis/${row.sectionId}?thread=${row.threadId}`;
  }
}

/** The start of the line the first hit is on: how the section editor finds the paragraph to scroll to. */
function lineAt(text: string, offset: number): string {
  if (offset < 0) return "";
  const start = text.lastIndexOf("\n", offset) + 1;
  const end = text.indexOf("\n", offset);
  return text
    .slice(start, end < 0 ? undefined : end)
    .trim()
    .slice(0, 40);
}

/** The hit and the words after it on its line: enough for the browser to find this occurrence, not the first. */
function textFragmentAt(text: string, offset: number, hit: string): string {
  if (offset < 0 || !hit) return "";
  const end = text.indexOf("\n", offset);
  const line = text.slice(offset, end < 0 ? undefined : end);
  return line.slice(0, hit.length + 10).trim();
}

function emptyCounts(): Record<SearchKind, number> {
  return { PAPER: 0, PASSAGE: 0, SECTION: 0, COMMENT: 0 };
}

export async function searchReview(userId: string, reviewId: string, raw: SearchParams): Promise<SearchResult> {
  await authorize(userId, reviewId, "review.read");
  const params = searchParamsSchema.parse(raw);
  const query = parseQuery(params.q);
  const positive = query.include.map(termQuery).filter(Boolean);
  if (positive.length === 0) {
    return { query, counts: emptyCounts(), total: 0, hits: [], page: 1, pageCount: 0 };
  }
  try {
    await drainSearchQueue();
  } catch (error) {
    // A failed rebuild must not take search down with it: results may then lag until the next drain.
    console.error("search: rebuilding queued entries failed", error);
  }
  const { from, tsquery } = whereClause(userId, reviewId, query, params);
  const kindFilter = params.kind.length ? Prisma.sql`AND e."kind" = ANY(${params.kind}::"SearchKind"[])` : Prisma.empty;
  const [countRows, rows, matchers] = await Promise.all([
    db().$queryRaw<{ kind: SearchKind; count: bigint }[]>`SELECT e."kind", count(*) AS count ${from} GROUP BY e."kind"`,
    db().$queryRaw<Row[]>`
      SELECT e."kind", e."id", e."sourceId", e."itemId", e."sectionId", e."threadId", e."title", e."body",
             i."titleZh", i."titleEn", s."title" AS "sectionTitle", i."year", i."stageId",
             (SELECT c."field"::text FROM "Coding" c WHERE c."id" = e."sourceId" AND e."kind" = 'PASSAGE') AS "field"
      ${from} ${kindFilter}
      ORDER BY ts_rank(e."tsv", ${tsquery}, 1) DESC, e."updatedAt" DESC, e."id"
      LIMIT ${params.limit} OFFSET ${(params.page - 1) * params.limit}`,
    matchersOf(query),
  ]);
  const counts = emptyCounts();
  for (const row of countRows) counts[row.kind] = Number(row.count);
  const total = params.kind.length
    ? params.kind.reduce((sum, kind) => sum + counts[kind], 0)
    : Object.values(counts).reduce((a, b) => a + b, 0);
  const pattern = matcherPattern(matchers);
  // Centre fragments (and links) on the whole Chinese query where it occurs, else on its longest word.
  const hanTerms = query.include.filter((term) => term.type !== "latin" && hasHan(term.text)).map((term) => term.text);
  const anchors = [
    hanTerms.length > 1 ? hanTerms.join("") : "",
    ...query.include.map((term) => term.text).sort((a, b) => b.length - a.length),
  ].filter(Boolean);
  const hits = rows.map((row): SearchHit => {
    const shownBody =
      row.kind === "PAPER" || row.kind === "SECTION" ? row.body : row.kind === "PASSAGE" ? row.title : row.body;
    const cut = fragment(shownBody, pattern, 40, 160, anchors);
    const heading = row.kind === "SECTION" || row.kind === "COMMENT" ? (row.sectionTitle ?? row.title) : null;
    return {
      kind: row.kind,
      id: row.sourceId,
      href: hrefOf(
        reviewId,
        row,
        row.kind === "PAPER" ? textFragmentAt(row.body, cut.firstHit, cut.firstHitText) : "",
        row.kind === "SECTION" ? lineAt(row.body, cut.firstHit) : "",
      ),
      titleZh: heading ?? row.titleZh,
      titleEn: heading ?? row.titleEn,
      titleSegments: {
        zh: markAll(heading ?? row.titleZh ?? row.titleEn ?? "", pattern),
        en: markAll(heading ?? row.titleEn ?? row.titleZh ?? "", pattern),
      },
      fragment: cut.segments,
      year: row.year,
      stageId: row.stageId,
      context:
        row.kind === "PASSAGE" && row.body
          ? fragment(row.body, pattern).segments
          : row.kind === "COMMENT" && row.title
            ? fragment(row.title, pattern, 20, 80).segments
            : [],
      field: row.field,
    };
  });
  return {
    query,
    counts,
    total,
    hits,
    page: params.page,
    pageCount: Math.ceil(total / params.limit),
  };
}

export type { Segment } from "./highlight";

/** The stages and live themes the search page offers as filters. */
export async function searchFilterOptions(userId: string, reviewId: string) {
  await authorize(userId, reviewId, "review.read");
  const [stages, themes] = await Promise.all([
    db().reviewStage.findMany({
      where: { reviewId },
      orderBy: { position: "asc" },
      select: { id: true, nameZh: true, nameEn: true },
    }),
    db().theme.findMany({
      where: { reviewId, archivedAt: null, mergedIntoId: null },
      orderBy: { position: "asc" },
      select: { id: true, nameZh: true, nameEn: true },
    }),
  ]);
  return { stages, themes };
}

/** The params as a query string, leaving out what is empty, so a search can be shared as a link. */
export function searchQueryString(params: Partial<SearchParams>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    if ((key === "page" && value === 1) || (key === "limit" && value === SEARCH_PAGE_SIZE)) continue;
    search.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
