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

/** Builds the vocabulary from every record of the review (labelled or not) and vectorises them all. */
export function buildFeatureSpace(
  texts: ScreeningText[],
  options: { minDocumentFrequency?: number } = {},
): FeatureSpace {
  return featureSpaceFromCounts(texts.map(recordTermCounts), options);
}

/** The same from term counts computed earlier: segmenting and stemming is the slow part, and text rarely changes. */
export function featureSpaceFromCounts(
  perRecord: Map<string, number>[],
  options: { minDocumentFrequency?: number } = {},
): FeatureSpace {
  const minDf = options.minDocumentFrequency ?? 2;
  const documentFrequency = new Map<string, number>();
  for (const counts of perRecord) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const index = new Map<string, number>();
  const names: string[] = [];
  const idf: number[] = [];
  const n = perRecord.length;
  for (const [term, df] of documentFrequency) {
    // Terms of a single record cannot generalise; terms in nearly every record cannot separate.
    if (df < Math.min(minDf, n) || df > 0.95 * n) continue;
    index.set(term, names.length);
    names.push(term);
    idf.push(Math.log((1 + n) / (1 + df)) + 1);
  }
  const vectors = perRecord.map((counts) => {
    const entries: [number, number][] = [];
    for (const [term, count] of counts) {
      const i = index.get(term);
      if (i !== undefined) entries.push([i, (1 + Math.log(count)) * idf[i]!]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((sum, [, v]) => sum + v * v, 0)) || 1;
    return {
      indices: Int32Array.from(entries, ([i]) => i),
      values: Float32Array.from(entries, ([, v]) => v / norm),
    };
  });
  return { names, vectors };
}
