// How the item form names fields and their problems, and shows a field's value in the conflict table.
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { EditableField, ItemFields } from "@/lib/items/item-fields";

export const FIELD_LABEL: Record<EditableField, MessageKey> = {
  itemType: "itemTypes.label",
  contributors: "itemTypes.contributors",
  genre: "itemTypes.fields.genre",
  publisher: "itemTypes.fields.publisher",
  publisherPlace: "itemTypes.fields.publisherPlace",
  edition: "itemTypes.fields.edition",
  eventTitle: "itemTypes.fields.eventTitle",
  eventPlace: "itemTypes.fields.eventPlace",
  eventDate: "itemTypes.fields.eventDate",
  number: "itemTypes.fields.number",
  jurisdiction: "itemTypes.fields.jurisdiction",
  url: "itemTypes.fields.url",
  issuedDate: "itemTypes.fields.issuedDate",
  accessedDate: "itemTypes.fields.accessedDate",
  language: "itemTypes.fields.language",
  titleZh: "item.titleZh",
  titleEn: "item.titleEn",
  authors: "fields.authors",
  journalZh: "item.journalZh",
  journalEn: "item.journalEn",
  year: "fields.year",
  volume: "item.volume",
  issue: "item.issue",
  pages: "fields.pages",
  doi: "fields.doi",
  keywordsZh: "item.keywordsZh",
  keywordsEn: "item.keywordsEn",
  abstractZh: "item.abstractZh",
  abstractEn: "item.abstractEn",
  funding: "fields.funding",
  identifiers: "editing.identifiersLabel",
  dates: "fields.dates",
  fullText: "fields.fullText",
};

/**
 * The form control a server-side problem belongs to: authors keep their row (`authors.2.nameZh`), dates
 * their part (`dates.received`), lists collapse to the field (`identifiers.0.type` → `identifiers`).
 */
export function problemField(path: string): string {
  const parts = path.replace(/^fields\./, "").split(".");
  if (parts[0] === "authors" && parts.length >= 3) return `authors.${parts[1]}.nameZh`;
  if (parts[0] === "contributors" && parts.length >= 3) return `contributors.${parts[1]}.nameZh`;
  if (parts[0] === "dates" && parts[1]) return `dates.${parts[1]}`;
  return parts[0] ?? path;
}

export function fieldProblemKey(field: string): MessageKey {
  if (field === "titleZh" || field === "titleEn") return "editing.errors.title";
  if (field === "year") return "editing.errors.year";
  if (field === "doi") return "editing.errors.doi";
  if (field === "dates.order") return "editing.errors.dateOrder";
  if (field.startsWith("dates.")) return "editing.errors.date";
  if (field.startsWith("authors.") || field.startsWith("contributors.")) return "editing.errors.authorName";
  if (field === "issuedDate" || field === "accessedDate") return "itemTypes.errors.partialDate";
  if (field === "url") return "itemTypes.errors.url";
  if (field === "identifiers") return "editing.errors.identifier";
  return "editing.errors.generic";
}

const PREVIEW_CHARACTERS = 280;

/** A field's value as a reader compares it: lists joined, long text cut with its length shown. */
export function formatFieldValue<K extends EditableField>(field: K, value: ItemFields[K], t: Translate): string {
  const empty = t("editing.emptyValue");
  switch (field) {
    case "itemType":
      return t(`itemTypes.types.${value as ItemFields["itemType"]}`);
    case "contributors": {
      const contributors = value as ItemFields["contributors"];
      return contributors.length
        ? contributors
            .map(
              (contributor) =>
                `${t(`itemTypes.roles.${contributor.role}`)}: ${[contributor.nameZh, contributor.nameEn].filter(Boolean).join(" / ")}`,
            )
            .join("\n")
        : empty;
    }
    case "authors": {
      const authors = value as ItemFields["authors"];
      return authors.length
        ? authors
            .map((author) => {
              const name = [author.nameZh, author.nameEn].filter(Boolean).join(" / ");
              const extra = [author.corresponding ? `✉` : "", author.affiliations.join("；"), author.bio ?? ""].filter(
                Boolean,
              );
              return extra.length ? `${name}（${extra.join(" ")}）` : name;
            })
            .join("\n")
        : empty;
    }
    case "keywordsZh":
    case "keywordsEn": {
      const keywords = value as string[];
      return keywords.length ? keywords.join("；") : empty;
    }
    case "identifiers": {
      const identifiers = value as ItemFields["identifiers"];
      return identifiers.length ? identifiers.map((entry) => `${entry.type}: ${entry.value}`).join("\n") : empty;
    }
    case "dates": {
      const dates = value as ItemFields["dates"];
      const parts = (["received", "published", "online"] as const)
        .filter((part) => dates[part])
        .map((part) => `${t(`item.${part}`)}: ${dates[part]}`);
      return parts.length ? parts.join("\n") : empty;
    }
    default: {
      if (value === null || value === undefined || value === "") return empty;
      const text = String(value);
      return text.length > PREVIEW_CHARACTERS
        ? `${text.slice(0, PREVIEW_CHARACTERS)}… (${t("editing.characters", { n: text.length })})`
        : text;
    }
  }
}
