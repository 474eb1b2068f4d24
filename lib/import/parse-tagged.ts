// The line-tagged formats CNKI (知网), Wanfang and EndNote export, which no maintained JavaScript parser reads
// with Chinese conventions: NoteExpress ({Title}: …), EndNote tagged .enw (%T …) and RefWorks (T1 …).
// One reader, three tag tables.
import { ENDNOTE_TYPE_NAMES } from "./endnote-types";
import { emptyRecord, splitAuthors, splitList, type SourceRecord } from "./source-record";

type Target =
  | "type"
  | "title"
  | "otherTitle"
  | "author"
  | "journal"
  | "year"
  | "volume"
  | "issue"
  | "pages"
  | "endPage"
  | "doi"
  | "keywords"
  | "abstract"
  | "issn";

interface TaggedFormat {
  /** Reads one line into tag and value, or null for a continuation line. */
  tag(line: string): { tag: string; value: string } | null;
  /** The tag that starts a record. */
  start: string;
  fields: Record<string, Target>;
  types: ReadonlySet<string>;
  /** Whether an author field always holds the whole list (CNKI), so any comma separates names. */
  authorList: boolean;
}

export const NOTEEXPRESS: TaggedFormat = {
  tag: (line) => {
    const match = /^\{([^}]+)\}:\s?(.*)$/.exec(line);
    return match ? { tag: match[1]!.trim(), value: match[2]! } : null;
  },
  start: "Reference Type",
  fields: {
    "Reference Type": "type",
    Title: "title",
    "Translated Title": "otherTitle",
    "English Title": "otherTitle",
    Author: "author",
    Journal: "journal",
    "Secondary Title": "journal",
    Year: "year",
    Volume: "volume",
    Issue: "issue",
    Pages: "pages",
    DOI: "doi",
    Keywords: "keywords",
    Abstract: "abstract",
    "ISBN/ISSN": "issn",
  },
  types: ENDNOTE_TYPE_NAMES,
  authorList: true,
};

export const ENDNOTE_TAGGED: TaggedFormat = {
  tag: (line) => {
    const match = /^%(\S)\s?(.*)$/.exec(line);
    return match ? { tag: `%${match[1]}`, value: match[2]! } : null;
  },
  start: "%0",
  fields: {
    "%0": "type",
    "%T": "title",
    "%Q": "otherTitle",
    "%A": "author",
    "%J": "journal",
    "%B": "journal",
    "%D": "year",
    "%V": "volume",
    "%N": "issue",
    "%P": "pages",
    "%R": "doi",
    "%K": "keywords",
    "%X": "abstract",
    "%@": "issn",
  },
  types: ENDNOTE_TYPE_NAMES,
  authorList: false,
};

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
    T2: "otherTitle",
    A1: "author",
    JF: "journal",
    JO: "journal",
    YR: "year",
    FD: "year",
    VO: "volume",
    IS: "issue",
    SP: "pages",
    OP: "endPage",
    DO: "doi",
    K1: "keywords",
    AB: "abstract",
    SN: "issn",
  },
  types: ENDNOTE_TYPE_NAMES,
  authorList: true,
};

export function parseTagged(text: string, format: TaggedFormat): SourceRecord[] {
  const records: SourceRecord[] = [];
  let record: SourceRecord | null = null;
  let last: { target: Target | undefined; name: string } | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/^\uFEFF/, "");
    const lineNumber = index + 1;
    const tagged = format.tag(line);
    if (!tagged) {
      // An untagged line continues the field above it (long abstracts wrap in some exports).
      if (record && last?.target && line.trim())
        apply(record, last.target, line.trim(), lineNumber, last.name, true, format);
      continue;
    }
    if (tagged.tag === format.start) {
      record = emptyRecord(lineNumber);
      records.push(record);
    }
    if (!record) continue;
    const target = format.fields[tagged.tag];
    last = { target, name: tagged.tag };
    const value = tagged.value.trim();
    if (target && value) apply(record, target, value, lineNumber, tagged.tag, false, format);
    if (target === "type" && value && !format.types.has(value)) {
      record.problems.push({
        line: lineNumber,
        field: tagged.tag,
        code: "unknownType",
        severity: "warning",
        detail: value,
      });
    }
  }
  return records;
}

function apply(
  record: SourceRecord,
  target: Target,
  value: string,
  line: number,
  name: string,
  continued: boolean,
  format: TaggedFormat,
) {
  const join = (previous: string | null) => (continued && previous ? `${previous} ${value}` : (previous ?? value));
  switch (target) {
    case "type":
      record.type = value;
      record.fieldLines.type = { line, name };
      break;
    case "title":
      record.title = continued ? join(record.title) : (record.title ?? value);
      record.fieldLines.title ??= { line, name };
      break;
    case "otherTitle":
      record.otherTitle = join(record.otherTitle);
      break;
    case "author":
      // CNKI writes all authors on one line, "唐伦;赵培培;" or "谢昕,王小增"; EndNote repeats the tag per author.
      record.authors.push(...splitAuthors(value, format.authorList));
      break;
    case "journal":
      record.journal = join(record.journal);
      break;
    case "year": {
      record.year ??= value;
      record.fieldLines.year ??= { line, name };
      break;
    }
    case "volume":
      record.volume ??= value;
      break;
    case "issue":
      record.issue ??= value;
      break;
    case "pages":
      record.pages ??= value;
      break;
    case "endPage":
      record.pages = record.pages ? `${record.pages}-${value}` : value;
      break;
    case "doi":
      record.doi ??= value;
      record.fieldLines.doi ??= { line, name };
      break;
    case "keywords":
      record.keywords.push(...splitList(value, /[;；,，]+/));
      break;
    case "abstract":
      record.abstract = continued ? join(record.abstract) : record.abstract ? `${record.abstract}\n${value}` : value;
      break;
    case "issn":
      record.issn ??= value;
      break;
  }
}
