// Export → import → export, for the round-trip tests and the fidelity benchmark: items are written in a
// format, read back by this app's importer into the shape the database stores, and compared field by field.
import { parseImportFile, type ParsedRecord } from "@/lib/import/parse-file";
import { formatItems, type ExportFormat } from "./items";
import type { ReferenceItem } from "./reference-formats";

export type RoundTripFormat = Exclude<ExportFormat, "csv"> | "csv";

/** A parsed record as the commit would store it, read back as the export reads items. */
export function storedItem(record: ParsedRecord, id: string): ReferenceItem {
  const { fields, reference, contributors } = record;
  return {
    id,
    itemType: reference.itemType,
    titleZh: fields.titleZh,
    titleEn: fields.titleEn,
    journalZh: fields.journalZh,
    journalEn: fields.journalEn,
    year: fields.year,
    volume: fields.volume,
    issue: fields.issue,
    pages: fields.pages,
    doi: fields.doi,
    genre: reference.genre,
    publisher: reference.publisher,
    publisherPlace: reference.publisherPlace,
    edition: reference.edition,
    eventTitle: reference.eventTitle,
    eventPlace: reference.eventPlace,
    eventDate: reference.eventDate,
    number: reference.number,
    jurisdiction: reference.jurisdiction,
    url: reference.url,
    issuedDate: reference.issuedDate,
    accessedDate: reference.accessedDate,
    language: reference.language,
    moreAuthors: reference.moreAuthors,
    authors: [
      ...fields.authors.map((author) => ({
        role: "AUTHOR" as const,
        nameZh: author.nameZh,
        nameEn: author.nameEn,
        affiliations: author.affiliations,
      })),
      ...contributors.map((contributor) => ({ ...contributor, affiliations: [] })),
    ],
    keywordsZh: fields.keywordsZh,
    keywordsEn: fields.keywordsEn,
    abstractZh: fields.abstractZh,
    abstractEn: fields.abstractEn,
    funding: fields.funding,
    identifiers: fields.identifiers,
  };
}

/** The fields compared, each as a comparable value; contributors by role, identifiers by type. */
export function comparableFields(item: ReferenceItem): Record<string, unknown> {
  const byRole = (role: string) =>
    item.authors
      .filter((author) => author.role === role)
      .map((author) => ({ nameZh: author.nameZh, nameEn: author.nameEn }));
  const identifiers = Array.isArray(item.identifiers) ? (item.identifiers as { type: string; value: string }[]) : [];
  const identifier = (type: string) => identifiers.find((entry) => entry.type === type)?.value ?? null;
  return {
    itemType: item.itemType,
    titleZh: item.titleZh,
    titleEn: item.titleEn,
    journalZh: item.journalZh,
    journalEn: item.journalEn,
    year: item.year,
    volume: item.volume,
    issue: item.issue,
    pages: item.pages,
    doi: item.doi,
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
    moreAuthors: item.moreAuthors ?? false,
    authors: byRole("AUTHOR"),
    affiliations: item.authors.filter((author) => author.role === "AUTHOR").map((author) => author.affiliations ?? []),
    editors: byRole("EDITOR"),
    translators: byRole("TRANSLATOR"),
    supervisors: byRole("SUPERVISOR"),
    keywords: [...item.keywordsZh, ...item.keywordsEn].sort(),
    abstractZh: item.abstractZh,
    abstractEn: item.abstractEn,
    funding: item.funding,
    issn: identifier("ISSN"),
    isbn: identifier("ISBN"),
  };
}

/** Field-by-field differences between two lists of items (same order): [item index, field, before, after]. */
export function differences(before: ReferenceItem[], after: ReferenceItem[]): [number, string, unknown, unknown][] {
  const found: [number, string, unknown, unknown][] = [];
  before.forEach((item, index) => {
    const a = comparableFields(item);
    const other = after[index];
    const b = other ? comparableFields(other) : {};
    for (const field of Object.keys(a)) {
      if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) found.push([index, field, a[field], b[field]]);
    }
  });
  return found;
}

/** Fields that hold a value in the original items, and how many of those came back identical. */
export function fidelity(before: ReferenceItem[], after: ReferenceItem[]): { identical: number; total: number } {
  let identical = 0;
  let total = 0;
  before.forEach((item, index) => {
    const a = comparableFields(item);
    const b = after[index] ? comparableFields(after[index]!) : {};
    for (const [field, value] of Object.entries(a)) {
      if (isEmpty(value)) continue;
      total++;
      if (JSON.stringify(value) === JSON.stringify(b[field])) identical++;
    }
  });
  return { identical, total };
}

/** Writes items in a format (CSV with the export's English headers) and reads them back as stored items. */
export function exportAndReimport(
  items: ReferenceItem[],
  format: RoundTripFormat,
  csv: (items: ReferenceItem[]) => string,
): { text: string; items: ReferenceItem[]; records: ParsedRecord[] } {
  const text = format === "csv" ? csv(items) : formatItems(items, format);
  const extension = { ris: "ris", bibtex: "bib", biblatex: "bib", "csl-json": "json", csv: "csv" }[format];
  const parsed = parseImportFile(`round-trip.${extension}`, new TextEncoder().encode(text));
  return {
    text,
    items: parsed.records.map((record, index) => storedItem(record, `rt-${index}`)),
    records: parsed.records,
  };
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === "") return true;
  return Array.isArray(value) && value.every(isEmpty);
}
