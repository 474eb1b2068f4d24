// The review's one search: papers, coded passages, synthesis sections and comments, ranked by PostgreSQL.
// Membership is joined inside the query itself, so an entry of a review the user does not belong to can
// never be returned, whatever the caller passes.
import { z } from "zod";
import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { SearchKind } from "@/lib/db/generated/enums";
import { fragment, markAll, matcherPattern, type Matcher, type Segment } from "./highlight";
import { fold } from "./fold";
import { pendingChanges as countPending } from "./indexer";
import { hasFilters, parseQuery, replaceWords, type ParsedQuery, type QueryNote, type SearchTerm } from "./query";
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
  /** Counts above COUNT_CAP are estimated from a sample: the page says "about". */
  approximate: boolean;
  total: number;
  hits: SearchHit[];
  page: number;
  pageCount: number;
  /** Nothing matched as typed, so these results are for the corrected words ("showing results for …"). */
  corrected: Correction | null;
  /** The results are for the words as typed, but similar words of this review would find more ("did you mean"). */
  suggestion: Correction | null;
  /** Changes not yet in the index (the background job is catching up), counted up to 10,000. */
  pendingChanges: number;
}

export interface Correction {
  /** The query as the user would type it, corrected. */
  q: string;
  words: { from: string; to: string }[];
}

/** Counting stops here; beyond it the counts are estimated from a sample of the index. */
export const COUNT_CAP = 1_000;
/** Rows to rank: the best title/keyword/author hits plus any others, ranked by ts_rank among themselves. */
const HEAD_CANDIDATES = 100;
const CANDIDATES = 200;
/** About this many index rows are sampled to estimate a count above COUNT_CAP. */
const SAMPLE_ROWS = 2_000;

function tsqueryLiteral(lexemes: string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" & ");
}

/** What a Han text must contain as lexemes: its bigrams, or the character itself. */
function hanQuery(text: string): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    parts.push(Prisma.sql`${tsqueryLiteral(hanGrams(run))}::tsquery`);
  }
  return parts;
}

/** The tsquery of one term, or null when it has no lexeme (an English stop word). */
function termQuery(term: SearchTerm): Prisma.Sql | null {
  if (term.type === "latin" || term.type === "identifier") return Prisma.sql`plainto_tsquery('english', ${term.text})`;
  if (term.type === "han") return Prisma.join(hanQuery(term.text), " && ");
  if (!hasHan(term.text)) return Prisma.sql`phraseto_tsquery('english', ${term.text})`;
  const parts = hanQuery(term.text);
  const latin = latinPart(term.text).trim();
  if (latin) parts.push(Prisma.sql`plainto_tsquery('english', ${latin})`);
  return Prisma.join(parts, " && ");
}

/** Terms whose lexemes only narrow the candidates: the exact (folded) text must also be in the entry. */
function needsExactText(term: SearchTerm): boolean {
  return (
    (term.type === "han" && [...term.text].length > 2) ||
    (term.type === "phrase" && hasHan(term.text)) ||
    term.type === "identifier"
  );
}

interface Scope {
  userId: string;
  reviewId: string;
  params: SearchParams;
  /** Theme ids named by theme: in the query (resolved from names), on top of the form's theme filter. */
  themeIds: string[] | null;
}

function whereClause(scope: Scope, query: ParsedQuery) {
  const { userId, reviewId, params } = scope;
  const positive = query.include.map(termQuery).filter((q): q is Prisma.Sql => q !== null);
  const tsquery = positive.length ? Prisma.sql`(${Prisma.join(positive, " && ")})` : null;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`e."reviewId" = ${reviewId}`,
    Prisma.sql`(e."itemId" IS NULL OR i."deletedAt" IS NULL)`,
    Prisma.sql`(e."sectionId" IS NULL OR s."deletedAt" IS NULL)`,
    Prisma.sql`(e."threadId" IS NULL OR t."deletedAt" IS NULL)`,
  ];
  if (tsquery) conditions.push(Prisma.sql`e."tsv" @@ ${tsquery}`);
  for (const term of query.include) {
    if (needsExactText(term)) conditions.push(Prisma.sql`strpos(e."fold", ${normalize(term.text)}) > 0`);
  }
  for (const term of query.exclude) {
    if (term.type === "han" || term.type === "identifier" || (term.type === "phrase" && hasHan(term.text))) {
      conditions.push(Prisma.sql`strpos(e."fold", ${normalize(term.text)}) = 0`);
    } else {
      const q = termQuery(term);
      if (q) conditions.push(Prisma.sql`NOT (e."tsv" @@ (${q}))`);
    }
  }
  const filters = query.filters;
  if (filters.impossible) conditions.push(Prisma.sql`false`);
  if (params.stage.length) conditions.push(Prisma.sql`i."stageId" = ANY(${params.stage}::text[])`);
  const yearFrom = filters.yearFrom ?? params.yearFrom;
  const yearTo = filters.yearTo ?? params.yearTo;
  if (yearFrom !== undefined) conditions.push(Prisma.sql`i."year" >= ${yearFrom}`);
  if (yearTo !== undefined) conditions.push(Prisma.sql`i."year" <= ${yearTo}`);
  if (filters.types.length) conditions.push(Prisma.sql`i."itemType"::text = ANY(${filters.types}::text[])`);
  // author: and journal: read the paper's entry, so a passage is found by its paper's authors too.
  const paperField = (column: "authors" | "journal", values: string[]) => {
    for (const value of values) {
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "SearchEntry" p WHERE p."kind" = 'PAPER'
        AND p."sourceId" = e."itemId" AND strpos(p.${Prisma.raw(`"${column}"`)}, ${normalize(value)}) > 0)`);
    }
  };
  paperField("authors", filters.authors);
  paperField("journal", filters.journals);
  for (const themes of [params.theme.length ? params.theme : null, scope.themeIds]) {
    if (!themes) continue;
    const ids = Prisma.sql`${themes}::text[]`;
    conditions.push(Prisma.sql`(CASE e."kind"
      WHEN 'PAPER' THEN EXISTS (SELECT 1 FROM "ItemTheme" it WHERE it."itemId" = e."itemId" AND it."themeId" = ANY(${ids}))
      WHEN 'PASSAGE' THEN EXISTS (SELECT 1 FROM "CodingTheme" ct WHERE ct."codingId" = e."sourceId" AND ct."themeId" = ANY(${ids}))
      ELSE s."themeId" = ANY(${ids}) END)`);
  }
  // The source rows are looked up per matching entry (LATERAL … OFFSET 0 keeps PostgreSQL from turning them into
  // hash joins that read every item of the review before the LIMIT can stop the scan).
  const joins = Prisma.sql`
    JOIN "Membership" m ON m."reviewId" = e."reviewId" AND m."userId" = ${userId}
    LEFT JOIN LATERAL (SELECT x."deletedAt", x."stageId", x."year", x."itemType", x."titleZh", x."titleEn"
                         FROM "ReviewItem" x WHERE x."id" = e."itemId" OFFSET 0) i ON true
    LEFT JOIN LATERAL (SELECT x."deletedAt", x."themeId", x."title" FROM "SynthesisSection" x
                        WHERE x."id" = e."sectionId" OFFSET 0) s ON true
    LEFT JOIN LATERAL (SELECT x."deletedAt" FROM "CommentThread" x WHERE x."id" = e."threadId" OFFSET 0) t ON true`;
  const where = Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
  return { joins, where, tsquery };
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
    if (term.type === "han" || term.type === "identifier" || (term.type === "phrase" && hasHan(term.text)))
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

interface Page {
  counts: Record<SearchKind, number>;
  approximate: boolean;
  total: number;
  rows: Row[];
}

const ROW_COLUMNS = Prisma.sql`e."kind", e."id", e."sourceId", e."itemId", e."sectionId", e."threadId", e."title", e."body",
  i."titleZh", i."titleEn", s."title" AS "sectionTitle", i."year", i."stageId",
  (SELECT c."field"::text FROM "Coding" c WHERE c."id" = e."sourceId" AND e."kind" = 'PASSAGE') AS "field"`;

/**
 * Counts per kind, exact up to COUNT_CAP. Beyond it, counting every match of a common word (韧性 in 30 % of
 * the review) would cost more than the rest of the search: the counts are then estimated from a random sample
 * of the index pages (TABLESAMPLE SYSTEM), never below what was actually counted.
 */
async function countMatches(
  joins: Prisma.Sql,
  where: Prisma.Sql,
  capped: { kind: SearchKind; count: bigint }[],
): Promise<Pick<Page, "counts" | "approximate">> {
  const counts = emptyCounts();
  for (const row of capped) counts[row.kind] = Number(row.count);
  if (Object.values(counts).reduce((a, b) => a + b, 0) <= COUNT_CAP) return { counts, approximate: false };
  const [size] = await db().$queryRaw<{ rows: number }[]>`
    SELECT greatest(reltuples, 1)::float8 AS rows FROM pg_class WHERE oid = '"SearchEntry"'::regclass`;
  const percent = Math.min(100, (SAMPLE_ROWS * 100) / Math.max(1, size?.rows ?? 1));
  const sampled = await db().$queryRaw<{ kind: SearchKind; count: bigint }[]>`
    SELECT e."kind", count(*) AS count FROM "SearchEntry" e TABLESAMPLE SYSTEM (${percent}) REPEATABLE (7) ${joins} ${where}
     GROUP BY e."kind"`;
  for (const row of sampled) {
    counts[row.kind] = Math.max(counts[row.kind], Math.round((Number(row.count) * 100) / percent));
  }
  return { counts, approximate: true };
}

/**
 * Runs a search statement with PostgreSQL steered to the GIN indexes. They answer "which entries match" for
 * any term in a few milliseconds; a sequential scan, which the planner favours for common terms under a LIMIT,
 * reads and decompresses every tsvector it passes. Compiling such a plan to machine code (JIT) costs more than
 * running it.
 */
async function indexOnly<T>(statement: Prisma.PrismaPromise<T>): Promise<[T]> {
  const [, , result] = await db().$transaction([
    db().$executeRaw`SET LOCAL enable_seqscan = off`,
    db().$executeRaw`SET LOCAL jit = off`,
    statement,
  ]);
  return [result];
}

async function findPage(scope: Scope, query: ParsedQuery): Promise<Page> {
  const { params } = scope;
  const { joins, where, tsquery } = whereClause(scope, query);
  const kindFilter = params.kind.length ? Prisma.sql`AND e."kind" = ANY(${params.kind}::"SearchKind"[])` : Prisma.empty;
  const offset = (params.page - 1) * params.limit;
  const rowsQuery = tsquery
    ? // Rank only candidates: the best-placed heading hits and enough others to fill the page. Ranking every
      // match of a common word reads every matching tsvector; within the candidates the order is ts_rank's.
      db().$queryRaw<Row[]>`
        SELECT ${ROW_COLUMNS}
          FROM (
            (SELECT e."id" FROM "SearchEntry" e ${joins} ${where} AND e."headTsv" @@ ${tsquery} ${kindFilter}
              LIMIT ${Math.max(HEAD_CANDIDATES, offset + params.limit)})
            UNION
            (SELECT e."id" FROM "SearchEntry" e ${joins} ${where} ${kindFilter}
              LIMIT ${Math.max(CANDIDATES, offset + params.limit)})
          ) AS candidate
          JOIN "SearchEntry" e ON e."id" = candidate."id"
          LEFT JOIN "ReviewItem" i ON i."id" = e."itemId"
          LEFT JOIN "SynthesisSection" s ON s."id" = e."sectionId"
         ORDER BY ts_rank(e."tsv", ${tsquery}, 1) DESC, e."updatedAt" DESC, e."id"
         LIMIT ${params.limit} OFFSET ${offset}`
    : // Filters alone (author:阚道远, type:thesis): newest papers first.
      db().$queryRaw<Row[]>`
        SELECT ${ROW_COLUMNS} FROM "SearchEntry" e ${joins} ${where} ${kindFilter}
         ORDER BY i."year" DESC NULLS LAST, e."updatedAt" DESC, e."id"
         LIMIT ${params.limit} OFFSET ${offset}`;
  // Counting and ranking run side by side, on two connections (two PostgreSQL backends, two cores).
  const [[cappedCounts], [rows]] = await Promise.all([
    indexOnly(
      db().$queryRaw<{ kind: SearchKind; count: bigint }[]>`
        SELECT kind, count(*) AS count FROM (SELECT e."kind" FROM "SearchEntry" e ${joins} ${where} LIMIT ${COUNT_CAP + 1}) AS m
         GROUP BY kind`,
    ),
    indexOnly(rowsQuery),
  ]);
  const { counts, approximate } = await countMatches(joins, where, cappedCounts);
  const total = params.kind.length
    ? params.kind.reduce((sum, kind) => sum + counts[kind], 0)
    : Object.values(counts).reduce((a, b) => a + b, 0);
  return { counts, approximate, total, rows };
}

/** Latin words of the query a trigram match could correct: letters only, long enough to misspell. */
function correctable(query: ParsedQuery): string[] {
  return query.include
    .filter((term) => term.type === "latin" && /^[a-z]{4,30}$/.test(term.text))
    .map((term) => term.text);
}

/**
 * For each word the review's vocabulary does not hold, its most similar word there (pg_trgm), if any is
 * similar enough. Words the review holds are never corrected.
 */
async function corrections(reviewId: string, words: string[]): Promise<Map<string, string>> {
  if (words.length === 0) return new Map();
  const rows = await db().$queryRaw<{ word: string; best: string | null }[]>`
    SELECT w AS word,
           CASE WHEN EXISTS (SELECT 1 FROM "SearchWord" k WHERE k."reviewId" = ${reviewId} AND k."word" = w) THEN NULL
                ELSE (SELECT k."word" FROM "SearchWord" k WHERE k."reviewId" = ${reviewId} AND k."word" % w
                       ORDER BY similarity(k."word", w) DESC, k."word" LIMIT 1) END AS best
      FROM unnest(${words}::text[]) AS w`;
  return new Map(rows.filter((row) => row.best && row.best !== row.word).map((row) => [row.word, row.best!]));
}

/** Theme names given with theme: → the ids of the live themes whose name holds them (either language). */
async function themeIdsNamed(reviewId: string, names: string[]): Promise<string[] | null> {
  if (names.length === 0) return null;
  const themes = await db().theme.findMany({
    where: { reviewId, archivedAt: null, mergedIntoId: null },
    select: { id: true, nameZh: true, nameEn: true },
  });
  return themes
    .filter((theme) => names.some((name) => fold(`${theme.nameZh}\n${theme.nameEn ?? ""}`).includes(fold(name))))
    .map((theme) => theme.id);
}

export async function searchReview(userId: string, reviewId: string, raw: SearchParams): Promise<SearchResult> {
  await authorize(userId, reviewId, "review.read");
  const params = searchParamsSchema.parse(raw);
  let query = parseQuery(params.q);
  const empty = (pendingChanges: number): SearchResult => ({
    query,
    counts: emptyCounts(),
    approximate: false,
    total: 0,
    hits: [],
    page: 1,
    pageCount: 0,
    corrected: null,
    suggestion: null,
    pendingChanges,
  });
  const positive = query.include.map(termQuery).filter(Boolean);
  if (positive.length === 0 && !hasFilters(query.filters)) return empty(0);
  const themeIds = await themeIdsNamed(reviewId, query.filters.themes);
  if (themeIds && themeIds.length === 0) {
    query = {
      ...query,
      filters: { ...query.filters, impossible: true },
      notes: [
        ...query.notes.filter((note) => note.type !== "filter" || note.field !== "theme"),
        ...query.filters.themes.map((value): QueryNote => ({ type: "badFilter", field: "theme", value })),
      ],
    };
  }
  const scope: Scope = { userId, reviewId, params, themeIds };
  // The index is read as it is: the background job brings it up to date, the page says how far behind it is.
  const [first, pendingChanges] = await Promise.all([findPage(scope, query), countPending()]);
  let found = first;
  let corrected: Correction | null = null;
  let suggestion: Correction | null = null;
  const fixes = await corrections(reviewId, correctable(query));
  if (fixes.size > 0) {
    const correction: Correction = {
      q: replaceWords(params.q, fixes),
      words: [...fixes].map(([from, to]) => ({ from, to })),
    };
    if (found.total === 0) {
      // Nothing matched as typed: show what the corrected words find, and say so. Fuzzy results are only
      // ever shown instead of an empty page, never mixed with (or ranked above) exact ones.
      const correctedQuery = parseQuery(correction.q);
      const retry = await findPage(scope, { ...correctedQuery, filters: query.filters });
      if (retry.total > 0) {
        found = retry;
        corrected = correction;
        query = { ...correctedQuery, filters: query.filters, notes: query.notes };
      }
    } else {
      suggestion = correction;
    }
  }
  const { counts, approximate, total, rows } = found;
  const matchers = await matchersOf(query);
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
    const cut = fragment(shownBody, pattern, 40, 160, anchors, fold);
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
        zh: markAll(heading ?? row.titleZh ?? row.titleEn ?? "", pattern, fold),
        en: markAll(heading ?? row.titleEn ?? row.titleZh ?? "", pattern, fold),
      },
      fragment: cut.segments,
      year: row.year,
      stageId: row.stageId,
      context:
        row.kind === "PASSAGE" && row.body
          ? fragment(row.body, pattern, 40, 160, [], fold).segments
          : row.kind === "COMMENT" && row.title
            ? fragment(row.title, pattern, 20, 80, [], fold).segments
            : [],
      field: row.field,
    };
  });
  return {
    query,
    counts,
    approximate,
    total,
    hits,
    page: params.page,
    pageCount: Math.ceil(total / params.limit),
    corrected,
    suggestion,
    pendingChanges,
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
