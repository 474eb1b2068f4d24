// The review's one search: papers, coded passages, synthesis sections and comments, ranked by PostgreSQL.
// Membership is joined inside the query itself, so an entry of a review the user does not belong to can
// never be returned, whatever the caller passes.
import { z } from "zod";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { SearchKind } from "@/lib/db/generated/enums";
import { fragment, markAll, matcherPattern, type Matcher, type Segment } from "./highlight";
import { fold } from "./fold";
import { searchQuery } from "./connection";
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

/**
 * Counts are exact while that is cheap. Beyond, a kind's count is estimated from its matches in a fixed random
 * share of the index — the entries whose bucket, a hash of their random id (0 … 1023), is below 16 (1/64), or
 * from 896 up (1/8); each share has a small GIN index of its own (migration 20261207304100). An estimate rests
 * on at least SAMPLE_MATCHES sampled matches in the 1/64 share (kinds of about 40,000 matches or more: ±4 % or
 * better), or on about 400 or more in the 1/8 share (kinds of about 3,000 to 40,000: ±2–5 %); a kind too rare for
 * either is counted outright.
 */
export const SAMPLE_MATCHES = 600;
const BUCKETS = 1_024;
/**
 * The shares, as their size in buckets and their condition, written as the partial indexes' predicates are. They
 * are disjoint, so each statement's share implies exactly one share index's predicate.
 */
const BUCKET = `(hashtext(e."id") & 1023)`;
const SHARES: Record<number, Prisma.Sql> = {
  16: Prisma.raw(`${BUCKET} < 16`),
  128: Prisma.raw(`${BUCKET} >= 896`),
};
const HEAD_SHARE = Prisma.raw(`${BUCKET} >= 16 AND ${BUCKET} < 32`);
/** Rows to rank: the best title/keyword/author hits plus any others, ranked by ts_rank among themselves. */
const HEAD_CANDIDATES = 100;
const CANDIDATES = 200;

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

/**
 * The tsquery of one term as the GIN index reads it, or null when it has no lexeme (an English stop word).
 * English phrases are asked here as their words (no positions, so the index's answer needs no re-check against
 * the large `tsv`); their order is checked on the small `latinTsv` (phraseCheck).
 */
function termQuery(term: SearchTerm): Prisma.Sql | null {
  if (term.type === "latin" || term.type === "identifier") return Prisma.sql`plainto_tsquery('english', ${term.text})`;
  if (term.type === "han") return Prisma.join(hanQuery(term.text), " && ");
  if (!hasHan(term.text)) return Prisma.sql`plainto_tsquery('english', ${term.text})`;
  const parts = hanQuery(term.text);
  const latin = latinPart(term.text).trim();
  if (latin) parts.push(Prisma.sql`plainto_tsquery('english', ${latin})`);
  return Prisma.join(parts, " && ");
}

/**
 * An English phrase: its stems in order, checked on the entry's English stems alone — and first its adjacent
 * pairs of stems ('urban rural' & 'rural integr'), which an index of latinTsv's pairs answers, so an entry holding
 * every word but never in that order is not read at all (search_phrase_pairs is NULL when the phrase has no
 * adjacent pair, and is folded to a constant when the statement is planned).
 */
function phraseCheck(term: SearchTerm): { pairs: Prisma.Sql; phrase: Prisma.Sql } | null {
  if (term.type !== "phrase" || hasHan(term.text)) return null;
  return {
    pairs: Prisma.sql`(search_phrase_pairs(${term.text}) IS NULL OR search_latin_pairs(e."latinTsv") @@ search_phrase_pairs(${term.text}))`,
    phrase: Prisma.sql`e."latinTsv" @@ phraseto_tsquery('english', ${term.text})`,
  };
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

interface Where {
  /** Every condition but the index's match: membership, live sources, exact text, exclusions, filters. */
  rest: Prisma.Sql[];
  /** The positive terms as one tsquery (null for a search by filters alone). */
  tsquery: Prisma.Sql | null;
  /** Conditions an index answers besides the words' (an English phrase's stem pairs): read with the words. */
  narrow: Prisma.Sql[];
}

function whereClause(scope: Scope, query: ParsedQuery): Where {
  const { userId, reviewId, params } = scope;
  const positive = query.include.map(termQuery).filter((q): q is Prisma.Sql => q !== null);
  const tsquery = positive.length ? Prisma.sql`(${Prisma.join(positive, " && ")})` : null;
  // Membership and "not in the trash" are each one lookup per statement (an InitPlan, hashed sets of the few
  // trashed ids), not one per matching entry: counting a common word reads no other table.
  const trashed = (table: string) =>
    Prisma.sql`(SELECT x."id" FROM ${Prisma.raw(`"${table}"`)} x WHERE x."reviewId" = ${reviewId} AND x."deletedAt" IS NOT NULL)`;
  const narrow: Prisma.Sql[] = [];
  const conditions: Prisma.Sql[] = [
    Prisma.sql`e."reviewId" = ${reviewId}`,
    Prisma.sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."reviewId" = ${reviewId} AND m."userId" = ${userId})`,
    Prisma.sql`(e."itemId" IS NULL OR e."itemId" NOT IN ${trashed("ReviewItem")})`,
    Prisma.sql`(e."sectionId" IS NULL OR e."sectionId" NOT IN ${trashed("SynthesisSection")})`,
    Prisma.sql`(e."threadId" IS NULL OR e."threadId" NOT IN ${trashed("CommentThread")})`,
  ];
  for (const term of query.include) {
    if (needsExactText(term)) conditions.push(Prisma.sql`strpos(e."fold", ${normalize(term.text)}) > 0`);
    const phrase = phraseCheck(term);
    if (phrase) {
      narrow.push(phrase.pairs);
      conditions.push(phrase.phrase);
    }
  }
  for (const term of query.exclude) {
    if (term.type === "han" || term.type === "identifier" || (term.type === "phrase" && hasHan(term.text))) {
      conditions.push(Prisma.sql`strpos(e."fold", ${normalize(term.text)}) = 0`);
    } else if (term.type === "phrase") {
      conditions.push(Prisma.sql`NOT (e."latinTsv" @@ phraseto_tsquery('english', ${term.text}))`);
    } else {
      // English words: their stems are all in the small latinTsv.
      conditions.push(Prisma.sql`NOT (e."latinTsv" @@ plainto_tsquery('english', ${term.text}))`);
    }
  }
  const filters = query.filters;
  if (filters.impossible) conditions.push(Prisma.sql`false`);
  // Filters on the paper read it per matching entry; an entry without a paper (a section) fails them.
  const item: Prisma.Sql[] = [];
  if (params.stage.length) item.push(Prisma.sql`x."stageId" = ANY(${params.stage}::text[])`);
  const yearFrom = filters.yearFrom ?? params.yearFrom;
  const yearTo = filters.yearTo ?? params.yearTo;
  if (yearFrom !== undefined) item.push(Prisma.sql`x."year" >= ${yearFrom}`);
  if (yearTo !== undefined) item.push(Prisma.sql`x."year" <= ${yearTo}`);
  if (filters.types.length) item.push(Prisma.sql`x."itemType"::text = ANY(${filters.types}::text[])`);
  if (item.length) {
    // With words, the paper is looked up per matching entry (OFFSET 0 keeps the subquery from becoming a join):
    // as a join, PostgreSQL would read every paper of the review into a hash to check the few entries sampled.
    const perEntry = tsquery ? Prisma.sql`OFFSET 0` : Prisma.empty;
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ReviewItem" x WHERE x."id" = e."itemId" AND ${Prisma.join(item, " AND ")} ${perEntry})`,
    );
  }
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
      ELSE EXISTS (SELECT 1 FROM "SynthesisSection" x WHERE x."id" = e."sectionId" AND x."themeId" = ANY(${ids})) END)`);
  }
  return { rest: conditions, tsquery, narrow };
}

/** WHERE for entries matching in the given vector (tsv: anywhere; headTsv: in the summary), or by filters alone. */
function matching(where: Where, column: "tsv" | "headTsv" = "tsv"): Prisma.Sql {
  const match = where.tsquery ? [Prisma.sql`e.${Prisma.raw(`"${column}"`)} @@ ${where.tsquery}`] : [];
  return Prisma.sql`WHERE ${Prisma.join([...match, ...where.narrow, ...where.rest], " AND ")}`;
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

type Counted = { kind: SearchKind; n: number; bound: number; seen: number };

/**
 * Matches per kind among the given kinds, in the share of the index of `bound` buckets (BUCKETS: all of it), and
 * how many entries the index gave before the other conditions (what reading a larger share would cost). The
 * kinds are named only when they are not all of them: an index of the review's kinds is worth combining with the
 * words' bitmap for one kind, not for all.
 */
function countIn(where: Where, kinds: readonly SearchKind[], bound: number): Prisma.Sql {
  const share = bound < BUCKETS ? [SHARES[bound]!] : [];
  const some = kinds.length < SEARCH_KINDS.length ? [Prisma.sql`e."kind" = ANY(${kinds}::"SearchKind"[])`] : [];
  const index = [...(where.tsquery ? [Prisma.sql`e."tsv" @@ ${where.tsquery}`] : []), ...where.narrow];
  if (bound === BUCKETS) {
    // Counting outright: every condition narrows what is read (the review's entries for filters alone).
    return Prisma.sql`SELECT e."kind", count(*)::int AS n, count(*)::int AS seen, ${Prisma.raw(String(bound))} AS bound
      FROM "SearchEntry" e WHERE ${Prisma.join([...index, ...some, ...where.rest], " AND ")} GROUP BY e."kind"`;
  }
  return Prisma.sql`SELECT e."kind", count(*) FILTER (WHERE ${Prisma.join(where.rest, " AND ")})::int AS n,
         count(*)::int AS seen, ${Prisma.raw(String(bound))} AS bound
    FROM "SearchEntry" e WHERE ${Prisma.join([...index, ...some, ...share], " AND ")}
   GROUP BY e."kind"`;
}

/** Entries the 1/8 share may read for a kind's count; beyond, the 1/64 share's figure stands. */
const SECOND_SHARE_BUDGET = 4_000;

/**
 * Counts per kind. The first statement counts the matches in 1/64 of the index (its own small GIN index, so a
 * word in 30 % of a 100,000-paper review costs 5,000 entries, not the bitmap of 300,000); a kind with at least
 * SAMPLE_MATCHES there is estimated from them — a random sample of rows, unbiased however the entries lie on disk.
 * For each other kind a second statement reads the 1/8 share when even a low guess of its matches (from the first
 * share) should give enough there, and otherwise counts it outright: it is small. Filters without words count
 * outright too (there is no index share to read them from).
 */
async function countMatches(where: Where): Promise<Pick<Page, "counts" | "approximate">> {
  const counts = emptyCounts();
  let approximate = false;
  const take = (rows: Counted[], kinds: readonly SearchKind[], bound: number, enough = 0) => {
    const short: SearchKind[] = [];
    for (const kind of kinds) {
      const n = rows.find((row) => row.kind === kind && row.bound === bound)?.n ?? 0;
      if (bound === BUCKETS) counts[kind] = n;
      else if (n >= enough) {
        counts[kind] = Math.round((n * BUCKETS) / bound);
        approximate = true;
      } else short.push(kind);
    }
    return short;
  };
  if (!where.tsquery) {
    take(await searchQuery<Counted>(countIn(where, SEARCH_KINDS, BUCKETS)), SEARCH_KINDS, BUCKETS);
    return { counts, approximate };
  }
  const [small, large] = [16, 128];
  const first = await searchQuery<Counted>(countIn(where, SEARCH_KINDS, small));
  const common = first.reduce((sum, row) => sum + row.n, 0) >= SAMPLE_MATCHES;
  // Reading the 1/8 share costs about 8 × what the 1/64 share read before the other conditions (a phrase's exact
  // text, an exclusion, a paper filter): when that is too much, the 1/64 share's figures stand, less precise.
  const affordable = first.reduce((sum, row) => sum + row.seen, 0) * (large / small) <= SECOND_SHARE_BUDGET;
  // Per kind, what to read next: the 1/8 share if a low guess (two standard deviations under the first share's
  // figure) gives at least 2/3 × SAMPLE_MATCHES there; else every match — unless the words are common and this
  // kind a sliver of their matches (under 8 in the share: about 500 or fewer), when counting it outright would
  // mean reading every match of the other kinds: it is estimated from the share with them.
  const next = new Map<number, SearchKind[]>();
  for (const kind of take(first, SEARCH_KINDS, small, SAMPLE_MATCHES)) {
    const n = first.find((row) => row.kind === kind)?.n ?? 0;
    const low = (Math.max(0, n - 2 * Math.sqrt(n)) * BUCKETS) / small;
    if ((common && n < 8) || !affordable) {
      take(first, [kind], small);
      continue;
    }
    const bound = (low * large) / BUCKETS >= (SAMPLE_MATCHES * 2) / 3 ? large : BUCKETS;
    next.set(bound, [...(next.get(bound) ?? []), kind]);
  }
  if (next.size === 0) return { counts, approximate };
  const second = await searchQuery<Counted>(
    Prisma.join(
      [...next].map(([bound, kinds]) => countIn(where, kinds, bound)),
      " UNION ALL ",
    ),
  );
  // A kind the 1/8 share saw too rarely after all (an unlucky first share) is counted outright.
  const again = [...next].flatMap(([bound, kinds]) => take(second, kinds, bound, SAMPLE_MATCHES / 3));
  if (again.length) take(await searchQuery<Counted>(countIn(where, again, BUCKETS)), again, BUCKETS);
  return { counts, approximate };
}

async function findPage(scope: Scope, query: ParsedQuery): Promise<Page> {
  const { params } = scope;
  const where = whereClause(scope, query);
  const kindFilter = params.kind.length ? Prisma.sql`AND e."kind" = ANY(${params.kind}::"SearchKind"[])` : Prisma.empty;
  const offset = (params.page - 1) * params.limit;
  const needed = offset + params.limit;
  const rowsQuery = where.tsquery
    ? // Rank only candidates: hits in an entry's summary (title, authors, keywords, abstract; a passage's quote
      // and memo), ranked by ts_rank on the summary's small vector. Ranking every match of a common word, or
      // ranking by the whole tsv, would read every matching full text's vector. Entries matching only in the
      // full text rank 0, below every summary hit, so they are fetched only when the summary hits cannot fill
      // the page (a one-time filter: the second scan does not run at all for a common word).
      // A common word's summary hits are first taken from a 1/64 share of the index (its own small GIN index):
      // any 100 summary hits serve as candidates, and these come without building the bitmap of all of them
      // (260,000 for 韧性 in a 100,000-paper review); the whole index is read only when the share has too few.
      Prisma.sql`
        WITH share AS MATERIALIZED (
               SELECT e."id" FROM "SearchEntry" e ${matching(where, "headTsv")} AND ${HEAD_SHARE} ${kindFilter}
                LIMIT ${Math.max(HEAD_CANDIDATES, needed)}),
             head AS MATERIALIZED (
               SELECT e."id" FROM "SearchEntry" e ${matching(where, "headTsv")} ${kindFilter}
                  AND (SELECT count(*) FROM share) < ${needed}
                LIMIT ${Math.max(HEAD_CANDIDATES, needed)}),
             body AS MATERIALIZED (
               SELECT e."id" FROM "SearchEntry" e ${matching(where)} ${kindFilter}
                  AND (SELECT count(*) FROM share) < ${needed} AND (SELECT count(*) FROM head) < ${needed}
                LIMIT ${Math.max(CANDIDATES, needed)})
        SELECT ${ROW_COLUMNS}
          FROM (SELECT "id" FROM share UNION SELECT "id" FROM head UNION SELECT "id" FROM body) AS candidate
          JOIN "SearchEntry" e ON e."id" = candidate."id"
          LEFT JOIN "ReviewItem" i ON i."id" = e."itemId"
          LEFT JOIN "SynthesisSection" s ON s."id" = e."sectionId"
         ORDER BY ts_rank(e."headTsv", ${where.tsquery}, 1) DESC, e."updatedAt" DESC, e."id"
         LIMIT ${params.limit} OFFSET ${offset}`
    : // Filters alone (author:阚道远, type:thesis): newest papers first.
      Prisma.sql`
        SELECT ${ROW_COLUMNS} FROM "SearchEntry" e
          LEFT JOIN "ReviewItem" i ON i."id" = e."itemId"
          LEFT JOIN "SynthesisSection" s ON s."id" = e."sectionId"
          ${matching(where)} ${kindFilter}
         ORDER BY i."year" DESC NULLS LAST, e."updatedAt" DESC, e."id"
         LIMIT ${params.limit} OFFSET ${offset}`;
  // Counting and ranking run side by side, on two connections (two PostgreSQL backends, two cores).
  const [{ counts, approximate }, rows] = await Promise.all([countMatches(where), searchQuery<Row>(rowsQuery)]);
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

export async function searchReview(access: ReviewAccess, raw: SearchParams): Promise<SearchResult> {
  // The access was resolved once for the request; the search's own statements still join the membership, so
  // they return nothing of a review the user is not in.
  const { userId, reviewId } = access.require("review.read");
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
  if (positive.length === 0 && !hasFilters(query.filters)) {
    return empty(0);
  }
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
  // Everything a search reads runs at once: each waits on the server, not on the others.
  const [first, pendingChanges, fixes, typedMatchers] = await Promise.all([
    findPage(scope, query),
    countPending(),
    corrections(reviewId, correctable(query)),
    matchersOf(query),
  ]);
  let found = first;
  let corrected: Correction | null = null;
  let suggestion: Correction | null = null;
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
  const matchers = corrected ? await matchersOf(query) : typedMatchers;
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
export async function searchFilterOptions(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
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
