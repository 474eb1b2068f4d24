// The line-tagged formats: NoteExpress ({Title}: …, CNKI and Wanfang), EndNote tagged .enw (%T …), RefWorks
// (T1 …, CNKI), PubMed MEDLINE .nbib (TI  - …) and CNKI E-Study (Title-题名: …). No maintained JavaScript
// parser reads them with Chinese conventions. One reader collects each record's tagged values; one assembler
// turns them into a SourceRecord, resolving the tags whose meaning depends on the reference type (EndNote's
// Secondary/Tertiary Author and Title, Type of Work) the way EndNote and CNKI use them.
import { ENDNOTE_TYPE_NAMES } from "./endnote-types";
import { collapseSpaces, dropEtAl, emptyRecord, splitAuthors, splitList, type SourceRecord } from "./source-record";

type Target =
  | "type"
  | "title"
  | "otherTitle"
  | "author"
  | "translatedAuthor"
  | "affiliation"
  | "editor"
  | "secondaryAuthor"
  | "tertiaryAuthor"
  | "translator"
  | "supervisor"
  | "journal"
  | "secondaryTitle"
  | "tertiaryTitle"
  | "otherJournal"
  | "year"
  | "date"
  | "volume"
  | "issue"
  | "pages"
  | "endPage"
  | "doi"
  | "keywords"
  | "abstract"
  | "otherAbstract"
  | "issn"
  | "isbn"
  | "serial"
  | "publisher"
  | "place"
  | "edition"
  | "typeOfWork"
  | "url"
  | "accessed"
  | "language"
  | "funding"
  | "notes"
  | "number"
  | "pmid";

interface TaggedFormat {
  /** Reads one line into tag and value, or null for a continuation line. */
  tag(line: string): { tag: string; value: string } | null;
  /** The tag that starts a record. */
  start: string;
  /** Whether a repeated start tag inside a record's header is part of it rather than a new record (EndNote). */
  startNeedsBreak?: boolean;
  fields: Record<string, Target>;
  types: ReadonlySet<string>;
  /** Whether an author field always holds the whole list (CNKI), so any comma separates names. */
  authorList: boolean;
  /** Whether a continuation line is told by its indentation (MEDLINE) rather than by the lack of a tag. */
  indentedContinuation?: boolean;
}

const NOTEEXPRESS_FIELDS: Record<string, Target> = {
  "Reference Type": "type",
  Title: "title",
  "Translated Title": "otherTitle",
  "English Title": "otherTitle",
  Author: "author",
  "Translated Author": "translatedAuthor",
  "English Author": "translatedAuthor",
  "Author Address": "affiliation",
  "Secondary Author": "secondaryAuthor",
  "Tertiary Author": "tertiaryAuthor",
  Editor: "editor",
  Translator: "translator",
  Journal: "journal",
  "Secondary Title": "secondaryTitle",
  "Tertiary Title": "tertiaryTitle",
  "Translated Journal": "otherJournal",
  "Translated Secondary Title": "otherJournal",
  Year: "year",
  Date: "date",
  Volume: "volume",
  Issue: "issue",
  Pages: "pages",
  DOI: "doi",
  Keywords: "keywords",
  "Translated Keywords": "keywords",
  Abstract: "abstract",
  "Translated Abstract": "otherAbstract",
  "English Abstract": "otherAbstract",
  "ISBN/ISSN": "serial",
  ISSN: "issn",
  ISBN: "serial",
  Publisher: "publisher",
  "Place Published": "place",
  Edition: "edition",
  "Type of Work": "typeOfWork",
  URL: "url",
  "Access Date": "accessed",
  "Date Accessed": "accessed",
  Accessed: "accessed",
  Language: "language",
  Fund: "funding",
  Funding: "funding",
  Notes: "notes",
  Number: "number",
};

export const NOTEEXPRESS: TaggedFormat = {
  tag: (line) => {
    // NoteExpress and Wanfang sometimes write the colon full-width ({Abstract}：…); the tag may carry a stray
    // trailing comma ({Subsidiary Author,}).
    const match = /^\{([^}]+)\}\s*[:：]\s?(.*)$/.exec(line);
    return match ? { tag: match[1]!.trim().replace(/,$/, "").trim(), value: match[2]! } : null;
  },
  start: "Reference Type",
  fields: NOTEEXPRESS_FIELDS,
  types: ENDNOTE_TYPE_NAMES,
  authorList: true,
};

export const ENDNOTE_TAGGED: TaggedFormat = {
  tag: (line) => {
    const match = /^%([0-9A-Z@+?!#$&()*<>[\]=~^|])(?: (.*)|$)/.exec(line);
    return match ? { tag: `%${match[1]}`, value: match[2] ?? "" } : null;
  },
  start: "%0",
  startNeedsBreak: true,
  fields: {
    "%0": "type",
    "%T": "title",
    "%Q": "otherTitle",
    "%A": "author",
    "%H": "translatedAuthor",
    "%+": "affiliation",
    "%E": "secondaryAuthor",
    "%Y": "tertiaryAuthor",
    "%J": "journal",
    "%B": "secondaryTitle",
    "%S": "tertiaryTitle",
    "%D": "year",
    "%8": "date",
    "%V": "volume",
    "%N": "issue",
    "%P": "pages",
    "%R": "doi",
    "%K": "keywords",
    "%X": "abstract",
    "%@": "serial",
    "%I": "publisher",
    "%C": "place",
    "%7": "edition",
    "%9": "typeOfWork",
    "%U": "url",
    "%[": "accessed",
    "%G": "language",
    "%Z": "notes",
    // CNKI writes a journal's CN number as the call number.
    "%L": "notes",
  },
  types: ENDNOTE_TYPE_NAMES,
  authorList: false,
};

const REFWORKS_TYPES: ReadonlySet<string> = new Set([
  ...ENDNOTE_TYPE_NAMES,
  "Dissertation/Thesis",
  "Book, Whole",
  "Book, Section",
  "Book, Edited",
  "Conference Proceedings",
  "Web Page",
  "Report",
]);

export const REFWORKS: TaggedFormat = {
  tag: (line) => {
    // CNKI writes the volume tag in lower case ("vo 27"); other lower-case starts are wrapped text.
    const match = /^([A-Z][A-Z0-9]|vo) (.*)$/.exec(line);
    return match ? { tag: match[1]!.toUpperCase(), value: match[2]! } : null;
  },
  start: "RT",
  fields: {
    RT: "type",
    T1: "title",
    T2: "secondaryTitle",
    TT: "otherTitle",
    A1: "author",
    A2: "secondaryAuthor",
    A3: "tertiaryAuthor",
    AD: "affiliation",
    JF: "journal",
    JO: "journal",
    YR: "year",
    FD: "date",
    VO: "volume",
    IS: "issue",
    SP: "pages",
    OP: "endPage",
    DO: "doi",
    K1: "keywords",
    AB: "abstract",
    SN: "serial",
    PB: "publisher",
    PP: "place",
    ED: "edition",
    UL: "url",
    LK: "url",
    LA: "language",
    NO: "notes",
    RD: "accessed",
  },
  types: REFWORKS_TYPES,
  authorList: true,
};

export const MEDLINE: TaggedFormat = {
  tag: (line) => {
    const match = /^([A-Z][A-Z0-9]{1,3}) {0,3}- (.*)$/.exec(line);
    return match ? { tag: match[1]!, value: match[2]! } : null;
  },
  start: "PMID",
  fields: {
    PMID: "pmid",
    PT: "type",
    TI: "title",
    BTI: "title",
    TT: "otherTitle",
    FAU: "author",
    CN: "author",
    AD: "affiliation",
    FED: "editor",
    JT: "journal",
    CTI: "secondaryTitle",
    DP: "year",
    VI: "volume",
    IP: "issue",
    PG: "pages",
    LID: "doi",
    AID: "doi",
    OT: "keywords",
    AB: "abstract",
    IS: "issn",
    ISBN: "isbn",
    PB: "publisher",
    PL: "place",
    LA: "language",
    GR: "funding",
    EN: "edition",
  },
  types: new Set([
    "Journal Article",
    "Review",
    "Books and Documents",
    "Book Chapter",
    "Preprint",
    "Dataset",
    "Case Reports",
    "Clinical Trial",
    "Meta-Analysis",
    "Systematic Review",
    "Randomized Controlled Trial",
    "Editorial",
    "Letter",
    "Comment",
    "News",
    "Newspaper Article",
  ]),
  authorList: false,
  indentedContinuation: true,
};

const ESTUDY_TYPES = new Set([
  "期刊",
  "学术期刊",
  "硕士",
  "博士",
  "学位论文",
  "报纸",
  "会议",
  "国际会议",
  "国内会议",
  "年鉴",
  "专利",
  "中国专利",
  "标准",
  "国家标准",
  "行业标准",
  "图书",
  "成果",
]);

export const CNKI_ESTUDY: TaggedFormat = {
  tag: (line) => {
    if (/^DataType\s*[:：]/.test(line)) return { tag: "DataType", value: line.replace(/^DataType\s*[:：]\s*/, "") };
    const match = /^([A-Za-z][A-Za-z ]*)-[^:：]*[:：]\s?(.*)$/.exec(line);
    return match ? { tag: match[1]!.trim(), value: match[2]! } : null;
  },
  start: "DataType",
  fields: {
    SrcDatabase: "type",
    Title: "title",
    "English Title": "otherTitle",
    Author: "author",
    "English Author": "translatedAuthor",
    Organ: "affiliation",
    Contributor: "supervisor",
    Tutor: "supervisor",
    Source: "journal",
    "English Source": "otherJournal",
    Meeting: "secondaryTitle",
    Year: "year",
    PubTime: "date",
    Roll: "volume",
    Volume: "volume",
    Period: "issue",
    Page: "pages",
    DOI: "doi",
    Keyword: "keywords",
    Summary: "abstract",
    "English Summary": "otherAbstract",
    ISSN: "issn",
    ISBN: "isbn",
    Publisher: "publisher",
    Place: "place",
    Degree: "typeOfWork",
    Link: "url",
    Fund: "funding",
    Language: "language",
    CLC: "notes",
  },
  types: ESTUDY_TYPES,
  authorList: true,
};

interface RawValue {
  value: string;
  line: number;
  name: string;
}

export function parseTagged(text: string, format: TaggedFormat): SourceRecord[] {
  const collected: { line: number; values: Map<Target, RawValue[]>; problems: SourceRecord["problems"] }[] = [];
  let current: (typeof collected)[number] | null = null;
  let last: RawValue | null = null;
  let blankBefore = true;
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/^\uFEFF/, "");
    const lineNumber = index + 1;
    const continuation = format.indentedContinuation && /^\s{2,}\S/.test(line);
    const tagged = continuation ? null : format.tag(line);
    if (!tagged) {
      // An untagged line continues the field above it (long abstracts wrap in some exports).
      if (current && last && line.trim()) last.value = `${last.value}\n${line.trim()}`;
      if (!line.trim()) blankBefore = true;
      continue;
    }
    if (tagged.tag === format.start && (!format.startNeedsBreak || blankBefore || !current || hasTitle(current))) {
      current = { line: lineNumber, values: new Map(), problems: [] };
      collected.push(current);
    }
    blankBefore = false;
    if (!current) continue;
    const target = format.fields[tagged.tag];
    if (!target) {
      last = null;
      continue;
    }
    last = { value: tagged.value.trim(), line: lineNumber, name: tagged.tag };
    const list = current.values.get(target) ?? [];
    list.push(last);
    current.values.set(target, list);
  }
  return collected.map(({ line, values }) => assemble(line, values, format));
}

/**
 * Whether a record is complete enough that a %0 right after it (with no blank line) starts the next one. Wanfang
 * and some converters repeat %0 inside a record's header (English and Chinese type names); that is one record.
 */
function hasTitle(record: { values: Map<Target, RawValue[]> }) {
  return record.values.has("title");
}

function assemble(line: number, values: Map<Target, RawValue[]>, format: TaggedFormat): SourceRecord {
  const record = emptyRecord(line);
  const raw = (target: Target) => (values.get(target) ?? []).filter((entry) => entry.value.trim());
  const one = (target: Target) => raw(target)[0];
  const text = (target: Target) => {
    const entry = one(target);
    return entry ? collapseSpaces(entry.value) : null;
  };
  const names = (target: Target) =>
    raw(target).flatMap((entry) =>
      entry.value.split("\n").flatMap((part) => splitAuthors(collapseSpaces(part), format.authorList)),
    );
  const list = (target: Target, separators = /[\n;；]+/) =>
    raw(target).flatMap((entry) => splitList(entry.value, separators).map(collapseSpaces));

  const typeEntry = one("type");
  const type = typeEntry ? collapseSpaces(typeEntry.value) : null;
  record.type = type;
  if (typeEntry) {
    record.fieldLines.type = { line: typeEntry.line, name: typeEntry.name };
    if (type && !format.types.has(type)) {
      record.problems.push({
        line: typeEntry.line,
        field: typeEntry.name,
        code: "unknownType",
        severity: "warning",
        detail: type,
      });
    }
  }
  const kind = typeKind(type);

  const title = one("title");
  if (title) {
    record.title = collapseSpaces(title.value);
    record.fieldLines.title = { line: title.line, name: title.name };
  }
  record.otherTitle = text("otherTitle");

  const authors = dropEtAl(names("author"));
  record.authors = authors.names;
  record.etAl = authors.etAl;
  record.translatedAuthors = dropEtAl(names("translatedAuthor")).names;
  // CNKI numbers its affiliations ("1.中国铁道科学研究院 研究生部；2.…"); the numbers are not part of them.
  record.affiliations = list("affiliation").map((value) => value.replace(/^\d+[.．、]\s*/, ""));
  // EndNote's Secondary Author edits a book or chapter; its Tertiary Author is a thesis's supervisor (CNKI's
  // %Y and {Tertiary Author}) and a series editor elsewhere.
  record.editors = dropEtAl([...names("editor"), ...names("secondaryAuthor")]).names;
  if (kind === "thesis") record.supervisors = dropEtAl([...names("supervisor"), ...names("tertiaryAuthor")]).names;
  else record.supervisors = dropEtAl(names("supervisor")).names;
  record.translators = dropEtAl(names("translator")).names;

  // The container: %J/{Journal}; %B/{Secondary Title} is the journal of an article (Wanfang), the book of a
  // chapter, the conference of a paper; CNKI puts a paper's proceedings in {Tertiary Title}.
  const journal = text("journal");
  const secondary = text("secondaryTitle");
  const tertiary = text("tertiaryTitle");
  if (kind === "conference") {
    record.journal = tertiary ?? journal ?? secondary;
    record.eventTitle = tertiary || journal ? secondary : null;
  } else {
    record.journal = journal ?? secondary;
  }
  record.otherJournal = text("otherJournal");

  const year = one("year");
  const date = one("date");
  if (year) {
    record.year = collapseSpaces(year.value);
    record.fieldLines.year = { line: year.line, name: year.name };
  } else if (date) {
    // NoteExpress gives newspapers, books and patents only a {Date} (2019-01-09).
    record.year = collapseSpaces(date.value);
    record.fieldLines.year = { line: date.line, name: date.name };
  }
  if (date) record.date = isoDate(collapseSpaces(date.value));
  // MEDLINE's DP is a date ("2020 May 3"); its year is what the year field needs.
  if (format === MEDLINE && year) record.date = medlineDate(collapseSpaces(year.value));

  record.volume = text("volume");
  record.issue = text("issue");
  const pages = text("pages");
  const endPage = text("endPage");
  record.pages = pages && endPage && !pages.includes("-") ? `${pages}-${endPage}` : (pages ?? endPage);

  const doiEntries = raw("doi");
  // MEDLINE's LID/AID hold "10.1/x [doi]" and "S0140-… [pii]": only the DOI counts.
  const doi =
    format === MEDLINE ? doiEntries.find((entry) => /\[doi\]\s*$/.test(entry.value)) : (doiEntries[0] ?? undefined);
  if (doi) {
    record.doi = collapseSpaces(doi.value.replace(/\s*\[doi\]\s*$/, ""));
    record.fieldLines.doi = { line: doi.line, name: doi.name };
  }

  record.keywords = list("keywords", format === MEDLINE ? /\n+/ : /[\n;；,，]+/);
  const abstract = raw("abstract")
    .map((entry) => entry.value.replace(/\(#br\)/g, "\n").trim())
    .join("\n");
  record.abstract = abstract ? abstract.replace(/[ \t]*\n[ \t]*/g, format === MEDLINE ? " " : "\n").trim() : null;
  record.otherAbstract = text("otherAbstract");

  // {ISBN/ISSN} and %@ hold either: an ISBN has 10 or 13 digits, an ISSN 8. A standard's number sits there too.
  for (const entry of raw("serial")) {
    const value = collapseSpaces(entry.value);
    if (kind === "standard" || kind === "patent" || kind === "report") record.number ??= value;
    else if (value.replace(/[^\dXx]/g, "").length >= 10) record.isbn ??= value;
    else record.issn ??= value;
  }
  record.issn ??= text("issn")?.replace(/\s*\((Print|Electronic|Linking)\)\s*$/i, "") ?? null;
  record.isbn ??= text("isbn");
  record.publisher = text("publisher");
  if (kind === "conference") record.eventPlace = text("place");
  else record.publisherPlace = text("place");
  record.edition = text("edition");
  // Type of Work is a thesis's degree (博士, 硕士, PhD) and a report's kind; CNKI writes a patent's number there.
  const typeOfWork = text("typeOfWork");
  if (kind === "patent") record.number ??= typeOfWork;
  else record.genre = typeOfWork;
  const notes = text("notes");
  if (notes) {
    // CNKI's {Notes} is a journal's CN number (11-1949/U) or a patent's publication number (CN108722921A).
    if (kind === "patent") record.number ??= notes;
    else if (/^\d{2}-\d{4}\/[A-Z0-9]+$/i.test(notes)) record.identifiers.push({ type: "CN", value: notes });
    else if (format === CNKI_ESTUDY) record.identifiers.push({ type: "CLC", value: notes });
  }
  record.number ??= text("number");
  const url = text("url");
  record.url = url && /^(https?|ftp):\/\//i.test(url) ? url : (url ?? null);
  const accessed = text("accessed");
  record.accessed = accessed ? isoDate(accessed) : null;
  record.language = text("language");
  const funding = list("funding");
  record.funding = funding.length ? funding.join("; ") : null;
  const pmid = text("pmid");
  if (pmid) record.identifiers.push({ type: "PMID", value: pmid });
  if (kind === "thesis") {
    // CNKI and E-Study name a thesis's university where a journal would be; it is the degree's institution.
    if (!record.publisher && record.journal) {
      record.publisher = record.journal;
      record.journal = null;
    }
    if (!record.genre && type && /博士|硕士/.test(type)) record.genre = type;
  }
  return record;
}

type Kind = "thesis" | "conference" | "patent" | "standard" | "report" | "other";

function typeKind(type: string | null): Kind {
  if (!type) return "other";
  if (/thesis|dissertation|硕士|博士|学位/i.test(type)) return "thesis";
  if (/conference|proceedings|会议/i.test(type)) return "conference";
  if (/patent|专利/i.test(type)) return "patent";
  if (/standard|标准/i.test(type)) return "standard";
  if (/report/i.test(type)) return "report";
  return "other";
}

/** "2019-01-09", "2019/1/9", "2019.01.09", "2019年1月9日" → ISO; anything else as written. */
export function isoDate(value: string): string {
  const match = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?/.exec(value.trim());
  if (!match) return value.trim();
  const [, year, month, day] = match;
  if (!month) return year!;
  if (!day) return `${year}-${month.padStart(2, "0")}`;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** MEDLINE's "2020 May 3", "2019 Jan-Feb", "2018" → ISO as far as it is known. */
function medlineDate(value: string): string {
  const match = /^(\d{4})(?: ([A-Za-z]{3})[a-z]*(?: (\d{1,2}))?)?/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const index = month ? MONTHS.indexOf(month.toLowerCase()) : -1;
  if (index < 0) return year!;
  const mm = String(index + 1).padStart(2, "0");
  return day ? `${year}-${mm}-${day.padStart(2, "0")}` : `${year}-${mm}`;
}
