// Search quality against the labelled corpus (fixtures/quality.ts): loads the papers into a review, runs every
// query as the search page does, and scores the papers found — precision of the first ten and recall of all.
// Used by quality.test.ts (every query must be perfect) and by `bench:search` (figures per kind of query).
import type { ReviewAccess } from "@/lib/authz/authorize";
import type { Database } from "@/lib/db/client";
import { QUALITY_PAPERS, QUALITY_QUERIES, type QueryKind } from "./fixtures/quality";
import { parseSearchParams, searchReview } from "./search";

/** Creates the corpus's papers in the review; returns item id → paper key. */
export async function loadQualityCorpus(db: Database, reviewId: string): Promise<Map<string, string>> {
  const stage = await db.reviewStage.findFirstOrThrow({ where: { reviewId }, orderBy: { position: "asc" } });
  const keys = new Map<string, string>();
  for (const paper of QUALITY_PAPERS) {
    const { key, authors = [], identifiers = [], ...fields } = paper;
    const item = await db.reviewItem.create({
      data: {
        ...fields,
        reviewId,
        stageId: stage.id,
        sourceKind: "MANUAL",
        seedKey: `quality-${key}`,
        identifiers,
        authors: {
          create: authors.map((author, position) => ({
            position,
            nameZh: author.nameZh ?? null,
            nameEn: author.nameEn ?? null,
            affiliations: author.affiliations ?? [],
          })),
        },
      },
    });
    keys.set(item.id, key);
  }
  return keys;
}

export interface QueryOutcome {
  q: string;
  kind: QueryKind;
  expected: string[];
  found: string[];
  precisionAt10: number;
  recall: number;
}

export async function evaluateQuality(access: ReviewAccess, keys: Map<string, string>): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const query of QUALITY_QUERIES) {
    const result = await searchReview(access, parseSearchParams({ q: query.q, kind: "PAPER", limit: "50" }));
    const found = result.hits.map((hit) => keys.get(hit.id) ?? hit.id);
    const expected = new Set(query.expect);
    const top = found.slice(0, 10);
    const relevantTop = top.filter((key) => expected.has(key)).length;
    const precisionAt10 = top.length === 0 ? (expected.size === 0 ? 1 : 0) : relevantTop / top.length;
    const recall =
      expected.size === 0
        ? found.length === 0
          ? 1
          : 0
        : found.filter((key) => expected.has(key)).length / expected.size;
    outcomes.push({ q: query.q, kind: query.kind, expected: query.expect, found, precisionAt10, recall });
  }
  return outcomes;
}

export function qualityByKind(outcomes: QueryOutcome[]) {
  const kinds = new Map<QueryKind, QueryOutcome[]>();
  for (const outcome of outcomes) kinds.set(outcome.kind, [...(kinds.get(outcome.kind) ?? []), outcome]);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return [...kinds].map(([kind, list]) => ({
    kind,
    queries: list.length,
    precisionAt10: mean(list.map((o) => o.precisionAt10)),
    recall: mean(list.map((o) => o.recall)),
  }));
}
