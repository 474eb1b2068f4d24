// Ranks a review's undecided records by their probability of inclusion, trained on the review's final screening
// decisions. Pending votes never reach the model: a screener's ranking must not reveal another screener's vote.
import type { Database } from "@/lib/db/client";
import {
  featureSpaceFromTerms,
  internTerms,
  recordTermCounts,
  type InternedTerms,
  type ScreeningText,
} from "./features";
import { probability, trainLogistic } from "./model";
import { readableTerm } from "./tokens";

/** Chosen on the two Cohen (2006) datasets with `npm run bench:screening` (see README). */
export const RANKING_L2 = 3e-3;
const TERMS_SHOWN = 5;

// Term counts per record, kept between retrains in the worker: segmenting and stemming 10,000 abstracts takes
// seconds, and a retrain after one more decision should not redo it.
const termCache = new Map<string, { stamp: string; terms: InternedTerms }>();
const TERM_CACHE_LIMIT = 200_000;

function cachedTerms(id: string, stamp: string, text: ScreeningText): InternedTerms {
  const cached = termCache.get(id);
  if (cached?.stamp === stamp) return cached.terms;
  const terms = internTerms(recordTermCounts(text));
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(id, { stamp, terms });
  return terms;
}

export interface RankedRecord {
  id: string;
  score: number;
  terms: string[];
}

export interface RankingResult {
  includedCount: number;
  excludedCount: number;
  featureCount: number;
  ranked: RankedRecord[];
  estimatedRemaining: number;
}

export interface RankingInput {
  id: string;
  stamp: string;
  text: ScreeningText;
  /** The final decision, or null while undecided. */
  relevant: boolean | null;
}

function readableFeature(name: string): string {
  return name.startsWith("journal:") ? name.slice("journal:".length) : readableTerm(name);
}

/** Pure: trains on the decided records and scores the undecided ones. Null until both outcomes have been seen. */
export function rankRecords(records: RankingInput[]): RankingResult | null {
  const includedCount = records.filter((r) => r.relevant === true).length;
  const excludedCount = records.filter((r) => r.relevant === false).length;
  if (includedCount === 0 || excludedCount === 0) return null;
  const space = featureSpaceFromTerms(records.map((r) => cachedTerms(r.id, r.stamp, r.text)));
  const model = trainLogistic(
    space.names.length,
    records.flatMap((r, i) => (r.relevant === null ? [] : [{ vector: space.vectors[i]!, relevant: r.relevant }])),
    { l2: RANKING_L2 },
  );
  // The model weighs both classes equally; shifting its log-odds by the observed inclusion rate turns its
  // scores back into probabilities for a population with that rate (King & Zeng's prior correction).
  const rate = includedCount / (includedCount + excludedCount);
  const priorShift = Math.log(rate / (1 - rate));
  let estimatedRemaining = 0;
  const ranked: RankedRecord[] = [];
  records.forEach((record, i) => {
    if (record.relevant !== null) return;
    const vector = space.vectors[i]!;
    const score = probability(model, vector);
    const logit = Math.log(score / (1 - score));
    estimatedRemaining += 1 / (1 + Math.exp(-(logit + priorShift)));
    // The few terms that raised the score most, kept in place while walking the record's terms once.
    const topFeatures: number[] = [];
    const topValues: number[] = [];
    for (let k = 0; k < vector.indices.length; k++) {
      const value = model.weights[vector.indices[k]!]! * vector.values[k]!;
      if (value <= 0 || (topValues.length === TERMS_SHOWN && value <= topValues[TERMS_SHOWN - 1]!)) continue;
      let at = topValues.length;
      while (at > 0 && topValues[at - 1]! < value) at--;
      topValues.splice(at, 0, value);
      topFeatures.splice(at, 0, vector.indices[k]!);
      if (topValues.length > TERMS_SHOWN) {
        topValues.pop();
        topFeatures.pop();
      }
    }
    ranked.push({ id: record.id, score, terms: topFeatures.map((feature) => readableFeature(space.names[feature]!)) });
  });
  return { includedCount, excludedCount, featureCount: space.names.length, ranked, estimatedRemaining };
}

const joined = (...parts: (string | null | undefined | string[])[]) =>
  parts
    .flat()
    .filter((p): p is string => !!p)
    .join(" ");

/** Retrains the review's ranking from the database and replaces its scores in one transaction. */
export async function retrainScreeningRanking(client: Database, reviewId: string): Promise<RankingResult | null> {
  const started = performance.now();
  const items = await client.reviewItem.findMany({
    where: { reviewId, deletedAt: null },
    orderBy: { id: "asc" },
    select: {
      id: true,
      updatedAt: true,
      titleZh: true,
      titleEn: true,
      abstractZh: true,
      abstractEn: true,
      keywordsZh: true,
      keywordsEn: true,
      journalZh: true,
      journalEn: true,
      screeningDecision: { select: { choice: true } },
    },
  });
  const result = rankRecords(
    items.map((item) => ({
      id: item.id,
      stamp: item.updatedAt.toISOString(),
      text: {
        title: joined(item.titleZh, item.titleEn),
        abstract: joined(item.abstractZh, item.abstractEn),
        keywords: joined(item.keywordsZh, item.keywordsEn),
        journal: item.journalZh ?? item.journalEn ?? "",
      },
      relevant: item.screeningDecision ? item.screeningDecision.choice === "INCLUDE" : null,
    })),
  );
  await client.$transaction(
    async (tx) => {
      await tx.screeningScore.deleteMany({ where: { reviewId } });
      if (!result) {
        await tx.screeningRanking.deleteMany({ where: { reviewId } });
        return;
      }
      await tx.screeningScore.createMany({
        data: result.ranked.map((record) => ({
          itemId: record.id,
          reviewId,
          score: record.score,
          terms: record.terms,
        })),
      });
      const summary = {
        trainedAt: new Date(),
        includedCount: result.includedCount,
        excludedCount: result.excludedCount,
        scoredCount: result.ranked.length,
        featureCount: result.featureCount,
        durationMs: Math.round(performance.now() - started),
        estimatedRemaining: result.estimatedRemaining,
      };
      await tx.screeningRanking.upsert({ where: { reviewId }, create: { reviewId, ...summary }, update: summary });
    },
    { timeout: 60_000 },
  );
  return result;
}
