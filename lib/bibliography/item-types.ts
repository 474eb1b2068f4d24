// What a reference of each type is made of: which fields the item form shows for it, which contributor
// roles it has besides its authors, and what a citation of that type cannot do without. Client-safe (no
// Prisma client): the form, the item page, the library, the importers and the citation code all read it.
import type { ContributorRole, ItemType } from "@/lib/db/generated/enums";
import type { MessageKey } from "@/lib/i18n/translate";

export type { ContributorRole, ItemType };

export const ITEM_TYPES = [
  "JOURNAL_ARTICLE",
  "THESIS",
  "BOOK",
  "BOOK_CHAPTER",
  "CONFERENCE_PAPER",
  "REPORT",
  "NEWSPAPER_ARTICLE",
  "STANDARD",
  "PATENT",
  "WEB_PAGE",
  "PREPRINT",
  "DATASET",
  "OTHER",
] as const satisfies readonly ItemType[];

// Fails to compile when the schema gains a type this list does not name.
type AssertTrue<T extends true> = T;
type _EveryItemTypeListed = AssertTrue<ItemType extends (typeof ITEM_TYPES)[number] ? true : false>;

export const CONTRIBUTOR_ROLES = [
  "AUTHOR",
  "EDITOR",
  "TRANSLATOR",
  "SUPERVISOR",
  "INVENTOR",
] as const satisfies readonly ContributorRole[];
type _EveryRoleListed = AssertTrue<ContributorRole extends (typeof CONTRIBUTOR_ROLES)[number] ? true : false>;

export function isItemType(value: unknown): value is ItemType {
  return typeof value === "string" && (ITEM_TYPES as readonly string[]).includes(value);
}

export function isContributorRole(value: unknown): value is ContributorRole {
  return typeof value === "string" && (CONTRIBUTOR_ROLES as readonly string[]).includes(value);
}

/**
 * The reference fields beyond title, authors, year, DOI, keywords and abstract (which every type has).
 * `container` is journalZh/journalEn: the journal, book title, proceedings, newspaper, website or repository.
 */
export const TYPE_FIELDS = [
  "container",
  "volume",
  "issue",
  "pages",
  "genre",
  "publisher",
  "publisherPlace",
  "edition",
  "eventTitle",
  "eventPlace",
  "eventDate",
  "number",
  "jurisdiction",
  "url",
  "issuedDate",
  "accessedDate",
] as const;
export type TypeField = (typeof TYPE_FIELDS)[number];

/**
 * What a citation of the type needs to be complete. `author` is satisfied by an author or, where the type
 * allows it, an editor; `container` by the container or (conference papers) the conference name;
 * `volumeIssue` by either; `date` by a full issued date (newspapers); `source` by a publisher or a URL.
 */
export const CITATION_NEEDS = [
  "title",
  "author",
  "year",
  "date",
  "container",
  "volumeIssue",
  "pages",
  "publisher",
  "publisherPlace",
  "source",
  "number",
  "url",
  "accessedDate",
] as const;
export type CitationNeed = (typeof CITATION_NEEDS)[number];

export interface ItemTypeSpec {
  /** The type-specific fields the form shows, in form order. */
  fields: readonly TypeField[];
  /** Contributor roles besides AUTHOR that the form offers for this type. */
  roles: readonly Exclude<ContributorRole, "AUTHOR">[];
  /** What a citation of this type is incomplete without (GB/T 7714-2015 §4 and §8). */
  needs: readonly CitationNeed[];
  /** Editors stand in for missing authors (an edited book is cited under its editors). */
  editorsAsAuthors: boolean;
}

export const ITEM_TYPE_SPECS: Record<ItemType, ItemTypeSpec> = {
  JOURNAL_ARTICLE: {
    fields: ["container", "volume", "issue", "pages", "url", "accessedDate"],
    roles: ["TRANSLATOR"],
    needs: ["author", "title", "container", "year", "volumeIssue", "pages"],
    editorsAsAuthors: false,
  },
  THESIS: {
    fields: ["genre", "publisher", "publisherPlace", "pages", "url", "accessedDate"],
    roles: ["SUPERVISOR"],
    needs: ["author", "title", "publisher", "publisherPlace", "year"],
    editorsAsAuthors: false,
  },
  BOOK: {
    fields: ["edition", "volume", "publisher", "publisherPlace", "pages", "url", "accessedDate"],
    roles: ["EDITOR", "TRANSLATOR"],
    needs: ["author", "title", "publisher", "publisherPlace", "year"],
    editorsAsAuthors: true,
  },
  BOOK_CHAPTER: {
    fields: ["container", "edition", "volume", "publisher", "publisherPlace", "pages", "url", "accessedDate"],
    roles: ["EDITOR", "TRANSLATOR"],
    needs: ["author", "title", "container", "publisher", "publisherPlace", "year", "pages"],
    editorsAsAuthors: false,
  },
  CONFERENCE_PAPER: {
    fields: [
      "container",
      "volume",
      "eventTitle",
      "eventPlace",
      "eventDate",
      "publisher",
      "publisherPlace",
      "pages",
      "url",
      "accessedDate",
    ],
    roles: ["EDITOR"],
    needs: ["author", "title", "container", "year"],
    editorsAsAuthors: false,
  },
  REPORT: {
    fields: ["genre", "number", "publisher", "publisherPlace", "issuedDate", "pages", "url", "accessedDate"],
    roles: [],
    needs: ["author", "title", "source", "year"],
    editorsAsAuthors: false,
  },
  NEWSPAPER_ARTICLE: {
    fields: ["container", "issuedDate", "pages", "url", "accessedDate"],
    roles: [],
    needs: ["title", "container", "date", "pages"],
    editorsAsAuthors: false,
  },
  STANDARD: {
    fields: ["number", "publisher", "publisherPlace", "issuedDate", "pages", "url", "accessedDate"],
    roles: [],
    needs: ["author", "title", "number", "year"],
    editorsAsAuthors: false,
  },
  PATENT: {
    fields: ["number", "jurisdiction", "issuedDate", "url", "accessedDate"],
    roles: [],
    needs: ["author", "title", "number", "date"],
    editorsAsAuthors: false,
  },
  WEB_PAGE: {
    fields: ["container", "issuedDate", "url", "accessedDate"],
    roles: [],
    needs: ["title", "url", "accessedDate"],
    editorsAsAuthors: false,
  },
  PREPRINT: {
    fields: ["publisher", "number", "issuedDate", "url", "accessedDate"],
    roles: [],
    needs: ["author", "title", "year", "publisher", "url"],
    editorsAsAuthors: false,
  },
  DATASET: {
    fields: ["publisher", "edition", "number", "issuedDate", "url", "accessedDate"],
    roles: [],
    needs: ["author", "title", "year", "url"],
    editorsAsAuthors: false,
  },
  OTHER: {
    fields: [
      "genre",
      "container",
      "volume",
      "issue",
      "pages",
      "publisher",
      "publisherPlace",
      "number",
      "issuedDate",
      "url",
      "accessedDate",
    ],
    roles: ["EDITOR", "TRANSLATOR"],
    needs: ["title", "year"],
    editorsAsAuthors: true,
  },
};

/** Whether the type's form shows the field. */
export function typeHasField(type: ItemType, field: TypeField): boolean {
  return ITEM_TYPE_SPECS[type].fields.includes(field);
}

/** The roles the type's form offers, AUTHOR first. */
export function rolesOfType(type: ItemType): ContributorRole[] {
  return ["AUTHOR", ...ITEM_TYPE_SPECS[type].roles];
}

/**
 * Message keys (lib/i18n/sections/item-types.ts) naming a field for a type where the generic name would
 * mislead: a thesis's publisher is its degree-granting institution, a chapter's container its book.
 */
export function fieldLabelKey(type: ItemType, field: TypeField): MessageKey {
  const specific: Partial<Record<ItemType, Partial<Record<TypeField, string>>>> = {
    JOURNAL_ARTICLE: { container: "journal" },
    THESIS: { publisher: "institution", genre: "degree" },
    BOOK_CHAPTER: { container: "bookTitle" },
    CONFERENCE_PAPER: { container: "proceedings" },
    REPORT: { publisher: "institution", genre: "reportType" },
    NEWSPAPER_ARTICLE: { container: "newspaper", issuedDate: "publicationDate" },
    STANDARD: { number: "standardNumber", issuedDate: "publicationDate" },
    PATENT: { number: "patentNumber", jurisdiction: "country", issuedDate: "patentDate" },
    WEB_PAGE: { container: "website", issuedDate: "updatedDate" },
    PREPRINT: { publisher: "server", number: "preprintId" },
    DATASET: { publisher: "repository", edition: "version" },
  };
  return `itemTypes.fields.${specific[type]?.[field] ?? field}` as MessageKey;
}

/** The label key of a contributor role for a type: a patent's authors are its inventors, a standard's its issuing body. */
export function roleLabelKey(type: ItemType, role: ContributorRole): MessageKey {
  if (role === "AUTHOR" && type === "PATENT") return "itemTypes.roles.INVENTOR";
  if (role === "AUTHOR" && type === "STANDARD") return "itemTypes.roles.issuingBody";
  return `itemTypes.roles.${role}`;
}

export function typeLabelKey(type: ItemType): MessageKey {
  return `itemTypes.types.${type}`;
}

export function needLabelKey(need: CitationNeed): MessageKey {
  return `itemTypes.needs.${need}`;
}

/**
 * Contributors the citation reads as authors. Patent inventors may be stored as INVENTOR (some importers
 * keep the role the file names); everywhere else "authors" means the AUTHOR role only.
 */
export function isAuthorLikeRole(role: ContributorRole | undefined): boolean {
  return role === undefined || role === "AUTHOR" || role === "INVENTOR";
}
