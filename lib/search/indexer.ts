// Keeps SearchEntry in step with the content. Triggers (see the search migrations) queue every source whose
// text changed in the same transaction as the change, and schedule the job `search.index` (./jobs.ts), which
// runs `drainSearchQueue` in the background: a search never waits for indexing, and says when the index is
// behind (`pendingChanges`). `reindexAll` rebuilds everything.
import { db, type Database, type Transaction } from "@/lib/db/client";
import type { SearchKind } from "@/lib/db/generated/enums";
import { fold, pinyinOfName } from "./fold";
import { TYPE_NAMES } from "./query";
import { hanTsvectorLiteral, latinPart, type Weight } from "./segment";

type Client = Database | Transaction;

interface Part {
  text: string | null | undefined;
  weight: Weight;
}

export interface EntryRow {
  reviewId: string;
  kind: SearchKind;
  sourceId: string;
  itemId: string | null;
  sectionId: string | null;
  threadId: string | null;
  title: string;
  body: string;
  parts: Part[];
  /** Searchable but not shown: pinyin of names, the item type's names. */
  hidden?: string;
  /** Folded heading fields (title, authors, keywords, journal): what the library filter reads. */
  head?: string;
  authors?: string;
  journal?: string;
}

interface Pending {
  kind: string;
  sourceId: string;
  seq: bigint;
}

// Any fixed number: every drainer takes the same lock, so two searches never rebuild the same rows at once.
const DRAIN_LOCK = 74_201_203;
const BATCH = 500;

function joinLines(values: (string | null | undefined)[]): string {
  return values.filter((v): v is string => Boolean(v && v.trim())).join("\n");
}

/** The values of an item's identifiers ([{ type, value }]: ISSN, arXiv, CNKI ids …), whatever else the JSON holds. */
function identifierValues(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) =>
    entry && typeof entry === "object" && typeof (entry as { value?: unknown }).value === "string"
      ? [(entry as { value: string }).value]
      : [],
  );
}

/** The Latin words of a text worth suggesting in "did you mean": letters only, four or more. */
function suggestableWords(text: string): string[] {
  return [...new Set(fold(text).match(/(?<![\p{L}\p{N}])[a-z]{4,30}(?![\p{L}\p{N}])/gu) ?? [])];
}

async function itemRows(client: Client, ids: string[]): Promise<EntryRow[]> {
  const items = await client.reviewItem.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      reviewId: true,
      titleZh: true,
      titleEn: true,
      journalZh: true,
      journalEn: true,
      keywordsZh: true,
      keywordsEn: true,
      abstractZh: true,
      abstractEn: true,
      doi: true,
      fullText: true,
      funding: true,
      identifiers: true,
      itemType: true,
      genre: true,
      publisher: true,
      publisherPlace: true,
      edition: true,
      eventTitle: true,
      eventPlace: true,
      number: true,
      jurisdiction: true,
      url: true,
      authors: {
        orderBy: [{ role: "asc" }, { position: "asc" }],
        select: { nameZh: true, nameEn: true, affiliations: true },
      },
    },
  });
  return items.map((item) => {
    const authors = item.authors
      .flatMap((a) => [a.nameZh, a.nameEn])
      .filter(Boolean)
      .join(", ");
    // Names typed in pinyin find authors stored only in characters (阚道远 ← kan daoyuan, daoyuan kan).
    const pinyin = item.authors
      .map((a) => pinyinOfName(a.nameZh))
      .filter(Boolean)
      .join(", ");
    const affiliations = [...new Set(item.authors.flatMap((a) => a.affiliations))].join("; ");
    const keywords = [...item.keywordsZh, ...item.keywordsEn].join(", ");
    const title = item.titleZh ?? item.titleEn ?? "";
    const otherTitle = item.titleZh ? item.titleEn : null;
    const identifiers = identifierValues(item.identifiers);
    const typeNames = Object.entries(TYPE_NAMES)
      .filter(([, type]) => type === item.itemType)
      .map(([name]) => name)
      .join(" ");
    const details = joinLines([
      item.journalZh,
      item.journalEn,
      item.doi,
      ...identifiers,
      item.funding,
      affiliations,
      item.genre,
      item.publisher,
      item.publisherPlace,
      item.edition,
      item.eventTitle,
      item.eventPlace,
      item.number,
      item.jurisdiction,
      item.url,
    ]);
    return {
      reviewId: item.reviewId,
      kind: "PAPER",
      sourceId: item.id,
      itemId: item.id,
      sectionId: null,
      threadId: null,
      title,
      body: joinLines([otherTitle, authors, keywords, item.abstractZh, item.abstractEn, details, item.fullText]),
      parts: [
        { text: title, weight: "A" },
        { text: otherTitle, weight: "A" },
        { text: authors, weight: "A" },
        { text: pinyin, weight: "A" },
        { text: keywords, weight: "A" },
        { text: item.abstractZh, weight: "B" },
        { text: item.abstractEn, weight: "B" },
        { text: details, weight: "C" },
        { text: typeNames, weight: "C" },
        { text: item.fullText, weight: "D" },
      ],
      hidden: joinLines([pinyin, typeNames]),
      head: fold(joinLines([title, otherTitle, authors, pinyin, keywords, item.journalZh, item.journalEn])),
      authors: fold(joinLines([authors, pinyin])),
      journal: fold(joinLines([item.journalZh, item.journalEn])),
    } satisfies EntryRow;
  });
}

async function codingRows(client: Client, ids: string[]): Promise<EntryRow[]> {
  const codings = await client.coding.findMany({
    where: { id: { in: ids } },
    select: { id: true, reviewId: true, itemId: true, quote: true, memo: true },
  });
  return codings.map((coding) => ({
    reviewId: coding.reviewId,
    kind: "PASSAGE",
    sourceId: coding.id,
    itemId: coding.itemId,
    sectionId: null,
    threadId: null,
    title: coding.quote,
    body: coding.memo ?? "",
    parts: [
      { text: coding.quote, weight: "A" },
      { text: coding.memo, weight: "B" },
    ],
  }));
}

async function sectionRows(client: Client, ids: string[]): Promise<EntryRow[]> {
  const sections = await client.synthesisSection.findMany({
    where: { id: { in: ids } },
    select: { id: true, reviewId: true, title: true, document: { select: { text: true } } },
  });
  return sections.map((section) => ({
    reviewId: section.reviewId,
    kind: "SECTION",
    sourceId: section.id,
    itemId: null,
    sectionId: section.id,
    threadId: null,
    title: section.title,
    body: section.document?.text ?? "",
    parts: [
      { text: section.title, weight: "A" },
      { text: section.document?.text, weight: "D" },
    ],
  }));
}

async function commentRows(client: Client, ids: string[]): Promise<EntryRow[]> {
  const comments = await client.comment.findMany({
    where: { id: { in: ids }, deletedAt: null },
    select: {
      id: true,
      body: true,
      thread: { select: { id: true, reviewId: true, sectionId: true, quote: true } },
    },
  });
  return comments.map((comment) => ({
    reviewId: comment.thread.reviewId,
    kind: "COMMENT",
    sourceId: comment.id,
    itemId: null,
    sectionId: comment.thread.sectionId,
    threadId: comment.thread.id,
    title: comment.thread.quote ?? "",
    body: comment.body,
    parts: [
      { text: comment.body, weight: "A" },
      { text: comment.thread.quote, weight: "C" },
    ],
  }));
}

/**
 * Writes entries in one statement: the tsvector joins the Han lexemes and PostgreSQL's English stems; `headTsv`
 * keeps weights A and B of it (what candidates are picked and ranked by), `latinTsv` the English stems alone
 * (what English phrases and exclusions are checked on).
 */
export async function writeEntries(client: Client, rows: EntryRow[]): Promise<void> {
  if (rows.length === 0) return;
  const latin = (row: EntryRow, weight: Weight) =>
    latinPart(fold(joinLines(row.parts.filter((p) => p.weight === weight).map((p) => p.text))));
  await client.$executeRawUnsafe(
    `INSERT INTO "SearchEntry" ("id", "reviewId", "kind", "sourceId", "itemId", "sectionId", "threadId", "title", "body",
                                "tsv", "headTsv", "latinTsv", "fold", "head", "authors", "journal", "updatedAt")
     SELECT gen_random_uuid()::text, u.review_id, u.kind::"SearchKind", u.source_id, u.item_id, u.section_id, u.thread_id,
            u.title, u.body, v.tsv || v.latin, ts_filter(v.tsv || v.latin, '{a,b}'), v.latin, u.fold, u.head, u.authors, u.journal, CURRENT_TIMESTAMP
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
                   $17::text[])
            AS u(review_id, kind, source_id, item_id, section_id, thread_id, title, body, han, la, lb, lc, ld,
                 fold, head, authors, journal)
       CROSS JOIN LATERAL (SELECT u.han::tsvector AS tsv,
              setweight(to_tsvector('english', u.la), 'A') || setweight(to_tsvector('english', u.lb), 'B')
              || setweight(to_tsvector('english', u.lc), 'C') || setweight(to_tsvector('english', u.ld), 'D') AS latin) v
     ON CONFLICT ("kind", "sourceId") DO UPDATE SET
       "reviewId" = EXCLUDED."reviewId", "itemId" = EXCLUDED."itemId", "sectionId" = EXCLUDED."sectionId",
       "threadId" = EXCLUDED."threadId", "title" = EXCLUDED."title", "body" = EXCLUDED."body",
       "tsv" = EXCLUDED."tsv", "headTsv" = EXCLUDED."headTsv", "latinTsv" = EXCLUDED."latinTsv", "fold" = EXCLUDED."fold", "head" = EXCLUDED."head",
       "authors" = EXCLUDED."authors", "journal" = EXCLUDED."journal", "updatedAt" = EXCLUDED."updatedAt"`,
    rows.map((r) => r.reviewId),
    rows.map((r) => r.kind),
    rows.map((r) => r.sourceId),
    rows.map((r) => r.itemId),
    rows.map((r) => r.sectionId),
    rows.map((r) => r.threadId),
    rows.map((r) => r.title),
    rows.map((r) => r.body),
    rows.map((r) => hanTsvectorLiteral(r.parts.map((p) => ({ text: p.text ?? "", weight: p.weight })))),
    rows.map((r) => latin(r, "A")),
    rows.map((r) => latin(r, "B")),
    rows.map((r) => latin(r, "C")),
    rows.map((r) => latin(r, "D")),
    rows.map((r) => fold(joinLines([r.title, r.body, r.hidden]))),
    rows.map((r) => r.head ?? fold(r.title)),
    rows.map((r) => r.authors ?? ""),
    rows.map((r) => r.journal ?? ""),
  );
  // Words for "did you mean": from what a reader sees first (headings, abstracts, names), not whole full texts.
  const words = [
    ...new Map(
      rows.flatMap((row) =>
        suggestableWords(joinLines(row.parts.filter((p) => p.weight !== "D").map((p) => p.text))).map(
          (word) => [`${row.reviewId} ${word}`, { reviewId: row.reviewId, word }] as const,
        ),
      ),
    ).values(),
  ];
  if (words.length) {
    await client.$executeRawUnsafe(
      `INSERT INTO "SearchWord" ("reviewId", "word") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      words.map((w) => w.reviewId),
      words.map((w) => w.word),
    );
  }
}

const SOURCES: Record<string, { kind: SearchKind; load: (client: Client, ids: string[]) => Promise<EntryRow[]> }> = {
  ITEM: { kind: "PAPER", load: itemRows },
  CODING: { kind: "PASSAGE", load: codingRows },
  SECTION: { kind: "SECTION", load: sectionRows },
  COMMENT: { kind: "COMMENT", load: commentRows },
};

/** Rebuilds the entries of the given sources; a source that no longer exists (or was deleted) loses its entry. */
export async function rebuildSources(client: Client, queueKind: string, ids: string[]): Promise<void> {
  if (queueKind === "THREAD") {
    const comments = await client.comment.findMany({ where: { threadId: { in: ids } }, select: { id: true } });
    return rebuildSources(
      client,
      "COMMENT",
      comments.map((c) => c.id),
    );
  }
  const source = SOURCES[queueKind];
  if (!source || ids.length === 0) return;
  const rows = await source.load(client, ids);
  const kept = new Set(rows.map((r) => r.sourceId));
  const gone = ids.filter((id) => !kept.has(id));
  if (gone.length) await client.searchEntry.deleteMany({ where: { kind: source.kind, sourceId: { in: gone } } });
  await writeEntries(client, rows);
}

/** Rebuilds what the triggers queued, in batches; returns how many sources were processed. */
export async function drainSearchQueue(client: Database = db()): Promise<number> {
  let total = 0;
  for (;;) {
    const [queue] = await client.$queryRaw<{ waiting: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "SearchPending") AS waiting`;
    if (!queue?.waiting) {
      // New entries wait in the GIN indexes' pending lists, which every search reads through unsorted; merge
      // them into the indexes now, here in the background, rather than leave that to autovacuum.
      // Only the indexes' owner may; a role that is not leaves it to autovacuum, and the drain still succeeded.
      if (total > 0) {
        await client.$queryRaw`SELECT gin_clean_pending_list('"SearchEntry_tsv_idx"'::regclass)::text AS merged,
                                      gin_clean_pending_list('"SearchEntry_headTsv_idx"'::regclass)::text AS merged_head,
                                      gin_clean_pending_list('"SearchEntry_latinPairs_idx"'::regclass)::text AS merged_pairs,
                                      gin_clean_pending_list('"SearchEntry_tsv_share64_idx"'::regclass)::text AS merged_share64,
                                      gin_clean_pending_list('"SearchEntry_tsv_share8_idx"'::regclass)::text AS merged_share8,
                                      gin_clean_pending_list('"SearchEntry_headTsv_share64_idx"'::regclass)::text AS merged_head64`.catch(
          () => null,
        );
      }
      return total;
    }
    const processed = await client.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(${DRAIN_LOCK})::text AS locked`;
        const pending = await tx.$queryRaw<Pending[]>`
          SELECT "kind", "sourceId", "seq" FROM "SearchPending" ORDER BY "seq" LIMIT ${BATCH}`;
        const byKind = new Map<string, string[]>();
        for (const p of pending) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.sourceId]);
        for (const [kind, ids] of byKind) await rebuildSources(tx, kind, ids);
        // Only the versions read here: a source requeued meanwhile has a new seq and stays queued.
        await tx.$executeRawUnsafe(
          `DELETE FROM "SearchPending" p USING unnest($1::text[], $2::text[], $3::bigint[]) AS d(kind, source_id, seq)
            WHERE p."kind" = d.kind AND p."sourceId" = d.source_id AND p."seq" = d.seq`,
          pending.map((p) => p.kind),
          pending.map((p) => p.sourceId),
          pending.map((p) => p.seq.toString()),
        );
        return pending.length;
      },
      { timeout: 300_000, maxWait: 60_000 },
    );
    total += processed;
  }
}

/** How many changed sources wait to be indexed, counted up to `cap` (the page says "indexing N changes"). */
export async function pendingChanges(client: Database = db(), cap = 10_000): Promise<number> {
  const [row] = await client.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM "SearchPending" LIMIT ${cap}) AS waiting`;
  return Number(row?.n ?? 0);
}

/** Empties the index and rebuilds every entry from the content: `npm run search:reindex`. */
export async function reindexAll(client: Database = db()): Promise<{ sources: number }> {
  await client.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${DRAIN_LOCK})::text AS locked`;
      await tx.$executeRaw`DELETE FROM "SearchEntry"`;
      await tx.$executeRaw`
        INSERT INTO "SearchPending" ("kind", "sourceId")
        SELECT 'ITEM', "id" FROM "ReviewItem"
        UNION ALL SELECT 'CODING', "id" FROM "Coding"
        UNION ALL SELECT 'SECTION', "id" FROM "SynthesisSection"
        UNION ALL SELECT 'COMMENT', "id" FROM "Comment"
        ON CONFLICT ("kind", "sourceId") DO NOTHING`;
      await tx.$executeRaw`DELETE FROM "SearchWord"`;
    },
    { timeout: 300_000 },
  );
  return { sources: await drainSearchQueue(client) };
}
