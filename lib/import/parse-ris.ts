// RIS (Scopus, Web of Science, PubMed, Embase, ProQuest, Zotero, EndNote, Rayyan, CNKI). The file is split
// into records here, so each keeps its line and one broken record cannot take the others with it. Tags are
// mapped by hand, following the RIS specification and Zotero's reading of the type-dependent tags (T2, A2,
// A3, C3, SN, M3…), because a general converter loses what this app keeps: TT as the translated title beside
// TI, editors and supervisors, affiliations (AD, C1), URL and access date, the publisher of a thesis.
import { collapseSpaces, dropEtAl, emptyRecord, splitAuthors, splitList, type SourceRecord } from "./source-record";

// Zotero, EndNote and the specification write "TY  - "; some tools write one space ("TY - "), which Zotero
// also reads. The dash may end the line on an empty field.
const TAG = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;

// The reference types of the RIS specification (and the few that common exporters add).
export const RIS_TYPES = new Set(
  (
    "ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER CTLG DATA DBASE DICT EBOOK ECHAP " +
    "EDBOOK EJOUR ELEC ENCYC EQUA FIGURE GEN GOVDOC GRANT HEAR ICOMM INPR JFULL JOUR LEGAL MANSCPT MAP MGZN MPCT MULTI " +
    "MUSIC NEWS PAMP PAT PCOMM RPRT SER SLIDE SOUND STAND STAT THES UNBILL UNPB VIDEO WEB"
  ).split(" "),
);

interface RisField {
  tag: string;
  value: string;
  line: number;
}

/** Splits RIS text into records of tagged fields; untagged lines continue the field above (Rayyan, WoS). */
export function tokenizeRis(text: string): { line: number; fields: RisField[]; closed: boolean }[] {
  const records: { line: number; fields: RisField[]; closed: boolean }[] = [];
  let current: { line: number; fields: RisField[]; closed: boolean } | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.replace(/^\uFEFF/, "");
    const match = TAG.exec(raw.trimEnd()) ?? TAG.exec(raw);
    if (match) {
      const tag = match[1]!;
      const value = (match[2] ?? "").trim();
      if (tag === "TY") {
        current = { line: index + 1, fields: [], closed: false };
        records.push(current);
      }
      if (!current) continue;
      if (tag === "ER") {
        current.closed = true;
        current = null;
        continue;
      }
      current.fields.push({ tag, value, line: index + 1 });
    } else if (current && raw.trim() && current.fields.length > 0) {
      const last = current.fields[current.fields.length - 1]!;
      last.value = last.value ? `${last.value}\n${raw.trim()}` : raw.trim();
    }
  }
  return records;
}

const YEAR_TAGS = ["PY", "Y1", "DA"];
const TITLE_TAGS = ["TI", "T1", "CT"];

/** "2020/05/03/", "2020/05//", "2020-05-03", "2020 May" → an ISO date as far as it is known, else as written. */
export function risDate(value: string): string {
  const parts = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?\/?(?:[^\d].*)?$/.exec(value.trim());
  if (!parts) return value.trim();
  const [, year, month, day] = parts;
  if (!month || Number(month) === 0) return year!;
  const mm = month.padStart(2, "0");
  if (!day || Number(day) === 0) return `${year}-${mm}`;
  return `${year}-${mm}-${day.padStart(2, "0")}`;
}

export function parseRis(text: string): SourceRecord[] {
  return tokenizeRis(text).map(({ line, fields, closed }) => {
    const record = emptyRecord(line);
    // The record's fields by tag, once: a record is read through some forty tag lookups.
    const byTag = new Map<string, RisField[]>();
    for (const field of fields) {
      if (!field.value) continue;
      const list = byTag.get(field.tag);
      if (list) list.push(field);
      else byTag.set(field.tag, [field]);
    }
    const all = (...tags: string[]) =>
      tags.length === 1
        ? (byTag.get(tags[0]!) ?? [])
        : fields.filter((field) => field.value && tags.includes(field.tag));
    const first = (...tags: string[]) => {
      for (const tag of tags) {
        const found = byTag.get(tag)?.[0];
        if (found) return found;
      }
      return undefined;
    };
    const value = (...tags: string[]) => {
      const found = first(...tags);
      return found ? collapseSpaces(found.value) : null;
    };
    const names = (...tags: string[]) => all(...tags).flatMap((field) => splitAuthors(collapseSpaces(field.value)));

    const typeField = fields.find((field) => field.tag === "TY");
    const type = typeField?.value || null;
    record.type = type;
    if (typeField) record.fieldLines.type = { line: typeField.line, name: "TY" };
    if (type && !RIS_TYPES.has(type)) {
      record.problems.push({
        line: typeField!.line,
        field: "TY",
        code: "unknownType",
        severity: "warning",
        detail: type,
      });
    }
    const is = (...types: string[]) => type !== null && types.includes(type);
    const conference = is("CONF", "CPAPER");
    const book = is("BOOK", "EBOOK", "EDBOOK");

    // The title: TI (or T1/CT); a book may carry it only in BT. TT is the title in the other language and
    // never replaces TI.
    const title = first(...TITLE_TAGS) ?? (book ? first("BT") : undefined);
    if (title) {
      record.title = collapseSpaces(title.value);
      record.fieldLines.title = { line: title.line, name: title.tag };
    }
    record.otherTitle = value("TT");

    const authors = dropEtAl(names("AU", "A1"));
    record.authors = authors.names;
    record.etAl = authors.etAl;
    // TA: the authors' names in the other script (EndNote's "Translated Author"), in the same order.
    record.translatedAuthors = names("TA");
    // A2 is the editor of an article, chapter or paper; A3 edits a book (the series editor elsewhere) and is
    // the supervisor of a thesis (EndNote's "Tertiary Author" on THES); A4 translates.
    record.editors = dropEtAl(names("ED", ...(book ? ["A3"] : ["A2"]))).names;
    if (is("THES")) record.supervisors = dropEtAl(names("A3")).names;
    record.translators = dropEtAl(names("A4")).names;
    record.affiliations = all("AD").flatMap((field) => splitList(field.value, /[\n;；]+/).map(collapseSpaces));

    // The container: the journal (JF/JO/T2), a chapter's book (T2/BT), a conference paper's proceedings (C3,
    // then T2 when the file names no conference separately), a web page's site.
    if (conference) {
      const proceedings = value("C3");
      record.journal = proceedings ?? value("T2", "BT", "JF", "JO");
      record.eventTitle = proceedings ? value("T2") : null;
      // Zotero writes the conference's place in C1 and the publisher's in CY; EndNote only CY, the conference's.
      record.eventPlace = value("C1") ?? value("CY");
    } else if (is("CHAP", "ECHAP")) {
      record.journal = value("T2", "BT", "JF", "JO");
    } else if (is("PAT")) {
      record.journal = null;
      record.jurisdiction = value("C3");
    } else {
      record.journal = value("JF", "JO", "T2", "JA", "J2");
    }
    if (is("RPRT", "BOOK", "EBOOK", "EDBOOK")) record.journal = value("JF", "JO", "T2") ?? null;

    record.volume = value("VL");
    record.issue = value("IS");
    const start = value("SP");
    const end = value("EP");
    record.pages = start && end && !start.includes("-") ? `${start}-${end}` : (start ?? end);
    const doi = first("DO", "M3");
    const doiValue = doi && /10\.\d{4,9}\//.test(doi.value) ? doi : first("DO");
    if (doiValue) {
      record.doi = collapseSpaces(doiValue.value);
      record.fieldLines.doi = { line: doiValue.line, name: doiValue.tag };
    }
    // Keywords: one per KW line; Rayyan continues the list on untagged lines, CNKI joins them with ; or ;;.
    record.keywords = all("KW").flatMap((field) => splitList(field.value, /[\n;；]+/).map(collapseSpaces));
    const abstracts = all("AB", "N2").map((field) => field.value.replace(/\n/g, " ").trim());
    record.abstract = abstracts[0] ?? null;
    // A second abstract (N2 beside AB) in the other language is the translated abstract.
    record.otherAbstract = abstracts.find((text) => text !== record.abstract) ?? null;
    // J2 is the journal's abbreviation, or (as this app writes it) the journal's name in the other language.
    const alternate = value("J2");
    const han = /\p{Script=Han}/u;
    if (alternate && record.journal && han.test(alternate) !== han.test(record.journal))
      record.otherJournal = alternate;
    record.publisher = value("PB");
    record.publisherPlace = !conference || value("C1") ? value("CY") : null;
    record.edition = value("ET");
    // M3 is the "type of work": a thesis's degree, a report's kind (unless it is a DOI, as some tools write).
    const typeOfWork = value("M3");
    if (typeOfWork && !/^10\.\d{4,9}\//.test(typeOfWork)) record.genre = typeOfWork;
    const serial = value("SN");
    if (serial) {
      if (is("RPRT", "PAT", "STAND")) record.number = serial;
      // An ISBN has 10 or 13 digits, an ISSN 8.
      else if (serial.replace(/[^\dXx]/g, "").length >= 10) record.isbn = serial;
      else record.issn = serial;
    }
    record.number ??= is("RPRT", "PAT", "STAND") ? value("M1", "IS") : value("M1");
    record.url = value("UR", "L2");
    record.language = value("LA");
    record.accessed = (() => {
      const accessed = value("Y2");
      return accessed ? risDate(accessed) : null;
    })();
    const fullDate = value("DA", "Y1");
    if (fullDate && /^\d{4}[/-]\d/.test(fullDate)) record.date = risDate(fullDate);
    // PubMed and WoS put a month alone in DA ("Jun", "SEP") next to the year in PY: take the first that has one.
    const year =
      fields.find((field) => YEAR_TAGS.includes(field.tag) && /\d{4}/.test(field.value)) ?? first(...YEAR_TAGS);
    if (year) {
      record.fieldLines.year = { line: year.line, name: year.tag };
      record.year = collapseSpaces(year.value);
    }
    const funding = [
      ...all("FU", "FX").map((field) => collapseSpaces(field.value)),
      ...all("N1")
        .map((field) => /^Funding:\s*(.+)$/s.exec(field.value.trim())?.[1])
        .filter((text): text is string => !!text)
        .map(collapseSpaces),
    ];
    if (funding.length) record.funding = funding.join("; ");
    const pmid = value("AN") ?? null;
    if (pmid && /^\d+$/.test(pmid)) record.identifiers.push({ type: "PMID", value: pmid });

    if (!closed) {
      record.problems.push({ line, field: "ER", code: "missingEnd", severity: "warning" });
    }
    return record;
  });
}
