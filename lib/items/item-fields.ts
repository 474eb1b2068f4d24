// The editable metadata of a review item: one zod schema for adding and editing, shared by the form
// (client), the server action and the commands, plus the comparison the edit-conflict merge is built on.
import { z } from "zod";
import { CONTRIBUTOR_ROLES, ITEM_TYPES, type ContributorRole, type ItemType } from "@/lib/bibliography/item-types";

export const EDITABLE_FIELDS = [
  "itemType",
  "titleZh",
  "titleEn",
  "authors",
  "journalZh",
  "journalEn",
  "year",
  "volume",
  "issue",
  "pages",
  "doi",
  "contributors",
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
  "language",
  "keywordsZh",
  "keywordsEn",
  "abstractZh",
  "abstractEn",
  "funding",
  "identifiers",
  "dates",
  "fullText",
] as const;

export type EditableField = (typeof EDITABLE_FIELDS)[number];

const text = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((value) => {
      const trimmed = value?.trim();
      return trimmed ? trimmed : null;
    });

const list = (maxItems: number, maxLength: number) =>
  z
    .array(z.string().max(maxLength))
    .max(maxItems)
    .default([])
    .transform((values) => [...new Set(values.map((value) => value.trim()).filter(Boolean))]);

const isoDate = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || null)
  .refine((value) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))), {
    message: "not a date (YYYY-MM-DD)",
  });

/**
 * The most authors an item keeps, in the form, the server and the importer alike. High-energy physics and
 * big clinical consortia publish papers with several thousand authors; a record beyond this keeps the first
 * ones and says "et al." (moreAuthors), and the import preview names how many were left out.
 */
export const MAX_AUTHORS = 10_000;

export const authorSchema = z
  .object({
    nameZh: text(200),
    nameEn: text(200),
    affiliations: list(20, 500),
    corresponding: z.boolean().default(false),
    /** The author note some journals print (position, title, research interests). */
    bio: text(2000),
  })
  .refine((author) => author.nameZh !== null || author.nameEn !== null, {
    message: "an author needs a name in at least one language",
    path: ["nameZh"],
  });

/** A date as much of it as is known: YYYY, YYYY-MM or YYYY-MM-DD. */
const partialDate = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || null)
  .refine(
    (value) => {
      if (value === null) return true;
      const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
      if (!match) return false;
      const [, , month, day] = match;
      if (month && (Number(month) < 1 || Number(month) > 12)) return false;
      return !day || !Number.isNaN(Date.parse(value));
    },
    { message: "not a date (YYYY, YYYY-MM or YYYY-MM-DD)" },
  );

/** Editors, translators, a thesis supervisor: the contributors besides the authors, each with a role. */
export const contributorSchema = z
  .object({
    role: z.enum(CONTRIBUTOR_ROLES.filter((role) => role !== "AUTHOR") as [ContributorRole, ...ContributorRole[]]),
    nameZh: text(200),
    nameEn: text(200),
  })
  .refine((contributor) => contributor.nameZh !== null || contributor.nameEn !== null, {
    message: "a contributor needs a name in at least one language",
    path: ["nameZh"],
  });

export const itemFieldsSchema = z.object({
  itemType: z.enum(ITEM_TYPES).default("JOURNAL_ARTICLE"),
  titleZh: text(1000),
  titleEn: text(1000),
  authors: z.array(authorSchema).max(MAX_AUTHORS).default([]),
  journalZh: text(300),
  journalEn: text(300),
  year: z
    .union([z.number(), z.string()])
    .nullish()
    .transform((value) => (value === null || value === undefined || value === "" ? null : Number(value)))
    .refine((value) => value === null || (Number.isInteger(value) && value >= 1000 && value <= 2100), {
      message: "a year between 1000 and 2100",
    }),
  volume: text(50),
  issue: text(50),
  pages: text(50),
  doi: text(300)
    // People paste DOIs as links; the identifier is what follows the resolver.
    .transform((value) => value?.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, "") ?? null)
    .refine((value) => value === null || /^10\.\d{4,9}\/\S+$/.test(value), { message: "a DOI looks like 10.1234/abc" }),
  contributors: z.array(contributorSchema).max(200).default([]),
  genre: text(200),
  publisher: text(500),
  publisherPlace: text(200),
  edition: text(100),
  eventTitle: text(500),
  eventPlace: text(200),
  eventDate: text(100),
  number: text(200),
  jurisdiction: text(200),
  url: text(2000).refine((value) => value === null || /^(https?|ftp):\/\/\S+$/i.test(value), {
    message: "a URL starts with http:// or https://",
  }),
  issuedDate: partialDate,
  accessedDate: partialDate,
  language: text(35),
  keywordsZh: list(100, 200),
  keywordsEn: list(100, 200),
  abstractZh: text(20_000),
  abstractEn: text(20_000),
  funding: text(2000),
  identifiers: z
    .array(z.object({ type: z.string().trim().min(1).max(50), value: z.string().trim().min(1).max(300) }))
    .max(50)
    .default([]),
  dates: z
    .object({ received: isoDate, published: isoDate, online: isoDate })
    .default({ received: null, published: null, online: null })
    // A paper is received before it is published or goes online (ISO dates compare as text).
    .refine(
      (dates) =>
        !dates.received || [dates.published, dates.online].every((later) => !later || later >= dates.received!),
      { message: "received after publication", path: ["order"] },
    ),
  fullText: text(2_000_000),
});

export type ItemFields = z.output<typeof itemFieldsSchema>;
export type ItemFieldsInput = z.input<typeof itemFieldsSchema>;
export type ItemAuthorFields = ItemFields["authors"][number];
export type ItemContributorFields = ItemFields["contributors"][number];
export type { ItemType };

/** A new item needs at least a title to be findable; seeded items may lack one, so editing does not insist. */
export const newItemFieldsSchema = itemFieldsSchema.refine((fields) => fields.titleZh || fields.titleEn, {
  message: "a title in at least one language",
  path: ["titleZh"],
});

export const EMPTY_ITEM_FIELDS: ItemFields = {
  itemType: "JOURNAL_ARTICLE",
  titleZh: null,
  titleEn: null,
  authors: [],
  journalZh: null,
  journalEn: null,
  year: null,
  volume: null,
  issue: null,
  pages: null,
  doi: null,
  contributors: [],
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
  issuedDate: null,
  accessedDate: null,
  language: null,
  keywordsZh: [],
  keywordsEn: [],
  abstractZh: null,
  abstractEn: null,
  funding: null,
  identifiers: [],
  dates: { received: null, published: null, online: null },
  fullText: null,
};

/**
 * Reads the editable fields off a stored item, whose JSON columns are untyped. `authors` holds every
 * contributor row; AUTHOR rows become the authors, the others the contributors.
 */
export function itemFieldsOf(
  item: {
    [K in Exclude<EditableField, "authors" | "contributors" | "identifiers" | "dates">]: ItemFields[K];
  } & {
    authors: {
      role?: ContributorRole;
      nameZh: string | null;
      nameEn: string | null;
      affiliations: string[];
      corresponding: boolean;
      bio: string | null;
    }[];
    identifiers: unknown;
    dates: unknown;
  },
): ItemFields {
  const dates = (item.dates && typeof item.dates === "object" ? item.dates : {}) as Record<string, unknown>;
  const date = (value: unknown) => (typeof value === "string" && value ? value : null);
  const isAuthor = (role: ContributorRole | undefined) => role === undefined || role === "AUTHOR";
  return {
    itemType: item.itemType,
    titleZh: item.titleZh,
    titleEn: item.titleEn,
    authors: item.authors
      .filter((author) => isAuthor(author.role))
      .map(({ nameZh, nameEn, affiliations, corresponding, bio }) => ({
        nameZh,
        nameEn,
        affiliations,
        corresponding,
        bio,
      })),
    journalZh: item.journalZh,
    journalEn: item.journalEn,
    year: item.year,
    volume: item.volume,
    issue: item.issue,
    pages: item.pages,
    doi: item.doi,
    contributors: item.authors.flatMap(({ role, nameZh, nameEn }) =>
      isAuthor(role) ? [] : [{ role: role!, nameZh, nameEn }],
    ),
    genre: item.genre,
    publisher: item.publisher,
    publisherPlace: item.publisherPlace,
    edition: item.edition,
    eventTitle: item.eventTitle,
    eventPlace: item.eventPlace,
    eventDate: item.eventDate,
    number: item.number,
    jurisdiction: item.jurisdiction,
    url: item.url,
    issuedDate: item.issuedDate,
    accessedDate: item.accessedDate,
    language: item.language,
    keywordsZh: item.keywordsZh,
    keywordsEn: item.keywordsEn,
    abstractZh: item.abstractZh,
    abstractEn: item.abstractEn,
    funding: item.funding,
    identifiers: Array.isArray(item.identifiers)
      ? (item.identifiers as unknown[]).flatMap((entry) => {
          const { type, value } = (entry ?? {}) as Record<string, unknown>;
          return typeof type === "string" && typeof value === "string" ? [{ type, value }] : [];
        })
      : [],
    dates: { received: date(dates.received), published: date(dates.published), online: date(dates.online) },
    fullText: item.fullText,
  };
}

export function sameFieldValue<K extends EditableField>(a: ItemFields[K], b: ItemFields[K]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose values differ between two versions of an item. */
export function changedFields(before: ItemFields, after: ItemFields): EditableField[] {
  return EDITABLE_FIELDS.filter((field) => !sameFieldValue(before[field], after[field]));
}
