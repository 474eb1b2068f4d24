// Every format's name for a reference type ⇄ the item's type. Reading is lenient (case, spacing, underscores
// and Chinese names all accepted) and returns null for a name it does not know, so the importer can say so
// instead of silently calling it a journal article. Writing gives the one name each format's readers know.
import type { ItemType } from "./item-types";

/** Lower-case, without spaces, punctuation or underscores: "Book Section", "book_section", "BOOK-SECTION" meet. */
function key(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-,/.:()[\]{}]+/g, "");
}

function lookup(table: Record<string, ItemType>): (name: string | null | undefined) => ItemType | null {
  const normalised = new Map(Object.entries(table).map(([name, type]) => [key(name), type]));
  return (name) => (name ? (normalised.get(key(name)) ?? null) : null);
}

// ---------------------------------------------------------------------------------------------- CSL

export type CslType =
  | "article"
  | "article-journal"
  | "article-magazine"
  | "article-newspaper"
  | "book"
  | "chapter"
  | "dataset"
  | "document"
  | "entry-dictionary"
  | "entry-encyclopedia"
  | "paper-conference"
  | "patent"
  | "report"
  | "standard"
  | "thesis"
  | "webpage"
  | (string & {});

const CSL_OF: Record<ItemType, CslType> = {
  JOURNAL_ARTICLE: "article-journal",
  THESIS: "thesis",
  BOOK: "book",
  BOOK_CHAPTER: "chapter",
  CONFERENCE_PAPER: "paper-conference",
  REPORT: "report",
  NEWSPAPER_ARTICLE: "article-newspaper",
  STANDARD: "standard",
  PATENT: "patent",
  WEB_PAGE: "webpage",
  // CSL 1.0.2 calls preprints and working papers "article" (an article not in a journal).
  PREPRINT: "article",
  DATASET: "dataset",
  OTHER: "document",
};

export function cslTypeOf(type: ItemType): CslType {
  return CSL_OF[type];
}

export const itemTypeFromCsl = lookup({
  "article-journal": "JOURNAL_ARTICLE",
  "article-magazine": "JOURNAL_ARTICLE",
  periodical: "JOURNAL_ARTICLE",
  review: "JOURNAL_ARTICLE",
  "review-book": "JOURNAL_ARTICLE",
  "article-newspaper": "NEWSPAPER_ARTICLE",
  thesis: "THESIS",
  book: "BOOK",
  classic: "BOOK",
  chapter: "BOOK_CHAPTER",
  "entry-dictionary": "BOOK_CHAPTER",
  "entry-encyclopedia": "BOOK_CHAPTER",
  "paper-conference": "CONFERENCE_PAPER",
  report: "REPORT",
  standard: "STANDARD",
  patent: "PATENT",
  webpage: "WEB_PAGE",
  post: "WEB_PAGE",
  "post-weblog": "WEB_PAGE",
  article: "PREPRINT",
  dataset: "DATASET",
  document: "OTHER",
  manuscript: "OTHER",
  entry: "OTHER",
  software: "OTHER",
  legislation: "OTHER",
  regulation: "OTHER",
  legal_case: "OTHER",
  bill: "OTHER",
  map: "OTHER",
  personal_communication: "OTHER",
  interview: "OTHER",
  speech: "OTHER",
  graphic: "OTHER",
  motion_picture: "OTHER",
  broadcast: "OTHER",
  song: "OTHER",
  pamphlet: "OTHER",
  collection: "OTHER",
});

// ---------------------------------------------------------------------------------------------- RIS

const RIS_OF: Record<ItemType, string> = {
  JOURNAL_ARTICLE: "JOUR",
  THESIS: "THES",
  BOOK: "BOOK",
  BOOK_CHAPTER: "CHAP",
  CONFERENCE_PAPER: "CONF",
  REPORT: "RPRT",
  NEWSPAPER_ARTICLE: "NEWS",
  STANDARD: "STAND",
  PATENT: "PAT",
  WEB_PAGE: "ELEC",
  PREPRINT: "UNPB",
  DATASET: "DATA",
  OTHER: "GEN",
};

export function risTypeOf(type: ItemType): string {
  return RIS_OF[type];
}

export const itemTypeFromRis = lookup({
  JOUR: "JOURNAL_ARTICLE",
  JFULL: "JOURNAL_ARTICLE",
  EJOUR: "JOURNAL_ARTICLE",
  MGZN: "JOURNAL_ARTICLE",
  INPR: "JOURNAL_ARTICLE",
  ABST: "JOURNAL_ARTICLE",
  THES: "THESIS",
  BOOK: "BOOK",
  EBOOK: "BOOK",
  EDBOOK: "BOOK",
  CLSWK: "BOOK",
  ANCIENT: "BOOK",
  CHAP: "BOOK_CHAPTER",
  ECHAP: "BOOK_CHAPTER",
  DICT: "BOOK_CHAPTER",
  ENCYC: "BOOK_CHAPTER",
  CONF: "CONFERENCE_PAPER",
  CPAPER: "CONFERENCE_PAPER",
  RPRT: "REPORT",
  GOVDOC: "REPORT",
  NEWS: "NEWSPAPER_ARTICLE",
  STAND: "STANDARD",
  PAT: "PATENT",
  ELEC: "WEB_PAGE",
  WEB: "WEB_PAGE",
  BLOG: "WEB_PAGE",
  ICOMM: "WEB_PAGE",
  UNPB: "PREPRINT",
  DATA: "DATASET",
  DBASE: "DATASET",
  AGGR: "DATASET",
  GEN: "OTHER",
  MANSCPT: "OTHER",
  PAMP: "OTHER",
  COMP: "OTHER",
  CASE: "OTHER",
  STAT: "OTHER",
  BILL: "OTHER",
  HEAR: "OTHER",
  LEGAL: "OTHER",
  MAP: "OTHER",
  PCOMM: "OTHER",
  SLIDE: "OTHER",
  VIDEO: "OTHER",
  SOUND: "OTHER",
  MPCT: "OTHER",
  ART: "OTHER",
  CTLG: "OTHER",
  SER: "OTHER",
  MULTI: "OTHER",
  GRANT: "OTHER",
  CHART: "OTHER",
  FIGURE: "OTHER",
  EQUA: "OTHER",
  MUSIC: "OTHER",
});

// ---------------------------------------------------------------------------------------------- BibTeX

export interface BibtexTypeNames {
  /** Classic BibTeX (natbib, pandoc -f bibtex). */
  bibtex: string;
  /** BibLaTeX (biblatex-gb7714-2015, pandoc -f biblatex). */
  biblatex: string;
}

/**
 * BibTeX has no thesis type but two degree types; a genre saying master's picks @mastersthesis. BibLaTeX has
 * @thesis (with `type`), @report, @online, @dataset and @patent; newspapers are @article with
 * `entrysubtype = {newspaper}`, standards @misc with `type = {standard}` (biblatex-gb7714 reads both).
 */
export function bibtexTypeOf(type: ItemType, genre?: string | null): BibtexTypeNames {
  switch (type) {
    case "JOURNAL_ARTICLE":
    case "NEWSPAPER_ARTICLE":
      return { bibtex: "article", biblatex: "article" };
    case "THESIS":
      return { bibtex: isMastersGenre(genre) ? "mastersthesis" : "phdthesis", biblatex: "thesis" };
    case "BOOK":
      return { bibtex: "book", biblatex: "book" };
    case "BOOK_CHAPTER":
      return { bibtex: "incollection", biblatex: "incollection" };
    case "CONFERENCE_PAPER":
      return { bibtex: "inproceedings", biblatex: "inproceedings" };
    case "REPORT":
      return { bibtex: "techreport", biblatex: "report" };
    case "PATENT":
      return { bibtex: "misc", biblatex: "patent" };
    case "WEB_PAGE":
      return { bibtex: "misc", biblatex: "online" };
    case "PREPRINT":
      return { bibtex: "unpublished", biblatex: "online" };
    case "DATASET":
      return { bibtex: "misc", biblatex: "dataset" };
    case "STANDARD":
    case "OTHER":
      return { bibtex: "misc", biblatex: "misc" };
  }
}

/** 硕士 / master's / MA / MSc … */
export function isMastersGenre(genre: string | null | undefined): boolean {
  return !!genre && /硕士|master|\bm\.?\s?(a|sc|s|phil|ed)\b/i.test(genre);
}

/** 博士 / doctoral / PhD … */
export function isDoctoralGenre(genre: string | null | undefined): boolean {
  return !!genre && /博士|doctor|ph\.?\s?d/i.test(genre);
}

const fromBibtexName = lookup({
  article: "JOURNAL_ARTICLE",
  periodical: "JOURNAL_ARTICLE",
  suppperiodical: "JOURNAL_ARTICLE",
  // Mendeley writes its own type names with underscores.
  journal_article: "JOURNAL_ARTICLE",
  magazine_article: "JOURNAL_ARTICLE",
  newspaper_article: "NEWSPAPER_ARTICLE",
  newspaper: "NEWSPAPER_ARTICLE",
  phdthesis: "THESIS",
  mastersthesis: "THESIS",
  thesis: "THESIS",
  book: "BOOK",
  mvbook: "BOOK",
  booklet: "BOOK",
  manual: "BOOK",
  collection: "BOOK",
  mvcollection: "BOOK",
  reference: "BOOK",
  mvreference: "BOOK",
  proceedings: "BOOK",
  mvproceedings: "BOOK",
  inbook: "BOOK_CHAPTER",
  bookinbook: "BOOK_CHAPTER",
  suppbook: "BOOK_CHAPTER",
  incollection: "BOOK_CHAPTER",
  suppcollection: "BOOK_CHAPTER",
  inreference: "BOOK_CHAPTER",
  book_section: "BOOK_CHAPTER",
  encyclopedia_article: "BOOK_CHAPTER",
  inproceedings: "CONFERENCE_PAPER",
  conference: "CONFERENCE_PAPER",
  conference_proceedings: "CONFERENCE_PAPER",
  conference_paper: "CONFERENCE_PAPER",
  techreport: "REPORT",
  report: "REPORT",
  working_paper: "REPORT",
  standard: "STANDARD",
  patent: "PATENT",
  online: "WEB_PAGE",
  electronic: "WEB_PAGE",
  www: "WEB_PAGE",
  webpage: "WEB_PAGE",
  web_page: "WEB_PAGE",
  dataset: "DATASET",
  data: "DATASET",
  misc: "OTHER",
  unpublished: "OTHER",
  generic: "OTHER",
  software: "OTHER",
  computer_program: "OTHER",
  artwork: "OTHER",
  audio: "OTHER",
  video: "OTHER",
  film: "OTHER",
  television_broadcast: "OTHER",
  hearing: "OTHER",
  statute: "OTHER",
  bill: "OTHER",
  case: "OTHER",
  letter: "OTHER",
  movie: "OTHER",
  music: "OTHER",
  image: "OTHER",
  legislation: "OTHER",
  jurisdiction: "OTHER",
});

export interface BibtexTypeHints {
  /** BibLaTeX `entrysubtype` (newspaper, magazine). */
  entrysubtype?: string | null;
  /** BibTeX/BibLaTeX `type` (standard, patent, 博士学位论文 …). */
  type?: string | null;
  /** An arXiv or other e-print id marks an @misc/@unpublished/@online as a preprint. */
  eprint?: string | null;
}

/** An entry type as written (@Book_Section, @phdthesis …) plus what its fields tell → the item's type. */
export function itemTypeFromBibtex(entryType: string | null | undefined, hints: BibtexTypeHints = {}): ItemType | null {
  const type = fromBibtexName(entryType);
  if (type === "JOURNAL_ARTICLE" && hints.entrysubtype && /newspaper/i.test(hints.entrysubtype)) {
    return "NEWSPAPER_ARTICLE";
  }
  if (type === "OTHER" || type === "REPORT") {
    if (hints.type && /standard|标准/i.test(hints.type)) return "STANDARD";
    if (hints.type && /patent|专利/i.test(hints.type)) return "PATENT";
  }
  if ((type === "OTHER" || type === "WEB_PAGE") && hints.eprint) return "PREPRINT";
  return type;
}

/** The degree a BibTeX thesis type implies, when the entry has no `type` of its own. */
export function thesisGenreFromBibtex(entryType: string | null | undefined): "doctoral" | "masters" | null {
  const name = entryType ? key(entryType) : "";
  if (name === "phdthesis") return "doctoral";
  if (name === "mastersthesis") return "masters";
  return null;
}

// ------------------------------------------------- EndNote, NoteExpress, CNKI/Wanfang, RefWorks (type names)

const ENDNOTE_OF: Record<ItemType, string> = {
  JOURNAL_ARTICLE: "Journal Article",
  THESIS: "Thesis",
  BOOK: "Book",
  BOOK_CHAPTER: "Book Section",
  CONFERENCE_PAPER: "Conference Paper",
  REPORT: "Report",
  NEWSPAPER_ARTICLE: "Newspaper Article",
  STANDARD: "Standard",
  PATENT: "Patent",
  WEB_PAGE: "Web Page",
  PREPRINT: "Electronic Article",
  DATASET: "Dataset",
  OTHER: "Generic",
};

/** EndNote's reference type name (`%0` in tagged files, `ref-type name` in XML). */
export function endnoteTypeOf(type: ItemType): string {
  return ENDNOTE_OF[type];
}

/** EndNote's numeric `ref-type` in its XML, for the names above. */
export const ENDNOTE_XML_REF_TYPE: Record<ItemType, number> = {
  JOURNAL_ARTICLE: 17,
  THESIS: 32,
  BOOK: 6,
  BOOK_CHAPTER: 5,
  CONFERENCE_PAPER: 47,
  REPORT: 27,
  NEWSPAPER_ARTICLE: 23,
  STANDARD: 58,
  PATENT: 25,
  WEB_PAGE: 12,
  PREPRINT: 43,
  DATASET: 59,
  OTHER: 13,
};

const NOTEEXPRESS_OF: Record<ItemType, string> = {
  JOURNAL_ARTICLE: "期刊文章",
  THESIS: "学位论文",
  BOOK: "图书",
  BOOK_CHAPTER: "图书章节",
  CONFERENCE_PAPER: "会议论文",
  REPORT: "报告",
  NEWSPAPER_ARTICLE: "报纸文章",
  STANDARD: "标准",
  PATENT: "专利",
  WEB_PAGE: "电子文献",
  PREPRINT: "预印本",
  DATASET: "数据集",
  OTHER: "其他",
};

/** NoteExpress's Chinese reference type name (`{Reference Type}`). */
export function noteExpressTypeOf(type: ItemType): string {
  return NOTEEXPRESS_OF[type];
}

const REFWORKS_OF: Record<ItemType, string> = {
  JOURNAL_ARTICLE: "Journal Article",
  THESIS: "Dissertation/Thesis",
  BOOK: "Book, Whole",
  BOOK_CHAPTER: "Book, Section",
  CONFERENCE_PAPER: "Conference Proceedings",
  REPORT: "Report",
  NEWSPAPER_ARTICLE: "Newspaper Article",
  STANDARD: "Standard",
  PATENT: "Patent",
  WEB_PAGE: "Web Page",
  PREPRINT: "Unpublished Material",
  DATASET: "Data File",
  OTHER: "Generic",
};

/** RefWorks's `RT` name. */
export function refWorksTypeOf(type: ItemType): string {
  return REFWORKS_OF[type];
}

/**
 * One table for the named types of EndNote (tagged `%0`, XML), NoteExpress and CNKI/Wanfang
 * (`{Reference Type}`, `%0`, in English or Chinese) and RefWorks (`RT`): their vocabularies overlap, and
 * CNKI writes EndNote's names into its NoteExpress and RefWorks exports.
 */
export const itemTypeFromTypeName = lookup({
  // EndNote
  "Journal Article": "JOURNAL_ARTICLE",
  "Chinese Journal Article": "JOURNAL_ARTICLE",
  "Electronic Article": "JOURNAL_ARTICLE",
  "Magazine Article": "JOURNAL_ARTICLE",
  Journal: "JOURNAL_ARTICLE",
  Serial: "JOURNAL_ARTICLE",
  Thesis: "THESIS",
  Dissertation: "THESIS",
  Book: "BOOK",
  "Edited Book": "BOOK",
  "Electronic Book": "BOOK",
  "Classical Work": "BOOK",
  "Ancient Text": "BOOK",
  Pamphlet: "BOOK",
  "Book Section": "BOOK_CHAPTER",
  "Electronic Book Section": "BOOK_CHAPTER",
  Encyclopedia: "BOOK_CHAPTER",
  Dictionary: "BOOK_CHAPTER",
  "Conference Paper": "CONFERENCE_PAPER",
  "Conference Proceedings": "CONFERENCE_PAPER",
  Report: "REPORT",
  "Government Document": "REPORT",
  Grant: "REPORT",
  "Newspaper Article": "NEWSPAPER_ARTICLE",
  Standard: "STANDARD",
  Patent: "PATENT",
  "Web Page": "WEB_PAGE",
  Blog: "WEB_PAGE",
  "Online Multimedia": "WEB_PAGE",
  Dataset: "DATASET",
  "Online Database": "DATASET",
  "Aggregated Database": "DATASET",
  Generic: "OTHER",
  Manuscript: "OTHER",
  "Unpublished Work": "OTHER",
  Statute: "OTHER",
  "Legal Rule or Regulation": "OTHER",
  Case: "OTHER",
  Bill: "OTHER",
  Hearing: "OTHER",
  "Personal Communication": "OTHER",
  Interview: "OTHER",
  Figure: "OTHER",
  "Chart or Table": "OTHER",
  "Computer Program": "OTHER",
  Map: "OTHER",
  "Audiovisual Material": "OTHER",
  "Film or Broadcast": "OTHER",
  Catalog: "OTHER",
  Artwork: "OTHER",
  Equation: "OTHER",
  Music: "OTHER",
  // RefWorks
  "Journal, Electronic": "JOURNAL_ARTICLE",
  "Journal Electronic": "JOURNAL_ARTICLE",
  "Dissertation/Thesis": "THESIS",
  "Dissertation/Thesis, Unpublished": "THESIS",
  "Book, Whole": "BOOK",
  "Book, Edited": "BOOK",
  Monograph: "BOOK",
  "Book, Section": "BOOK_CHAPTER",
  "Web Page, Online": "WEB_PAGE",
  "Online Discussion Forum": "WEB_PAGE",
  "Unpublished Material": "OTHER",
  "Data File": "DATASET",
  Abstract: "JOURNAL_ARTICLE",
  "Laws/Statutes": "OTHER",
  "Case/Court Decisions": "OTHER",
  "Bills/Resolutions": "OTHER",
  "Computer Program, Software": "OTHER",
  "Motion Picture": "OTHER",
  "Music Score": "OTHER",
  "Sound Recording": "OTHER",
  "Video/DVD": "OTHER",
  // NoteExpress, CNKI, Wanfang and VIP in Chinese
  期刊文章: "JOURNAL_ARTICLE",
  期刊论文: "JOURNAL_ARTICLE",
  期刊: "JOURNAL_ARTICLE",
  杂志文章: "JOURNAL_ARTICLE",
  学位论文: "THESIS",
  博士论文: "THESIS",
  硕士论文: "THESIS",
  博士学位论文: "THESIS",
  硕士学位论文: "THESIS",
  图书: "BOOK",
  书籍: "BOOK",
  专著: "BOOK",
  编著: "BOOK",
  古籍: "BOOK",
  图书章节: "BOOK_CHAPTER",
  书籍章节: "BOOK_CHAPTER",
  析出文献: "BOOK_CHAPTER",
  会议论文: "CONFERENCE_PAPER",
  会议录: "CONFERENCE_PAPER",
  会议论文集: "CONFERENCE_PAPER",
  报告: "REPORT",
  科技报告: "REPORT",
  研究报告: "REPORT",
  报纸文章: "NEWSPAPER_ARTICLE",
  报纸: "NEWSPAPER_ARTICLE",
  报纸论文: "NEWSPAPER_ARTICLE",
  标准: "STANDARD",
  国家标准: "STANDARD",
  行业标准: "STANDARD",
  专利: "PATENT",
  电子文献: "WEB_PAGE",
  网页: "WEB_PAGE",
  电子公告: "WEB_PAGE",
  网络文献: "WEB_PAGE",
  预印本: "PREPRINT",
  数据集: "DATASET",
  科学数据: "DATASET",
  其他: "OTHER",
  其它: "OTHER",
  法律法规: "OTHER",
  档案: "OTHER",
  汇编: "BOOK",
});

/** Kept for readers of each format by name; all read the one table above. */
export const itemTypeFromEndnote = itemTypeFromTypeName;
export const itemTypeFromNoteExpress = itemTypeFromTypeName;
export const itemTypeFromRefWorks = itemTypeFromTypeName;

/** EndNote XML's numeric `ref-type` → the item's type, for files whose type element has no name. */
export function itemTypeFromEndnoteRefType(refType: number | string | null | undefined): ItemType | null {
  const number = typeof refType === "string" ? Number(refType) : refType;
  if (number === null || number === undefined || !Number.isInteger(number)) return null;
  const extra: Record<number, ItemType> = { 10: "CONFERENCE_PAPER", 28: "BOOK", 7: "JOURNAL_ARTICLE" };
  for (const [type, value] of Object.entries(ENDNOTE_XML_REF_TYPE)) if (value === number) return type as ItemType;
  return extra[number] ?? null;
}

/**
 * GB/T 7714-2015's document type codes (Table 1) → the item's type, for references typed by their printed
 * code ([J], [D], [M] …). [G] (汇编) is a book; [A] (档案) and [Z] have no type of their own.
 */
export const itemTypeFromGbtCode = lookup({
  J: "JOURNAL_ARTICLE",
  D: "THESIS",
  M: "BOOK",
  G: "BOOK",
  C: "CONFERENCE_PAPER",
  R: "REPORT",
  N: "NEWSPAPER_ARTICLE",
  S: "STANDARD",
  P: "PATENT",
  EB: "WEB_PAGE",
  DB: "DATASET",
  DS: "DATASET",
  A: "OTHER",
  CP: "OTHER",
  Z: "OTHER",
});

/**
 * A reference type as an import format names it → the item's type, by the format's own vocabulary
 * (format names as in lib/import/source-record.ts IMPORT_FORMATS). Null when the format does not say or the
 * name is unknown.
 */
export function itemTypeOfSource(format: string, type: string | null | undefined): ItemType | null {
  if (!type) return null;
  switch (format) {
    case "ris":
      return itemTypeFromRis(type);
    case "bibtex":
    case "biblatex":
      return itemTypeFromBibtex(type);
    case "csl-json":
      return itemTypeFromCsl(type);
    case "endnote-xml":
      return itemTypeFromTypeName(type) ?? itemTypeFromEndnoteRefType(type);
    default:
      return itemTypeFromTypeName(type) ?? itemTypeFromRis(type) ?? itemTypeFromCsl(type);
  }
}
