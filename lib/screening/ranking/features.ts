// TF-IDF over unigrams and adjacent-term bigrams, sublinear term frequency and unit length: the representation
// that linear screening models (ASReview, Cohen 2006) work best with on titles and abstracts.
import { screeningTerms } from "./tokens";

export interface ScreeningText {
  title: string;
  abstract: string;
  keywords: string;
  journal: string;
}

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface FeatureSpace {
  /** Feature index → its readable form ("urban–rural", "城乡 融合"). */
  names: string[];
  vectors: SparseVector[];
}

// Titles and keywords say what a paper is about more densely than abstracts, so their terms count twice.
export function recordTermCounts(text: ScreeningText): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (source: string, weight: number, prefix = "") => {
    const terms = screeningTerms(source);
    for (let i = 0; i < terms.length; i++) {
      const unigram = prefix + terms[i]!;
      counts.set(unigram, (counts.get(unigram) ?? 0) + weight);
      if (i + 1 < terms.length) {
        const bigram = `${prefix}${terms[i]} ${terms[i + 1]}`;
        counts.set(bigram, (counts.get(bigram) ?? 0) + weight);
      }
    }
  };
  add(text.title, 2);
  add(text.keywords, 2);
  add(text.abstract, 1);
  // The journal is one feature of its own: a journal's name says more as a whole than as words.
  const journal = text.journal.trim().toLowerCase();
  if (journal) counts.set(`journal:${journal}`, 1);
  return counts;
}

/**
 * A record's term counts with each term replaced by a number from one dictionary shared by the process: a
 * retrain then counts and weighs typed arrays instead of hashing hundreds of thousands of strings again.
 */
export interface InternedTerms {
  ids: Int32Array;
  counts: Float32Array;
}

const termIds = new Map<string, number>();
const termNames: string[] = [];

export function internTerms(counts: Map<string, number>): InternedTerms {
  const entries: [number, number][] = [];
  for (const [term, count] of counts) {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termNames.length;
      termIds.set(term, id);
      termNames.push(term);
    }
    entries.push([id, count]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return { ids: Int32Array.from(entries, ([id]) => id), counts: Float32Array.from(entries, ([, count]) => count) };
}

/** Builds the vocabulary from every record of the review (labelled or not) and vectorises them all. */
export function buildFeatureSpace(
  texts: ScreeningText[],
  options: { minDocumentFrequency?: number } = {},
): FeatureSpace {
  return featureSpaceFromTerms(
    texts.map((text) => internTerms(recordTermCounts(text))),
    options,
  );
}

/** The same from interned term counts computed earlier: segmenting and stemming is the slow part, and text rarely changes. */
export function featureSpaceFromTerms(
  perRecord: InternedTerms[],
  options: { minDocumentFrequency?: number } = {},
): FeatureSpace {
  const minDf = options.minDocumentFrequency ?? 2;
  const n = perRecord.length;
  const documentFrequency = new Int32Array(termNames.length);
  for (const record of perRecord) for (const id of record.ids) documentFrequency[id]! += 1;
  // Term ids in increasing order get increasing feature indices, so every vector comes out sorted.
  const featureOf = new Int32Array(termNames.length).fill(-1);
  const names: string[] = [];
  const idf: number[] = [];
  for (let id = 0; id < documentFrequency.length; id++) {
    const df = documentFrequency[id]!;
    // Terms of a single record cannot generalise; terms in nearly every record cannot separate.
    if (df === 0 || df < Math.min(minDf, n) || df > 0.95 * n) continue;
    featureOf[id] = names.length;
    names.push(termNames[id]!);
    idf.push(Math.log((1 + n) / (1 + df)) + 1);
  }
  const vectors = perRecord.map((record) => {
    const indices: number[] = [];
    const values: number[] = [];
    let norm = 0;
    for (let k = 0; k < record.ids.length; k++) {
      const feature = featureOf[record.ids[k]!]!;
      if (feature < 0) continue;
      const value = (1 + Math.log(record.counts[k]!)) * idf[feature]!;
      indices.push(feature);
      values.push(value);
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    return { indices: Int32Array.from(indices), values: Float32Array.from(values, (v) => v / norm) };
  });
  return { names, vectors };
}
