// What the item form edits: every field as the text a person types (keywords on one line, identifiers one per
// line), converted to and from ItemFields, plus the three-way merge the edit-conflict screen offers.
import type { ContributorRole, ItemType } from "@/lib/bibliography/item-types";
import {
  EDITABLE_FIELDS,
  sameFieldValue,
  type EditableField,
  type ItemFields,
  type ItemFieldsInput,
} from "./item-fields";

export interface AuthorModel {
  nameZh: string;
  nameEn: string;
  /** One affiliation per line. */
  affiliations: string;
  corresponding: boolean;
  bio: string;
}

export interface ContributorModel {
  role: Exclude<ContributorRole, "AUTHOR">;
  nameZh: string;
  nameEn: string;
}

/** The type-specific text fields, edited as typed. */
export const TYPE_TEXT_FIELDS = [
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
] as const;
export type TypeTextField = (typeof TYPE_TEXT_FIELDS)[number];

export interface ItemFormModel extends Record<TypeTextField, string> {
  itemType: ItemType;
  contributors: ContributorModel[];
  titleZh: string;
  titleEn: string;
  authors: AuthorModel[];
  journalZh: string;
  journalEn: string;
  year: string;
  volume: string;
  issue: string;
  pages: string;
  doi: string;
  keywordsZh: string;
  keywordsEn: string;
  abstractZh: string;
  abstractEn: string;
  funding: string;
  /** One `type: value` per line. */
  identifiers: string;
  received: string;
  published: string;
  online: string;
  fullText: string;
}

const KEYWORD_SEPARATORS = /[;；,，、\n]+/;

export function toFormModel(fields: ItemFields): ItemFormModel {
  const typeFields = Object.fromEntries(TYPE_TEXT_FIELDS.map((key) => [key, fields[key] ?? ""])) as Record<
    TypeTextField,
    string
  >;
  return {
    ...typeFields,
    itemType: fields.itemType,
    contributors: fields.contributors.map((contributor) => ({
      role: contributor.role as ContributorModel["role"],
      nameZh: contributor.nameZh ?? "",
      nameEn: contributor.nameEn ?? "",
    })),
    titleZh: fields.titleZh ?? "",
    titleEn: fields.titleEn ?? "",
    authors: fields.authors.map((author) => ({
      nameZh: author.nameZh ?? "",
      nameEn: author.nameEn ?? "",
      affiliations: author.affiliations.join("\n"),
      corresponding: author.corresponding,
      bio: author.bio ?? "",
    })),
    journalZh: fields.journalZh ?? "",
    journalEn: fields.journalEn ?? "",
    year: fields.year?.toString() ?? "",
    volume: fields.volume ?? "",
    issue: fields.issue ?? "",
    pages: fields.pages ?? "",
    doi: fields.doi ?? "",
    keywordsZh: fields.keywordsZh.join("；"),
    keywordsEn: fields.keywordsEn.join("; "),
    abstractZh: fields.abstractZh ?? "",
    abstractEn: fields.abstractEn ?? "",
    funding: fields.funding ?? "",
    identifiers: fields.identifiers.map((entry) => `${entry.type}: ${entry.value}`).join("\n"),
    received: fields.dates.received ?? "",
    published: fields.dates.published ?? "",
    online: fields.dates.online ?? "",
    fullText: fields.fullText ?? "",
  };
}

const nullable = (value: string) => (value.trim() === "" ? null : value.trim());
const lines = (value: string) =>
  value
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** The form as the command's input; the server's schema still validates and normalizes it. */
export function fromFormModel(model: ItemFormModel): ItemFieldsInput {
  const typeFields = Object.fromEntries(TYPE_TEXT_FIELDS.map((key) => [key, nullable(model[key])])) as Record<
    TypeTextField,
    string | null
  >;
  return {
    ...typeFields,
    itemType: model.itemType,
    // A contributor row left blank is an unused row.
    contributors: model.contributors
      .filter((contributor) => contributor.nameZh.trim() || contributor.nameEn.trim())
      .map((contributor) => ({
        role: contributor.role,
        nameZh: nullable(contributor.nameZh),
        nameEn: nullable(contributor.nameEn),
      })),
    titleZh: nullable(model.titleZh),
    titleEn: nullable(model.titleEn),
    // A row left entirely blank is an unused row, not an author without a name.
    authors: model.authors
      .filter(
        (author) => author.nameZh.trim() || author.nameEn.trim() || author.affiliations.trim() || author.bio.trim(),
      )
      .map((author) => ({
        nameZh: nullable(author.nameZh),
        nameEn: nullable(author.nameEn),
        affiliations: lines(author.affiliations),
        corresponding: author.corresponding,
        bio: nullable(author.bio),
      })),
    journalZh: nullable(model.journalZh),
    journalEn: nullable(model.journalEn),
    year: nullable(model.year),
    volume: nullable(model.volume),
    issue: nullable(model.issue),
    pages: nullable(model.pages),
    doi: nullable(model.doi),
    keywordsZh: model.keywordsZh.split(KEYWORD_SEPARATORS),
    keywordsEn: model.keywordsEn.split(/[;；\n]+/),
    abstractZh: nullable(model.abstractZh),
    abstractEn: nullable(model.abstractEn),
    funding: nullable(model.funding),
    identifiers: lines(model.identifiers).map((line) => {
      const colon = line.search(/[:：]/);
      return colon > 0
        ? { type: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }
        : { type: "", value: line };
    }),
    dates: { received: nullable(model.received), published: nullable(model.published), online: nullable(model.online) },
    fullText: nullable(model.fullText),
  };
}

export type MergeChoice = "mine" | "theirs";

export interface FieldMerge {
  field: EditableField;
  mine: ItemFields[EditableField];
  theirs: ItemFields[EditableField];
  /** Both sides changed the field, differently: the user has to pick. */
  conflicting: boolean;
  /** What the merged version takes unless the user says otherwise. */
  proposed: MergeChoice;
}

/**
 * Compares my unsaved edits and the stored version against the version I started from. Fields only they
 * changed come from them; fields only I changed stay mine; fields we both changed differently are conflicts.
 */
export function planMerge(base: ItemFields, mine: ItemFields, theirs: ItemFields): FieldMerge[] {
  return EDITABLE_FIELDS.flatMap((field) => {
    const theyChanged = !sameFieldValue(base[field], theirs[field]);
    if (!theyChanged || sameFieldValue(mine[field], theirs[field])) return [];
    const iChanged = !sameFieldValue(base[field], mine[field]);
    return [
      {
        field,
        mine: mine[field],
        theirs: theirs[field],
        conflicting: iChanged,
        proposed: iChanged ? "mine" : "theirs",
      } satisfies FieldMerge,
    ];
  });
}

/** My version with the fields I chose to take from theirs; every field they changed needs a choice. */
export function applyMerge(
  mine: ItemFields,
  theirs: ItemFields,
  choices: Partial<Record<EditableField, MergeChoice>>,
): ItemFields {
  const merged = { ...mine };
  for (const field of EDITABLE_FIELDS) {
    if (choices[field] === "theirs") Object.assign(merged, { [field]: theirs[field] });
  }
  return merged;
}
