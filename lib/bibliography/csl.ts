// A review item ⇄ CSL-JSON, the one mapping citations, the bibliography, exports and imports read. Unknown
// metadata stays absent (the style then omits it), it is never filled in with a guess; what the styles need
// per type (publisher, genre, number, event, dates) is passed as the CSL variable the style reads.
import type { Prisma } from "@/lib/db/generated/client";
import {
  isAuthorLikeRole,
  ITEM_TYPE_SPECS,
  typeHasField,
  type ContributorRole,
  type ItemType,
  type TypeField,
} from "./item-types";
import { cslTypeOf, itemTypeFromCsl, type CslType } from "./type-maps";

/** The columns a citation needs; usable as `select` on ReviewItem. Contributors come with their role. */
export const citableItemSelect = {
  id: true,
  itemType: true,
  titleZh: true,
  titleEn: true,
  journalZh: true,
  journalEn: true,
  year: true,
  volume: true,
  issue: true,
  pages: true,
  doi: true,
  genre: true,
  publisher: true,
  publisherPlace: true,
  edition: true,
  eventTitle: true,
  eventPlace: true,
  eventDate: true,
  number: true,
  jurisdiction: true,
  url: true,
  issuedDate: true,
  accessedDate: true,
  language: true,
  moreAuthors: true,
  authors: { select: { role: true, nameZh: true, nameEn: true }, orderBy: [{ role: "asc" }, { position: "asc" }] },
} as const satisfies Prisma.ReviewItemSelect;

export interface CitableAuthor {
  /** Absent means AUTHOR (older callers build items without roles). */
  role?: ContributorRole;
  nameZh: string | null;
  nameEn: string | null;
}

/** The type-specific columns; each absent or null when the source does not say. */
export interface CitableTypeFields {
  itemType?: ItemType;
  genre?: string | null;
  publisher?: string | null;
  publisherPlace?: string | null;
  edition?: string | null;
  eventTitle?: string | null;
  eventPlace?: string | null;
  eventDate?: string | null;
  number?: string | null;
  jurisdiction?: string | null;
  url?: string | null;
  issuedDate?: string | null;
  accessedDate?: string | null;
  language?: string | null;
  /** The source named only some authors ("others", "et al."): the styles print 等 / et al. after them. */
  moreAuthors?: boolean | null;
}

export interface CitableItem extends CitableTypeFields {
  id: string;
  titleZh: string | null;
  titleEn: string | null;
  journalZh: string | null;
  journalEn: string | null;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  /** Every contributor, of every role; toCslItem sorts them into author, editor, translator. */
  authors: CitableAuthor[];
}

// Fails to compile when the hand-written type drifts from what the select actually returns.
type SelectedItem = Prisma.ReviewItemGetPayload<{ select: typeof citableItemSelect }>;
type AssertTrue<T extends true> = T;
type _CitableItemMatchesSelect = AssertTrue<SelectedItem extends CitableItem ? true : false>;

/** `comma-suffix` prints "PEEBLES P Z, Jr" (GB/T) and "Peebles, P. Z., Jr." (APA) rather than "Z Jr". */
export type CslName =
  { family: string; given?: string; suffix?: string; "comma-suffix"?: boolean } | { literal: string };

export interface CslDate {
  "date-parts"?: [[number, number?, number?]];
  literal?: string;
}

export type CslLanguage = "zh-CN" | "en-US";

export interface CslItem {
  id: string;
  type: CslType;
  /** Decides 等 or et al. (and the Chinese or English layout) in the bilingual GB/T styles. */
  language: CslLanguage;
  title?: string;
  "container-title"?: string;
  issued?: CslDate;
  accessed?: CslDate;
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  URL?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  genre?: string;
  publisher?: string;
  "publisher-place"?: string;
  edition?: string;
  version?: string;
  "event-title"?: string;
  "event-place"?: string;
  "event-date"?: CslDate;
  number?: string;
  jurisdiction?: string;
  /**
   * Not a CSL variable: more authors exist than `author` names. renderCitations turns it into the style's
   * 等 / et al.; exports write it their own way (BibTeX "and others", CSL-JSON's note).
   */
  moreAuthors?: true;
}

function present(value: string | null | undefined): value is string {
  return typeof value === "string" && value.trim() !== "";
}

const HAN = /\p{Script=Han}/u;

/** The reference's language as stored (zh, zh-CN, chi, 中文, en, eng, English …), or null when it says neither. */
export function cslLanguageOf(language: string | null | undefined): CslLanguage | null {
  if (!present(language)) return null;
  const value = language.trim().toLowerCase();
  if (/^(zh|chi|zho|cn|chinese)\b|中文|汉语|chinese/.test(value)) return "zh-CN";
  if (/^(en|eng)\b|english|英文|英语/.test(value)) return "en-US";
  return null;
}

/** An item is Chinese when its Chinese metadata is what we would print first; most items here are. */
function itemLanguage(item: CitableItem): CslLanguage {
  const stated = cslLanguageOf(item.language);
  if (stated) return stated;
  const evidence: [string | null, CslLanguage][] = [
    [item.titleZh, "zh-CN"],
    [item.titleEn, "en-US"],
    [item.journalZh, "zh-CN"],
    [item.journalEn, "en-US"],
  ];
  for (const [value, language] of evidence) if (present(value)) return language;
  const authors = item.authors.filter((author) => isAuthorLikeRole(author.role));
  if (authors.some((author) => present(author.nameZh))) return "zh-CN";
  if (authors.some((author) => present(author.nameEn))) return "en-US";
  return "zh-CN";
}

function pick(language: CslLanguage, zh: string | null, en: string | null): string | undefined {
  const [first, second] = language === "zh-CN" ? [zh, en] : [en, zh];
  if (present(first)) return first.trim();
  if (present(second)) return second.trim();
  return undefined;
}

/**
 * A Chinese name is kept whole, never split into family and given: 欧阳修 or 司马光 have two-character
 * surnames, and GB/T prints full names anyway ("朱正威, 刘莹莹"). As a `literal` it is also never inverted.
 * A romanised name on a Chinese item stays as written: pinyin order (Kan Daoyuan) cannot be told from
 * Western order. A name written "Family, Given" says its order, and is inverted as GB/T inverts any Latin
 * name (a foreign editor of a Chinese book: "SWINGLAND I R").
 */
function chineseItemName(author: CitableAuthor): CslName | null {
  if (present(author.nameZh)) return { literal: author.nameZh.trim() };
  if (present(author.nameEn)) {
    return author.nameEn.includes(",") ? parseEnglishName(author.nameEn) : { literal: author.nameEn.trim() };
  }
  return null;
}

// An organisation written as an author (a standard's committee, a report's agency) is printed as written,
// never inverted into "ORGANIZATION W H".
const ORGANISATION =
  /\b(organi[sz]ation|association|committee|council|institute|institution|university|college|department|ministry|agency|bureau|office|commission|cent(er|re)|society|foundation|federation|academy|administration|authority|board|corporation|company|inc|ltd|llc|group|laboratory|network|service|union|consortium|team|programme|program|project|bank|fund|trust|press|government|nations|forum)\b/i;
const SUFFIX = /^(jr|sr|ii|iii|iv|v)\.?$/i;

/**
 * English names: "Family, Given[, Jr]" is unambiguous; "KAN Daoyuan" (capitalised surname first, as
 * Chinese journals print English metadata) is family first; an organisation is kept whole; anything else
 * is read in Western order, with a trailing Jr/Sr/II kept as the suffix.
 */
export function parseEnglishName(name: string): CslName {
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (ORGANISATION.test(trimmed) || trimmed.split(" ").length > 5) return { literal: trimmed };
  const commaParts = trimmed.split(",").map((part) => part.trim());
  if (commaParts.length >= 2 && commaParts[0]) {
    const [family, ...rest] = commaParts as [string, ...string[]];
    const suffixIndex = rest.findIndex((part) => SUFFIX.test(part));
    const suffix = suffixIndex >= 0 ? rest.splice(suffixIndex, 1)[0] : undefined;
    const given = rest.filter(Boolean).join(" ");
    // "Smith, Jr., John" and "Smith, John, Jr." both mean John Smith Jr.
    const result: CslName = given ? { family, given } : { family };
    if (suffix) Object.assign(result, { suffix: suffix.replace(/\.$/, ""), "comma-suffix": true });
    return result;
  }
  let parts = trimmed.split(" ");
  let suffix: string | undefined;
  if (parts.length > 2 && SUFFIX.test(parts[parts.length - 1]!)) {
    suffix = parts[parts.length - 1]!.replace(/\.$/, "");
    parts = parts.slice(0, -1);
  }
  let result: CslName;
  if (parts.length === 1) result = { family: parts[0]! };
  else {
    const first = parts[0]!;
    result =
      first.length > 1 && first === first.toUpperCase() && /\p{Lu}/u.test(first)
        ? { family: first, given: parts.slice(1).join(" ") }
        : { family: parts[parts.length - 1]!, given: parts.slice(0, -1).join(" ") };
  }
  if (suffix) Object.assign(result, { suffix, "comma-suffix": true });
  return result;
}

function englishItemName(author: CitableAuthor): CslName | null {
  if (present(author.nameEn)) return parseEnglishName(author.nameEn);
  if (present(author.nameZh)) return { literal: author.nameZh.trim() };
  return null;
}

/** 2013-01-12, 2013-01, 2013 (or 2013/1/12, 2013年1月12日) → CSL date parts; anything else is not a date. */
export function parseDate(value: string | null | undefined): CslDate | undefined {
  if (!present(value)) return undefined;
  const match = /^\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*$/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  if (month === undefined) return { "date-parts": [[year]] };
  if (day === undefined) return { "date-parts": [[year, month]] };
  return { "date-parts": [[year, month, day]] };
}

/** An issue number as GB/T prints it: 05 → 5, 01-02 → 1-2; "Z1" or "S2" stay. */
export function normaliseIssue(issue: string): string {
  return issue
    .trim()
    .replace(/[～~—–－]/g, "-")
    .replace(/(^|\D)0+(\d)/g, "$1$2");
}

/** Page ranges with one ASCII hyphen (the styles then set their own dash) and no leading zeros. */
export function normalisePages(pages: string): string {
  return pages
    .trim()
    .replace(/\s*[～~—–－‒]\s*/g, "-")
    .replace(/\s*-\s*/g, "-")
    .replace(/，/g, ",")
    .replace(/(^|[^\d\p{L}])0+(\d)/gu, "$1$2");
}

function names(contributors: CitableAuthor[], toName: (author: CitableAuthor) => CslName | null): CslName[] {
  return contributors.map(toName).filter((name): name is CslName => name !== null);
}

/**
 * The item as CSL-JSON. Only the fields of the item's type are passed (ITEM_TYPE_SPECS): a value left over
 * from another type (a thesis's university once imported as its "journal") must not make the style print a
 * journal, nor a chapter layout.
 */
export function toCslItem(item: CitableItem): CslItem {
  const type: ItemType = item.itemType ?? "JOURNAL_ARTICLE";
  const has = (field: TypeField) => typeHasField(type, field);
  const value = (field: TypeField & keyof CitableItem) => {
    const raw = item[field];
    return has(field) && present(raw) ? raw.trim() : undefined;
  };
  const language = itemLanguage(item);
  const csl: CslItem = { id: item.id, type: cslTypeOf(type), language };
  const title = pick(language, item.titleZh, item.titleEn);
  if (title) csl.title = title;
  const container = has("container") ? pick(language, item.journalZh, item.journalEn) : undefined;
  if (container) csl["container-title"] = container;

  const issued = has("issuedDate") ? parseDate(item.issuedDate) : undefined;
  // A stored year that disagrees with a full date is the date's year written wrong; the date wins.
  if (issued) csl.issued = issued;
  else if (item.year !== null) csl.issued = { "date-parts": [[item.year]] };
  const accessed = has("accessedDate") ? parseDate(item.accessedDate) : undefined;
  if (accessed) csl.accessed = accessed;

  const volume = value("volume");
  if (volume) csl.volume = volume;
  const issue = value("issue");
  // Stored as written ("05", "127～141"): exports keep the value; citations set it (lib/bibliography/typography.ts).
  if (issue) csl.issue = issue;
  const pages = value("pages");
  if (pages) csl.page = pages;
  if (present(item.doi)) csl.DOI = item.doi.trim();
  const url = value("url");
  if (url) csl.URL = url;
  const edition = value("edition");
  if (edition) {
    if (type === "DATASET") csl.version = edition;
    else csl.edition = edition;
  }
  const eventDate = value("eventDate");
  if (eventDate) csl["event-date"] = parseDate(eventDate) ?? { literal: eventDate };
  const plain = [
    ["genre", "genre"],
    ["publisher", "publisher"],
    ["publisherPlace", "publisher-place"],
    ["eventTitle", "event-title"],
    ["eventPlace", "event-place"],
    ["number", "number"],
    ["jurisdiction", "jurisdiction"],
  ] as const;
  for (const [field, variable] of plain) {
    const text = value(field);
    if (text) csl[variable] = text;
  }

  const toName = language === "zh-CN" ? chineseItemName : englishItemName;
  const authors = names(
    item.authors.filter((author) => isAuthorLikeRole(author.role)),
    toName,
  );
  if (authors.length > 0) csl.author = authors;
  if (item.moreAuthors && authors.length > 0) csl.moreAuthors = true;
  const roles: readonly ContributorRole[] = ITEM_TYPE_SPECS[type].roles;
  const ofRole = (role: ContributorRole) =>
    roles.includes(role)
      ? names(
          item.authors.filter((author) => author.role === role),
          toName,
        )
      : [];
  const editors = ofRole("EDITOR");
  if (editors.length > 0) csl.editor = editors;
  const translators = ofRole("TRANSLATOR");
  if (translators.length > 0) csl.translator = translators;
  return csl;
}

// -------------------------------------------------------------------------------- CSL-JSON → item fields

/** A contributor read from CSL-JSON, its name split by script as the item stores it. */
export interface ReferenceContributor {
  role: ContributorRole;
  nameZh: string | null;
  nameEn: string | null;
}

/** The item's reference fields, as far as a CSL-JSON record states them. */
export interface ReferenceFields {
  itemType: ItemType;
  /** The CSL type when it mapped to nothing specific (so an importer can warn), else null. */
  unknownType: string | null;
  titleZh: string | null;
  titleEn: string | null;
  journalZh: string | null;
  journalEn: string | null;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
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
  contributors: ReferenceContributor[];
  keywords: string[];
  abstractZh: string | null;
  abstractEn: string | null;
}

function str(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/\s+/g, " ").trim();
  return trimmed || null;
}

/** A CSL name as one string: "Family, Given[, Suffix]" for Latin names, 肖发民 for Chinese ones. */
export function cslNameText(name: unknown): string | null {
  if (typeof name === "string") return str(name);
  if (!name || typeof name !== "object") return null;
  const record = name as Record<string, unknown>;
  const literal = str(record.literal);
  if (literal) return literal;
  const particle = [str(record["non-dropping-particle"])].filter(Boolean).join(" ");
  const family = [particle, str(record.family)].filter(Boolean).join(" ") || null;
  const given = [str(record.given), str(record["dropping-particle"])].filter(Boolean).join(" ") || null;
  const suffix = str(record.suffix);
  if (!family) return given;
  if (!given) return suffix ? `${family}, ${suffix}` : family;
  if (HAN.test(family + given)) return `${family}${given}`;
  return suffix ? `${family}, ${given}, ${suffix}` : `${family}, ${given}`;
}

/** CSL date → ISO text (YYYY, YYYY-MM, YYYY-MM-DD), or the literal/raw text when it has no parts. */
export function cslDateText(date: unknown): string | null {
  if (!date || typeof date !== "object") return str(date);
  const { "date-parts": parts, literal, raw } = date as Record<string, unknown>;
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) {
    const [year, month, day] = (parts[0] as unknown[]).map((part) => Number(part));
    if (!Number.isInteger(year)) return null;
    const pad = (value: number) => String(value).padStart(2, "0");
    if (!month || !Number.isInteger(month)) return String(year);
    if (!day || !Number.isInteger(day)) return `${year}-${pad(month)}`;
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  return str(literal) ?? str(raw);
}

function splitByScript(values: (string | null)[]): { zh: string | null; en: string | null } {
  let zh: string | null = null;
  let en: string | null = null;
  for (const value of values) {
    if (!value) continue;
    if (HAN.test(value)) zh ??= value;
    else en ??= value;
  }
  return { zh, en };
}

function nameOf(role: ContributorRole, value: unknown): ReferenceContributor | null {
  const text = cslNameText(value);
  if (!text) return null;
  return HAN.test(text)
    ? { role, nameZh: text.replace(/\s+/g, ""), nameEn: null }
    : { role, nameZh: null, nameEn: text };
}

/** One CSL-JSON record → the item's reference fields. */
export function fromCslItem(csl: Record<string, unknown>): ReferenceFields {
  const cslType = str(csl.type);
  const mapped = itemTypeFromCsl(cslType);
  const itemType: ItemType = mapped ?? (cslType ? "OTHER" : "JOURNAL_ARTICLE");
  const titles = splitByScript([str(csl.title), str(csl["original-title"]), str(csl["title-translated"]) ?? null]);
  const containers = splitByScript([str(csl["container-title"]), str(csl["original-container-title"])]);
  const issuedDate = cslDateText(csl.issued);
  const yearMatch = issuedDate ? /^(\d{4})/.exec(issuedDate) : null;
  const contributors: ReferenceContributor[] = [];
  const roleVariables: [string, ContributorRole][] = [
    ["author", "AUTHOR"],
    ["inventor", "AUTHOR"],
    ["editor", "EDITOR"],
    ["container-author", "EDITOR"],
    ["collection-editor", "EDITOR"],
    ["translator", "TRANSLATOR"],
  ];
  for (const [variable, role] of roleVariables) {
    const list = csl[variable];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const contributor = nameOf(role, entry);
      if (contributor) contributors.push(contributor);
    }
  }
  const keywords = csl.keyword;
  const abstracts = splitByScript([str(csl.abstract)]);
  // Only a full date says more than the year; a bare year is the year column's.
  const fullDate = issuedDate && /^\d{4}-\d{2}/.test(issuedDate) ? issuedDate : null;
  return {
    itemType,
    unknownType: mapped ? null : cslType,
    titleZh: titles.zh,
    titleEn: titles.en,
    journalZh: containers.zh,
    journalEn: containers.en,
    year: yearMatch ? Number(yearMatch[1]) : null,
    volume: str(csl.volume),
    issue: str(csl.issue),
    pages: str(csl.page),
    doi: str(csl.DOI),
    genre: str(csl.genre),
    publisher: str(csl.publisher) ?? (itemType === "STANDARD" ? str(csl.authority) : null),
    publisherPlace: str(csl["publisher-place"]),
    edition: str(csl.edition) ?? str(csl.version),
    eventTitle: str(csl["event-title"]) ?? str(csl.event),
    eventPlace: str(csl["event-place"]),
    eventDate: cslDateText(csl["event-date"]),
    number: str(csl.number),
    jurisdiction: str(csl.jurisdiction),
    url: str(csl.URL),
    issuedDate: fullDate,
    accessedDate: cslDateText(csl.accessed),
    language: str(csl.language),
    contributors,
    keywords: Array.isArray(keywords)
      ? keywords.map(str).filter((value): value is string => !!value)
      : typeof keywords === "string"
        ? keywords
            .split(/[;；,，]+/)
            .map((part) => part.trim())
            .filter(Boolean)
        : [],
    abstractZh: abstracts.zh,
    abstractEn: abstracts.en,
  };
}
