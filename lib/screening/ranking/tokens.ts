// Record text → the terms the relevance model learns from. Chinese goes through the same jieba segmenter as
// search; English is lower-cased, stripped of stop words and Porter-stemmed, so governance ≈ governing.
import { stemmer } from "stemmer";
import { cutWords, normalize } from "@/lib/search/segment";

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z][a-z0-9-]*[a-z0-9]|[a-z]/g;

// A short list: frequent function words only. Domain words ("study", "patients") stay, because in one review they
// can separate included from excluded records and the model weighs them by what the team decided.
const ENGLISH_STOP_WORDS = new Set(
  (
    "a an and are as at be been but by for from has have had he her his i if in into is it its of on or our she " +
    "so than that the their them then there these they this those to was we were what when where which while who " +
    "will with would you your not no nor can could may might should do does did also been being both each more most " +
    "other some such only own same too very s t just over under between after before during through about against"
  ).split(" "),
);

const CHINESE_STOP_WORDS = new Set([
  "的",
  "了",
  "和",
  "与",
  "及",
  "在",
  "是",
  "对",
  "中",
  "等",
  "为",
  "以",
  "从",
  "其",
]);

// Stemming is the costly step and a review repeats the same few thousand words: remember each word's stem.
const stems = new Map<string, string>();
// The first word seen for each stem, so an explanation says "therapy", not "therapi".
const surfaces = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stems.size < 200_000) stems.set(word, stemmed);
    if (!surfaces.has(stemmed) && surfaces.size < 200_000) surfaces.set(stemmed, word);
  }
  return stemmed;
}

/** A term (one stem, or two joined by a space) as a reader would write it. */
export function readableTerm(term: string): string {
  const parts = term.split(" ").map((part) => surfaces.get(part) ?? part);
  // Chinese is written without spaces: 乡村 + 振兴 reads 乡村振兴.
  return parts.every((part) => HAN_ONLY.test(part)) ? parts.join("") : parts.join(" ");
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** The terms of one text, in reading order; readable forms are kept for the explanation of a score. */
export function screeningTerms(text: string): string[] {
  const normalized = normalize(text);
  const terms: string[] = [];
  let last = 0;
  const latin = (chunk: string) => {
    for (const word of chunk.match(LATIN_WORD) ?? []) {
      if (word.length < 2 || ENGLISH_STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      terms.push(stem(word));
    }
  };
  for (const match of normalized.matchAll(HAN_RUN)) {
    latin(normalized.slice(last, match.index));
    for (const word of cutWords(match[0])) if (!CHINESE_STOP_WORDS.has(word)) terms.push(word);
    last = match.index + match[0].length;
  }
  latin(normalized.slice(last));
  return terms;
}
