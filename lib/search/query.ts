// The search box's little language: words, "quoted phrases" (also “…”), and -exclusions, in Chinese, English
// or both. Parsing is pure; Chinese words are split with the segmenter given (jieba in the app).
import { cutWords, hasHan, normalize } from "./segment";

export type SearchTerm =
  /** A Chinese word: matched as a substring (its bigrams narrow, the exact text confirms). */
  | { type: "han"; text: string }
  /** A Latin word: stemmed by PostgreSQL ('english'). */
  | { type: "latin"; text: string }
  /** A quoted phrase: exact text when it holds Chinese, an English phrase (stemmed, in order) otherwise. */
  | { type: "phrase"; text: string };

export interface ParsedQuery {
  include: SearchTerm[];
  exclude: SearchTerm[];
}

export const MAX_TERMS = 12;

const PHRASE = /(^|\s)(-?)(?:"([^"]*)"?|“([^”]*)”?)/gu;
const HAN_OR_LATIN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** Splits a bare word (no spaces) into Han and Latin terms, Han runs cut into words. */
function wordTerms(word: string, segment: (run: string) => string[]): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of word.matchAll(HAN_OR_LATIN)) {
    if (match[1]) {
      const words = segment(match[1]);
      // Single characters (与, 的) carry no meaning beside longer words; alone they are the query.
      const meaningful = words.filter((w) => [...w].length > 1);
      for (const w of meaningful.length ? meaningful : words) terms.push({ type: "han", text: w });
    } else if (match[2]) {
      terms.push({ type: "latin", text: match[2] });
    }
  }
  return terms;
}

function dedupe(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = `${term.type}:${term.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function parseQuery(raw: string, segment: (run: string) => string[] = cutWords): ParsedQuery {
  const include: SearchTerm[] = [];
  const exclude: SearchTerm[] = [];
  const text = normalize(raw).replace(/[「」『』]/g, " ");
  // Phrases first; what is left is split on whitespace.
  const rest = text.replace(PHRASE, (_all, lead: string, minus: string, straight?: string, curly?: string) => {
    const phrase = (straight ?? curly ?? "").replace(/\s+/g, " ").trim();
    if (phrase) {
      const hasWordChars = /[\p{L}\p{N}]/u.test(phrase);
      const spaced = phrase.includes(" ") || hasHan(phrase);
      // A one-word quoted English "phrase" is just that word.
      const terms: SearchTerm[] = !hasWordChars
        ? []
        : spaced
          ? [{ type: "phrase", text: phrase }]
          : wordTerms(phrase, segment);
      (minus ? exclude : include).push(...terms);
    }
    return lead + " ";
  });
  for (const token of rest.split(/\s+/)) {
    if (!token) continue;
    if (token.startsWith("-") && token.length > 1) {
      // An excluded Chinese word is excluded as written, not word by word.
      const word = token.slice(1);
      if (hasHan(word) && !/[a-z0-9]/.test(word))
        exclude.push({ type: "han", text: word.replace(/[^\p{Script=Han}]/gu, "") });
      else exclude.push(...wordTerms(word, segment));
    } else {
      include.push(...wordTerms(token, segment));
    }
  }
  return { include: dedupe(include).slice(0, MAX_TERMS), exclude: dedupe(exclude).slice(0, MAX_TERMS) };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.include.length === 0;
}
