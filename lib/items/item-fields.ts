// The editable metadata of a review item: one zod schema for adding and editing, shared by the form
// (client), the server action and the commands, plus the comparison the edit-conflict merge is built on.
import { z } from "zod";

export const EDITABLE_FIELDS = [
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

export const itemFieldsSchema = z.object({
  titleZh: text(1000),
  titleEn: text(1000),
  authors: z.array(authorSchema).max(500).default([]),
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

/** A new item needs at least a title to be findable; seeded items may lack one, so editing does not insist. */
export const newItemFieldsSchema = itemFieldsSchema.refine((fields) => fields.titleZh || fields.titleEn, {
  message: "a title in at least one language",
  path: ["titleZh"],
});

export const EMPTY_ITEM_FIELDS: ItemFields = {
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
  keywordsZh: [],
  keywordsEn: [],
  abstractZh: null,
  abstractEn: null,
  funding: null,
  identifiers: [],
  dates: { received: null, published: null, online: null },
  fullText: null,
};

/** Reads the editable fields off a stored item, whose JSON columns are untyped. */
export function itemFieldsOf(
  item: {
    [K in Exclude<EditableField, "authors" | "identifiers" | "dates">]: ItemFields[K];
  } & {
    authors: {
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
  return {
    titleZh: item.titleZh,
    titleEn: item.titleEn,
    authors: item.authors.map(({ nameZh, nameEn, affiliations, corresponding, bio }) => ({
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
