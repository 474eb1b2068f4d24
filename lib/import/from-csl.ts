// CSL-JSON (what citation-js turns BibTeX into, and what Zotero exports) → a SourceRecord.
import { collapseSpaces, dropEtAl, emptyRecord, splitList, type SourceRecord } from "./source-record";

type CslNameValue = {
  family?: unknown;
  given?: unknown;
  literal?: unknown;
  "non-dropping-particle"?: unknown;
  "dropping-particle"?: unknown;
  suffix?: unknown;
};

function str(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = collapseSpaces(value);
  return trimmed || null;
}

const HAN = /\p{Script=Han}/u;

/**
 * A CSL name as one string. Western names keep their particles and suffix in BibTeX's "von Last, Jr, First"
 * order, so "von den Berg, Hans" and "Smith, Jr., John" survive a round trip through any BibTeX reader.
 */
export function cslName(name: unknown): string | null {
  if (typeof name === "string") return str(name);
  if (!name || typeof name !== "object") return null;
  const value = name as CslNameValue;
  const lit = str(value.literal);
  if (lit) return lit;
  const particle = [str(value["dropping-particle"]), str(value["non-dropping-particle"])].filter(Boolean).join(" ");
  const familyName = str(value.family);
  const family = familyName ? (particle ? `${particle} ${familyName}` : familyName) : null;
  const givenName = str(value.given);
  // citeproc writes "Jr" without its dot; the name as people write it has one.
  const suffixText = str(value.suffix);
  const suffix = suffixText && /^(jr|sr)$/i.test(suffixText) ? `${suffixText}.` : suffixText;
  if (!family) return givenName;
  if (!givenName) return suffix ? `${family}, ${suffix}` : family;
  // Chinese names have no comma and family first: 肖 + 发民 is 肖发民.
  if (HAN.test(family + givenName)) return `${family}${givenName}`;
  return suffix ? `${family}, ${suffix}, ${givenName}` : `${family}, ${givenName}`;
}

function names(value: unknown): { names: string[]; etAl: boolean } {
  if (!Array.isArray(value)) return { names: [], etAl: false };
  return dropEtAl(value.map(cslName).filter((name): name is string => !!name));
}

/** A CSL date → an ISO date as far as it is known (2020, 2020-05, 2020-05-03), or its literal text. */
export function cslDate(date: unknown): string | null {
  if (!date || typeof date !== "object") return str(date);
  const { "date-parts": parts, literal, raw } = date as Record<string, unknown>;
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) {
    const [year, month, day] = parts[0] as unknown[];
    if (year === undefined || year === null || year === "") return null;
    const pad = (part: unknown) => String(part).padStart(2, "0");
    if (!month) return String(year);
    if (!day) return `${year}-${pad(month)}`;
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  return str(literal) ?? str(raw);
}

function cslYear(issued: unknown): string | null {
  const date = cslDate(issued);
  return date ? (/^(\d{4})/.exec(date)?.[1] ?? date) : null;
}

export function fromCsl(csl: Record<string, unknown>, line: number): SourceRecord {
  const record = emptyRecord(line);
  record.type = str(csl.type);
  record.title = str(csl.title);
  record.otherTitle = str(csl["original-title"]) ?? str(csl["title-translated"]);
  const authors = names(csl.author);
  record.authors = authors.names;
  record.etAl = authors.etAl;
  // A chapter's book editors are CSL's container-author (or collection-editor) as often as its editor.
  record.editors = [
    ...names(csl.editor).names,
    ...names(csl["container-author"]).names,
    ...names(csl["collection-editor"]).names,
  ].filter((name, index, all) => all.indexOf(name) === index);
  record.translators = names(csl.translator).names;
  // CSL has no supervisor; Zotero and citeproc-js write a thesis's supervisor as "contributor" or "director".
  // Anything else's director (a film, a video) is its maker, printed as its author.
  const directors = names(csl.director ?? csl["thesis-advisor"]).names;
  if (str(csl.type) !== "thesis" && record.authors.length === 0 && csl.director !== undefined) {
    record.authors = directors;
  } else record.supervisors = directors;
  record.journal = str(csl["container-title"]) ?? str(csl["collection-title"]);
  const date = cslDate(csl.issued);
  record.year = cslYear(csl.issued);
  if (date && /^\d{4}-\d{2}/.test(date)) record.date = date;
  record.volume = str(csl.volume);
  record.issue = str(csl.issue);
  record.pages = str(csl.page);
  record.doi = str(csl.DOI);
  const keywords = csl.keyword;
  record.keywords = Array.isArray(keywords)
    ? keywords.map(str).filter((value): value is string => !!value)
    : typeof keywords === "string"
      ? splitList(keywords, /[;；,，]+/)
      : [];
  record.abstract = typeof csl.abstract === "string" && csl.abstract.trim() ? csl.abstract.trim() : null;
  const issn = Array.isArray(csl.ISSN) ? csl.ISSN[0] : csl.ISSN;
  record.issn = str(issn);
  const isbn = Array.isArray(csl.ISBN) ? csl.ISBN[0] : csl.ISBN;
  record.isbn = str(isbn);
  record.genre = str(csl.genre);
  record.publisher = str(csl.publisher);
  record.publisherPlace = str(csl["publisher-place"]);
  // CSL calls a dataset's edition its version.
  record.edition = str(csl.edition) ?? str(csl.version);
  record.eventTitle = str(csl["event-title"]) ?? (typeof csl.event === "string" ? str(csl.event) : null);
  record.eventPlace = str(csl["event-place"]);
  record.eventDate = cslDate(csl["event-date"]);
  record.number = str(csl.number);
  record.jurisdiction = str(csl.jurisdiction);
  record.url = str(csl.URL);
  record.accessed = cslDate(csl.accessed);
  record.language = str(csl.language);
  const otherContainer = str(csl["original-container-title"]);
  if (otherContainer) record.otherJournal = otherContainer;
  readNote(record, csl.note);
  // An article number (e-locator, Zotero's "number" in Extra) is where the article's pages would be; GB/T
  // prints it there ("2023, 267: 147370"), and a journal article has no other place for it.
  if (record.type === "article-journal" && !record.pages && record.number) {
    record.pages = record.number;
    record.number = null;
  }
  const pmid = str(csl.PMID);
  if (pmid) record.identifiers.push({ type: "PMID", value: pmid });
  return record;
}

/**
 * Zotero's Extra lines "variable: value" that citeproc-js reads as CSL variables when the item has none
 * (Zotero writes there what its own item type has no field for: a thesis's page count, an article number).
 */
const NOTE_VARIABLES: Record<string, (record: SourceRecord, value: string) => void> = {
  page: (record, value) => (record.pages ??= value),
  number: (record, value) => (record.number ??= value),
  volume: (record, value) => (record.volume ??= value),
  issue: (record, value) => (record.issue ??= value),
  edition: (record, value) => (record.edition ??= value),
  version: (record, value) => (record.edition ??= value),
  genre: (record, value) => (record.genre ??= value),
  publisher: (record, value) => (record.publisher ??= value),
  "publisher-place": (record, value) => (record.publisherPlace ??= value),
  "event-title": (record, value) => (record.eventTitle ??= value),
  "event-place": (record, value) => (record.eventPlace ??= value),
  jurisdiction: (record, value) => (record.jurisdiction ??= value),
  DOI: (record, value) => (record.doi ??= value),
  URL: (record, value) => (record.url ??= value),
  "original-title": (record, value) => (record.otherTitle ??= value),
};

/**
 * Zotero's Extra (CSL `note`) lines this app reads: "Funding: …", CSL variables as citeproc-js reads them
 * (NOTE_VARIABLES), and the one JSON line this app's own CSL-JSON export writes for what CSL has no variable
 * for (lib/export/reference-formats.ts).
 */
function readNote(record: SourceRecord, note: unknown) {
  if (typeof note !== "string") return;
  for (const line of note.split(/\r?\n/)) {
    const variable = /^([A-Za-z-]+):\s*(\S.*)$/.exec(line.trim());
    if (variable && Object.hasOwn(NOTE_VARIABLES, variable[1]!)) {
      NOTE_VARIABLES[variable[1]!]!(record, collapseSpaces(variable[2]!));
    }
    const funding = /^Funding:\s*(.+)$/.exec(line.trim());
    if (funding) record.funding = funding[1]!.trim();
    if (!line.startsWith("huitong: ")) continue;
    let extras: Record<string, unknown>;
    try {
      extras = JSON.parse(line.slice("huitong: ".length)) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (typeof extras.otherAbstract === "string") record.otherAbstract = extras.otherAbstract;
    if (Array.isArray(extras.otherNames)) {
      record.translatedAuthors = extras.otherNames.map((name) => (typeof name === "string" ? name : ""));
    }
    if (Array.isArray(extras.affiliations)) {
      record.authorAffiliations = extras.affiliations.map((list) =>
        Array.isArray(list) ? list.filter((value): value is string => typeof value === "string") : [],
      );
    }
    if (Array.isArray(extras.supervisors)) {
      record.supervisors = extras.supervisors.filter((value): value is string => typeof value === "string");
    }
    if (extras.moreAuthors === true) record.etAl = true;
  }
}
