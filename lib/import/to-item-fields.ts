// A parsed reference → the item's bilingual fields, its type and type-specific fields, and its contributors
// by role. Each value goes by its script: text with Chinese characters fills the Chinese field, anything else
// the English one, so an English paper from Scopus and a CNKI record with an English title both land where
// the item page shows them.
import type { ContributorRole, ItemType } from "@/lib/db/generated/enums";
import {
  authorSchema,
  EMPTY_ITEM_FIELDS,
  itemFieldsSchema,
  MAX_AUTHORS,
  type ItemFields,
} from "@/lib/items/item-fields";
import { itemTypeOf } from "./item-type";
import { collapseSpaces, type ImportFormat, type RecordProblem, type SourceRecord } from "./source-record";

const HAN = /\p{Script=Han}/u;

export function isChinese(value: string): boolean {
  return HAN.test(value);
}

function byScript(values: (string | null)[]): { zh: string | null; en: string | null } {
  let zh: string | null = null;
  let en: string | null = null;
  for (const value of values) {
    if (!value) continue;
    if (isChinese(value)) zh ??= value;
    else en ??= value;
  }
  return { zh, en };
}

function cleanText(value: string | null): string | null {
  if (!value) return null;
  // Exports wrap titles in HTML (<i>, <sub>) that a citation would print as text.
  const cleaned = collapseSpaces(value.replace(/<\/?[a-z][^>]*>/gi, ""));
  return cleaned || null;
}

/** The stored limit of a name (lib/items/item-fields.ts); longer names are cut, with a warning. */
const NAME_LIMIT = 200;
/** Type-specific values are free text; a value longer than this is not a publisher or a place. */
const FIELD_LIMIT = 1000;

/** The type and type-specific fields of an imported reference (ReviewItem's columns of the same names). */
export interface ReferenceTypeFields {
  itemType: ItemType;
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
  issuedDate: string | null;
  accessedDate: string | null;
  language: string | null;
  /** The source's author list ended in "others"/"et al.": more authors exist than are named. */
  moreAuthors: boolean;
}

export interface ImportedContributor {
  role: Exclude<ContributorRole, "AUTHOR">;
  nameZh: string | null;
  nameEn: string | null;
}

export interface MappedRecord {
  fields: ItemFields;
  reference: ReferenceTypeFields;
  /** Editors, translators, supervisors: ItemAuthor rows with their role (authors are `fields.authors`). */
  contributors: ImportedContributor[];
  problems: RecordProblem[];
}

/** An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) or null: what the date columns hold. */
function isoDateOrNull(value: string | null): string | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return null;
  const [, , month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day && (Number(day) < 1 || Number(day) > 31)) return null;
  return value.trim();
}

const LANGUAGES: [RegExp, string][] = [
  [/^(zh|zh-cn|zh-hans|zh-tw|zh-hant|chi|zho|chinese|中文|汉语|简体中文|繁體中文)$/i, "zh"],
  [/^(en|en-us|en-gb|eng|english|英文|英语)$/i, "en"],
  [/^(ja|jpn|japanese|日文|日语)$/i, "ja"],
  [/^(de|ger|deu|german|ngerman)$/i, "de"],
  [/^(fr|fre|fra|french)$/i, "fr"],
];

/** A language as the files name it (chinese, chi, 中文, en-US, English) → its ISO 639-1 code where known. */
export function languageCode(value: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  for (const [pattern, code] of LANGUAGES) if (pattern.test(trimmed)) return code;
  return trimmed.slice(0, 50) || null;
}

export function toItemFields(record: SourceRecord, format: ImportFormat = "ris"): MappedRecord {
  const problems = [...record.problems];
  const line = (key: keyof SourceRecord["fieldLines"]) => record.fieldLines[key]?.line ?? record.line;
  const name = (key: keyof SourceRecord["fieldLines"], fallback: string) => record.fieldLines[key]?.name ?? fallback;
  const unparsable = problems.some((problem) => problem.code === "unparsable");

  const titles = byScript([cleanText(record.title), cleanText(record.otherTitle)]);

  let year: number | null = null;
  if (record.year) {
    const match = /(?:^|\D)(\d{4})(?:\D|$)/.exec(record.year);
    const candidate = match ? Number(match[1]) : NaN;
    if (Number.isInteger(candidate) && candidate >= 1000 && candidate <= 2100) year = candidate;
    else {
      problems.push({
        line: line("year"),
        field: name("year", "year"),
        code: "yearNotNumber",
        severity: "warning",
        detail: record.year,
      });
    }
  }

  let doi: string | null = null;
  if (record.doi) {
    const candidate = record.doi
      .trim()
      .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, "")
      .trim();
    if (/^10\.\d{4,9}\/\S+$/.test(candidate)) doi = candidate;
    else {
      problems.push({
        line: line("doi"),
        field: name("doi", "doi"),
        code: "invalidDoi",
        severity: "warning",
        detail: record.doi,
      });
    }
  }

  const abstracts = byScript([record.abstract, record.otherAbstract]);
  // A record without a title is still a reference when something else identifies it (this app exports items
  // whose title is missing, and must read them back); without any of these it is noise and stays out.
  if (!titles.zh && !titles.en && !unparsable) {
    const identified = (record.authors.length > 0 && year !== null) || doi !== null || !!abstracts.zh || !!abstracts.en;
    problems.push({
      line: line("title"),
      field: name("title", "title"),
      code: identified ? "titleMissing" : "missingTitle",
      severity: identified ? "warning" : "error",
    });
  }

  const authors = toAuthors(record, problems);
  if (record.etAl) {
    problems.push({ line: record.line, field: null, code: "etAl", severity: "warning" });
  }

  const journals = byScript([cleanText(record.journal), cleanText(record.otherJournal)]);
  const keywords = record.keywords.map((keyword) => collapseSpaces(keyword)).filter(Boolean);
  const identifiers = [
    ...(record.issn ? [{ type: "ISSN", value: record.issn.slice(0, 300) }] : []),
    ...(record.isbn ? [{ type: "ISBN", value: record.isbn.slice(0, 300) }] : []),
    ...record.identifiers.map((identifier) => ({ type: identifier.type, value: identifier.value.slice(0, 300) })),
  ];
  const raw = {
    titleZh: titles.zh,
    titleEn: titles.en,
    authors: [],
    journalZh: journals.zh,
    journalEn: journals.en,
    year,
    volume: record.volume,
    issue: record.issue,
    pages: record.pages,
    doi,
    keywordsZh: keywords.filter(isChinese),
    keywordsEn: keywords.filter((keyword) => !isChinese(keyword)),
    abstractZh: abstracts.zh,
    abstractEn: abstracts.en,
    funding: record.funding,
    identifiers,
  };

  const { itemType, known } = itemTypeOf(format, record.type, record.typeHints);
  if (!known && record.type && !problems.some((problem) => problem.code === "unknownType")) {
    problems.push({
      line: line("type"),
      field: name("type", "type"),
      code: "unknownType",
      severity: "warning",
      detail: record.type,
    });
  }
  const limited = (field: string, value: string | null): string | null => {
    const text = value ? collapseSpaces(value) : null;
    if (!text) return null;
    if (text.length <= FIELD_LIMIT) return text;
    problems.push({ line: record.line, field, code: "invalidField", severity: "warning", detail: text.slice(0, 80) });
    return null;
  };
  const reference: ReferenceTypeFields = {
    itemType,
    genre: limited("genre", record.genre),
    publisher: limited("publisher", record.publisher),
    publisherPlace: limited("publisherPlace", record.publisherPlace),
    edition: limited("edition", record.edition),
    eventTitle: limited("eventTitle", record.eventTitle),
    eventPlace: limited("eventPlace", record.eventPlace),
    eventDate: limited("eventDate", record.eventDate),
    number: limited("number", record.number),
    jurisdiction: limited("jurisdiction", record.jurisdiction),
    url: limited("url", record.url),
    // A bare year is the year column's; the issued date says more only with a month.
    issuedDate: record.date && /^\d{4}-\d{2}/.test(record.date) ? isoDateOrNull(record.date) : null,
    accessedDate: isoDateOrNull(record.accessed),
    language: languageCode(record.language),
    moreAuthors: record.etAl || record.authors.length > MAX_AUTHORS,
  };
  // BibLaTeX and CSL give a patent's country as its place.
  if (itemType === "PATENT" && reference.publisherPlace) {
    reference.jurisdiction ??= reference.publisherPlace;
    if (reference.jurisdiction === reference.publisherPlace) reference.publisherPlace = null;
  }
  const contributors: ImportedContributor[] = [
    ...toContributors("EDITOR", record.editors),
    ...toContributors("TRANSLATOR", record.translators),
    ...toContributors("SUPERVISOR", record.supervisors),
  ];

  // A value the item cannot hold (an "issue" of 80 characters, a keyword of 500) is dropped with a warning
  // rather than losing the whole reference; only a record still invalid after that is kept out.
  let candidate: Record<string, unknown> = raw;
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = itemFieldsSchema.safeParse(candidate);
    if (parsed.success) {
      if (!parsed.data.titleZh && !parsed.data.titleEn && problems.some((problem) => problem.severity === "error")) {
        break;
      }
      // The item's fields carry the type, its fields and the contributors too, as the edit form reads them.
      const { moreAuthors: _moreAuthors, ...typeFields } = reference;
      return { fields: { ...parsed.data, ...typeFields, authors, contributors }, reference, contributors, problems };
    }
    const next = { ...candidate };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      problems.push({
        line: record.line,
        field: issue.path.map(String).join("."),
        code: "invalidField",
        severity: field === "titleZh" || field === "titleEn" ? "error" : "warning",
        detail: issue.message,
      });
      if (field === "titleZh" || field === "titleEn") return fallback();
      next[field] = Array.isArray(candidate[field]) ? [] : null;
    }
    candidate = next;
  }
  return fallback();

  function fallback(): MappedRecord {
    if (!problems.some((problem) => problem.severity === "error")) {
      problems.push({ line: record.line, field: null, code: "invalidField", severity: "error" });
    }
    // What the preview can still show of a record the error keeps out of the import.
    return {
      fields: {
        ...EMPTY_ITEM_FIELDS,
        titleZh: titles.zh?.slice(0, 1000) ?? null,
        titleEn: titles.en?.slice(0, 1000) ?? null,
        authors,
        year,
      },
      reference,
      contributors,
      problems,
    };
  }
}

function fitName(raw: string, problems: RecordProblem[], line: number): string {
  // Zotero writes a Chinese name as "朱, 正威" (family, given); the item stores it whole.
  const value = isChinese(raw) ? raw.replace(/^([^,，]+)\s*[,，]\s*([^,，]+)$/u, "$1$2") : raw;
  if (value.length <= NAME_LIMIT) return value;
  problems.push({ line, field: "author", code: "nameTruncated", severity: "warning", detail: value.slice(0, 60) });
  return `${value.slice(0, NAME_LIMIT - 1)}…`;
}

/**
 * The authors, each with the name in the other script when the file gives one (CNKI's {Translated Author}
 * lists them in the same order) and the affiliations: paired by position when there are as many as authors,
 * given to every author when there is one, and kept whole on the first author otherwise (the file does not
 * say whose they are, and losing them would be worse). Every author is kept, however many: the list is
 * validated name by name, not against the edit form's limit.
 */
function toAuthors(record: SourceRecord, problems: RecordProblem[]): ItemFields["authors"] {
  const affiliations = record.affiliations.map((value) => value.slice(0, 500)).filter(Boolean);
  const pairwise = affiliations.length === record.authors.length;
  if (record.authors.length > MAX_AUTHORS) {
    // The item holds MAX_AUTHORS (the edit form and server agree); the rest become "et al." and the preview
    // says how many were left out.
    problems.push({
      line: record.line,
      field: "author",
      code: "authorsTruncated",
      severity: "warning",
      detail: (record.authors.length - MAX_AUTHORS).toLocaleString("en-US"),
    });
  }
  return record.authors.slice(0, MAX_AUTHORS).flatMap((author, index) => {
    const name = fitName(collapseSpaces(author), problems, record.line);
    const translated = record.translatedAuthors[index] || null;
    const other = translated ? fitName(collapseSpaces(translated), problems, record.line) : null;
    const zh = isChinese(name)
      ? name.replace(/\s+/g, "")
      : other && isChinese(other)
        ? other.replace(/\s+/g, "")
        : null;
    const en = !isChinese(name) ? name : other && !isChinese(other) ? other : null;
    const own = record.authorAffiliations
      ? (record.authorAffiliations[index] ?? []).slice(0, 20)
      : pairwise
        ? [affiliations[index]!]
        : affiliations.length === 1
          ? affiliations
          : index === 0
            ? affiliations.slice(0, 20)
            : [];
    const parsed = authorSchema.safeParse({ nameZh: zh, nameEn: en, affiliations: own });
    return parsed.success ? [parsed.data] : [];
  });
}

function toContributors(role: ImportedContributor["role"], names: string[]): ImportedContributor[] {
  return names.flatMap((raw) => {
    const whole = collapseSpaces(raw);
    const name = (isChinese(whole) ? whole.replace(/^([^,，]+)\s*[,，]\s*([^,，]+)$/u, "$1$2") : whole).slice(
      0,
      NAME_LIMIT,
    );
    if (!name) return [];
    return [
      isChinese(name) ? { role, nameZh: name.replace(/\s+/g, ""), nameEn: null } : { role, nameZh: null, nameEn: name },
    ];
  });
}
