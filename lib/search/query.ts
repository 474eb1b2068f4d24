// The search box's little language: words, "quoted phrases" (also “…”), -exclusions and field filters
// (author: journal: year: type: theme:), in Chinese, English or both. Parsing is pure; Chinese words are split
// with the segmenter given (jieba in the app). Every interpretation that changes what is searched — a Chinese
// run split into words, a function character left out, a traditional or full-width form folded — is returned
// as a note for the page to show: nothing is dropped silently.
import type { ItemType } from "@/lib/db/generated/enums";
import { fold } from "./fold";
import { cutWords, hasHan } from "./segment";

export type SearchTerm =
  /** Chinese matched as written: a dictionary word, or a string jieba could not place (王华, 元治理). */
  | { type: "han"; text: string }
  /** A Latin word: stemmed by PostgreSQL ('english'). */
  | { type: "latin"; text: string }
  /** A quoted phrase: exact text when it holds Chinese, an English phrase (stemmed, in order) otherwise. */
  | { type: "phrase"; text: string }
  /** A DOI, ISSN, preprint id or grant number: the exact string. */
  | { type: "identifier"; text: string };

export type FilterField = "author" | "journal" | "year" | "type" | "theme";

export type QueryNote =
  /** A Chinese run searched as several words, each of which must appear. */
  | { type: "split"; text: string; words: string[] }
  /** Function characters (与, 的) standing between words, left out. */
  | { type: "ignored"; text: string; chars: string[] }
  /** Traditional characters or full-width forms read as their simplified, half-width equivalents. */
  | { type: "folded"; from: string; to: string }
  | { type: "filter"; field: FilterField; value: string }
  /** A filter value that means nothing: the search then finds nothing, and says why. */
  | { type: "badFilter"; field: FilterField; value: string }
  | { type: "tooManyTerms"; kept: number };

export interface QueryFilters {
  authors: string[];
  journals: string[];
  yearFrom?: number;
  yearTo?: number;
  types: ItemType[];
  themes: string[];
  /** A filter could not be understood: nothing matches. */
  impossible: boolean;
}

export interface ParsedQuery {
  include: SearchTerm[];
  exclude: SearchTerm[];
  filters: QueryFilters;
  notes: QueryNote[];
}

export const MAX_TERMS = 12;

/** Characters that join words (韧性与治理, 治理的逻辑) and mean nothing on their own between them. */
const FUNCTION_CHARS = new Set([..."的了和与及或在是之对等而并把被"]);

const FIELD_NAMES: Record<string, FilterField> = {
  author: "author",
  作者: "author",
  journal: "journal",
  期刊: "journal",
  刊名: "journal",
  year: "year",
  年份: "year",
  年: "year",
  type: "type",
  类型: "type",
  theme: "theme",
  主题: "theme",
};

/** Words a user may write after type: (either language, a few synonyms), and the item types they mean. */
export const TYPE_NAMES: Record<string, ItemType> = {
  article: "JOURNAL_ARTICLE",
  journal: "JOURNAL_ARTICLE",
  期刊论文: "JOURNAL_ARTICLE",
  期刊文章: "JOURNAL_ARTICLE",
  thesis: "THESIS",
  dissertation: "THESIS",
  学位论文: "THESIS",
  论文: "THESIS",
  book: "BOOK",
  专著: "BOOK",
  图书: "BOOK",
  书: "BOOK",
  chapter: "BOOK_CHAPTER",
  章节: "BOOK_CHAPTER",
  conference: "CONFERENCE_PAPER",
  会议论文: "CONFERENCE_PAPER",
  会议: "CONFERENCE_PAPER",
  report: "REPORT",
  报告: "REPORT",
  newspaper: "NEWSPAPER_ARTICLE",
  报纸: "NEWSPAPER_ARTICLE",
  standard: "STANDARD",
  标准: "STANDARD",
  patent: "PATENT",
  专利: "PATENT",
  web: "WEB_PAGE",
  webpage: "WEB_PAGE",
  网页: "WEB_PAGE",
  preprint: "PREPRINT",
  预印本: "PREPRINT",
  dataset: "DATASET",
  数据集: "DATASET",
  other: "OTHER",
  其他: "OTHER",
};

const FIELD = new RegExp(`(^|\\s)(${Object.keys(FIELD_NAMES).join("|")}):(?:"([^"]*)"?|“([^”]*)”?|(\\S+))`, "gu");
const PHRASE = /(^|\s)(-?)(?:"([^"]*)"?|“([^”]*)”?)/gu;
const HAN_OR_LATIN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
const IDENTIFIER = /^(?=[^\p{Script=Han}]*\d)(?=[^\p{Script=Han}]*[a-z./:_-])[a-z0-9][a-z0-9./:_()-]*[a-z0-9)]$/u;

/** The terms of one Chinese run: its dictionary words, or the run as written where jieba could not place it. */
function hanTerms(run: string, segment: (run: string) => string[], notes: QueryNote[]): SearchTerm[] {
  const words = segment(run);
  if (words.length <= 1) return [{ type: "han", text: run }];
  const ignored: string[] = [];
  const groups: string[][] = [[]];
  for (const word of words) {
    if ([...word].length === 1 && FUNCTION_CHARS.has(word)) {
      ignored.push(word);
      groups.push([]);
    } else groups.at(-1)!.push(word);
  }
  const texts: string[] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    // A character jieba leaves alone (元 of 元治理, 王 and 华 of 王华) is part of a name or a term it does
    // not know: the group is then searched as written, never as scattered characters.
    if (group.every((word) => [...word].length > 1)) texts.push(...group);
    else texts.push(group.join(""));
  }
  if (texts.length === 0) return [{ type: "han", text: run }];
  if (ignored.length) notes.push({ type: "ignored", text: run, chars: ignored });
  if (texts.length > 1) notes.push({ type: "split", text: run, words: texts });
  return texts.map((text) => ({ type: "han", text }));
}

/** Splits a bare word (no spaces) into Han and Latin terms. */
function wordTerms(word: string, segment: (run: string) => string[], notes: QueryNote[]): SearchTerm[] {
  const trimmed = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, "");
  if (IDENTIFIER.test(trimmed)) return [{ type: "identifier", text: trimmed }];
  const terms: SearchTerm[] = [];
  for (const match of word.matchAll(HAN_OR_LATIN)) {
    if (match[1]) terms.push(...hanTerms(match[1], segment, notes));
    else if (match[2]) terms.push({ type: "latin", text: match[2] });
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

/** year:2020, year:2020..2024 (or 2020-2024), year:2020.., year:..2024. */
function parseYears(value: string): { from?: number; to?: number } | null {
  const match = value.match(/^(\d{4})?(?:(\.\.|-|–|~|～)(\d{4})?)?$/u);
  if (!match || (!match[1] && !match[3])) return null;
  const from = match[1] ? Number(match[1]) : undefined;
  const to = match[2] ? (match[3] ? Number(match[3]) : undefined) : from;
  if (from !== undefined && to !== undefined && from > to) return { from: to, to: from };
  return { from, to };
}

function emptyFilters(): QueryFilters {
  return { authors: [], journals: [], types: [], themes: [], impossible: false };
}

function applyFilter(field: FilterField, value: string, filters: QueryFilters, notes: QueryNote[]) {
  switch (field) {
    case "author":
      filters.authors.push(value);
      break;
    case "journal":
      filters.journals.push(value);
      break;
    case "theme":
      filters.themes.push(value);
      break;
    case "year": {
      const years = parseYears(value);
      if (!years) {
        notes.push({ type: "badFilter", field, value });
        filters.impossible = true;
        return;
      }
      filters.yearFrom = years.from;
      filters.yearTo = years.to;
      break;
    }
    case "type": {
      const type = TYPE_NAMES[value.replace(/[\s_-]/g, "")] ?? TYPE_NAMES[value];
      const upper = value.toUpperCase();
      const named = type ?? (Object.values(TYPE_NAMES).includes(upper as ItemType) ? (upper as ItemType) : null);
      if (!named) {
        notes.push({ type: "badFilter", field, value });
        filters.impossible = true;
        return;
      }
      filters.types.push(named);
      break;
    }
  }
  notes.push({ type: "filter", field, value });
}

/** Tokens the folding changed beyond letter case (韌性 → 韧性, ＡＩ → ai), for the page to say so. */
function foldingNotes(raw: string): QueryNote[] {
  const notes: QueryNote[] = [];
  for (const token of raw.split(/\s+/)) {
    if (!token) continue;
    const folded = fold(token);
    if (folded !== token.toLowerCase()) notes.push({ type: "folded", from: token, to: folded });
  }
  return notes;
}

export function parseQuery(raw: string, segment: (run: string) => string[] = cutWords): ParsedQuery {
  const include: SearchTerm[] = [];
  const exclude: SearchTerm[] = [];
  const filters = emptyFilters();
  const notes: QueryNote[] = foldingNotes(raw);
  const text = fold(raw).replace(/[「」『』]/g, " ");
  // Field filters first, then phrases; what is left is split on whitespace.
  const withoutFields = text.replace(
    FIELD,
    (_all, lead: string, name: string, straight?: string, curly?: string, bare?: string) => {
      const value = (straight ?? curly ?? bare ?? "").replace(/\s+/g, " ").trim();
      if (value) applyFilter(FIELD_NAMES[name]!, value, filters, notes);
      return lead + " ";
    },
  );
  const rest = withoutFields.replace(PHRASE, (_all, lead: string, minus: string, straight?: string, curly?: string) => {
    const phrase = (straight ?? curly ?? "").replace(/\s+/g, " ").trim();
    if (phrase) {
      const hasWordChars = /[\p{L}\p{N}]/u.test(phrase);
      const spaced = phrase.includes(" ") || hasHan(phrase);
      // A one-word quoted English "phrase" is just that word.
      const terms: SearchTerm[] = !hasWordChars
        ? []
        : spaced
          ? [{ type: "phrase", text: phrase }]
          : wordTerms(phrase, segment, notes);
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
      else exclude.push(...wordTerms(word, segment, []));
    } else {
      include.push(...wordTerms(token, segment, notes));
    }
  }
  const included = dedupe(include);
  if (included.length > MAX_TERMS) notes.push({ type: "tooManyTerms", kept: MAX_TERMS });
  return {
    include: included.slice(0, MAX_TERMS),
    exclude: dedupe(exclude).slice(0, MAX_TERMS),
    filters,
    notes,
  };
}

export function hasFilters(filters: QueryFilters): boolean {
  return (
    filters.impossible ||
    filters.authors.length > 0 ||
    filters.journals.length > 0 ||
    filters.types.length > 0 ||
    filters.themes.length > 0 ||
    filters.yearFrom !== undefined ||
    filters.yearTo !== undefined
  );
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.include.length === 0 && !hasFilters(query.filters);
}

/** The query with some words replaced (a correction), as the user would type it. */
export function replaceWords(raw: string, replacements: Map<string, string>): string {
  return raw.replace(/[\p{L}\p{N}]+/gu, (word) => replacements.get(word.toLowerCase()) ?? word);
}
