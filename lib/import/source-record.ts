// What every format's parser hands on: the reference as the file states it (strings, before any mapping onto
// the item's bilingual fields), where it starts in the file, and what was wrong with it.

export const IMPORT_FORMATS = [
  "ris",
  "bibtex",
  "csl-json",
  "endnote",
  "endnote-xml",
  "noteexpress",
  "refworks",
  "nbib",
  "cnki-estudy",
  "csv",
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ProblemCode =
  | "missingTitle"
  | "titleMissing"
  | "yearNotNumber"
  | "unknownType"
  | "invalidDoi"
  | "unparsable"
  | "invalidField"
  | "missingEnd"
  | "nameTruncated"
  | "authorsTruncated"
  | "etAl";

export interface RecordProblem {
  /** 1-based line in the decoded file. */
  line: number;
  /** The field as the format names it (PY, {Year}, year …), or null for the record as a whole. */
  field: string | null;
  code: ProblemCode;
  /** An error keeps the record out of the import; a warning only tells what was dropped or guessed. */
  severity: "error" | "warning";
  /** The offending value or the parser's own words. */
  detail?: string;
}

export interface SourceRecord {
  line: number;
  type: string | null;
  title: string | null;
  /** A second title in the other language (CNKI's English title, EndNote's translated title). */
  otherTitle: string | null;
  /** Names as written, one per author ("Smith, John", "张三"). */
  authors: string[];
  journal: string | null;
  year: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  keywords: string[];
  abstract: string | null;
  issn: string | null;
  /** Names in the other script, in the order of `authors` (CNKI's {Translated Author}, EndNote %H). */
  translatedAuthors: string[];
  /** Affiliations as the record lists them (RIS AD/C1, CNKI %+ and {Author Address}), in order. */
  affiliations: string[];
  /** Each author's own affiliations, when the file says whose they are (this app's CSL-JSON). */
  authorAffiliations?: string[][];
  editors: string[];
  translators: string[];
  /** Thesis supervisors (CNKI %Y / {Tertiary Author} on a thesis, EndNote A3 on THES). */
  supervisors: string[];
  /** The list ended in "others" / "et al.": more authors exist than are named. */
  etAl: boolean;
  /** The container in the other language ({Translated Journal}). */
  otherJournal: string | null;
  /** An abstract in the other language. */
  otherAbstract: string | null;
  genre: string | null;
  publisher: string | null;
  publisherPlace: string | null;
  edition: string | null;
  eventTitle: string | null;
  eventPlace: string | null;
  eventDate: string | null;
  number: string | null;
  jurisdiction: string | null;
  url: string | null;
  /** The full issue date as stated (2020-05-03, 2020/05/03/, 2020 May). */
  date: string | null;
  accessed: string | null;
  language: string | null;
  funding: string | null;
  isbn: string | null;
  /** Other identifiers as printed (PMID, CN number, accession number). */
  identifiers: { type: string; value: string }[];
  /** What a BibTeX entry says about its type besides the entry type (entrysubtype, type, eprint). */
  typeHints?: { entrysubtype?: string | null; type?: string | null; eprint?: string | null };
  /** The line of each field by the item field it feeds, so problems point at the right line. */
  fieldLines: Partial<Record<"title" | "year" | "type" | "doi", { line: number; name: string }>>;
  problems: RecordProblem[];
}

export function emptyRecord(line: number): SourceRecord {
  return {
    line,
    type: null,
    title: null,
    otherTitle: null,
    authors: [],
    journal: null,
    year: null,
    volume: null,
    issue: null,
    pages: null,
    doi: null,
    keywords: [],
    abstract: null,
    issn: null,
    translatedAuthors: [],
    affiliations: [],
    editors: [],
    translators: [],
    supervisors: [],
    etAl: false,
    otherJournal: null,
    otherAbstract: null,
    genre: null,
    publisher: null,
    publisherPlace: null,
    edition: null,
    eventTitle: null,
    eventPlace: null,
    eventDate: null,
    number: null,
    jurisdiction: null,
    url: null,
    date: null,
    accessed: null,
    language: null,
    funding: null,
    isbn: null,
    identifiers: [],
    fieldLines: {},
    problems: [],
  };
}

/** "others", "et al.", "等", "..." closing an author list: a sign of more authors, never an author. */
export const ET_AL = /^(others|et\.? ?al\.?|等|等人|\.\.\.|…)$/i;

/** Removes an "others" entry from a name list, reporting whether there was one. */
export function dropEtAl(names: string[]): { names: string[]; etAl: boolean } {
  const kept = names.filter((name) => !ET_AL.test(name.trim()));
  return { names: kept, etAl: kept.length !== names.length };
}

/**
 * Collapses runs of ASCII whitespace (line breaks, tabs, repeated spaces) into one space, keeping the wide
 * spaces (U+3000 ideographic, U+2002–U+200A) that Chinese titles use on purpose ("铁路调车作业标准　基本规定").
 */
export function collapseSpaces(value: string): string {
  return value.replace(/[ \t\r\n\f\v]+/g, " ").trim();
}

/** Splits a list the way Chinese databases write them: ; ； , ， or CNKI's doubled ;; between entries. */
export function splitList(value: string, separators: RegExp = /[;；]+/): string[] {
  return value
    .split(separators)
    .map((part) => part.trim())
    .filter(Boolean);
}

const HAN = /\p{Script=Han}/u;

/**
 * One author field → the names in it. CNKI and Wanfang put every author on one line and separate Chinese
 * names with ; ； , ， or 、 (a Chinese personal name never holds a comma). A Latin list keeps its commas,
 * which separate surname from given name ("Smith, John"); there only semicolons separate authors.
 *
 * `listOnly` is for formats where a field is always a list (CNKI's NoteExpress and RefWorks). Elsewhere (RIS,
 * EndNote) one field is usually one author and Zotero writes a Chinese name as "朱, 正威"; there a single
 * comma splits only without a space and with two or more characters on both sides ("谢昕,王小增").
 */
export function splitAuthors(value: string, listOnly = false): string[] {
  if (!HAN.test(value)) return splitList(value, /[;；]+/);
  const commas = value.match(/,/g)?.length ?? 0;
  const list =
    listOnly ||
    /[;；，、]/.test(value) ||
    commas >= 2 ||
    (commas === 1 && /^[^,\s]{2,},[^,\s]{2,}$/u.test(value.trim()));
  return list ? splitList(value, /[;；,，、]+/) : splitList(value, /[;；]+/);
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) line++;
  return line;
}

/** Line starts of a text, so many offsets can be turned into lines without rescanning. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
