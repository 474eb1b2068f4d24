import { typeHasField, type ItemType } from "@/lib/bibliography/item-types";

// Which bibliographic fields an item lacks. Bilingual pairs count as missing only when both
// languages are absent; the item page still marks each absent language on its own.
export const TRACKED_FIELDS = [
  "title",
  "authors",
  "journal",
  "year",
  "volumeIssue",
  "pages",
  "keywords",
  "abstract",
  "funding",
  "fullText",
] as const;

export type TrackedField = (typeof TRACKED_FIELDS)[number];

export interface MetadataShape {
  /** Absent means a journal article; a thesis or a web page has no journal, volume or pages to lack. */
  itemType?: ItemType;
  titleZh: string | null;
  titleEn: string | null;
  journalZh: string | null;
  journalEn: string | null;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  keywordsZh: string[];
  keywordsEn: string[];
  abstractZh: string | null;
  abstractEn: string | null;
  funding: string | null;
  fullText?: string | null;
  hasFullText?: boolean;
  authorCount: number;
}

const present = (value: string | null | undefined) => typeof value === "string" && value.trim() !== "";

export function missingFields(item: MetadataShape): TrackedField[] {
  const checks: Record<TrackedField, boolean> = {
    title: present(item.titleZh) || present(item.titleEn),
    authors: item.authorCount > 0,
    journal: present(item.journalZh) || present(item.journalEn),
    year: item.year !== null,
    volumeIssue: present(item.volume) || present(item.issue),
    pages: present(item.pages),
    keywords: item.keywordsZh.length > 0 || item.keywordsEn.length > 0,
    abstract: present(item.abstractZh) || present(item.abstractEn),
    funding: present(item.funding),
    fullText: item.hasFullText ?? present(item.fullText),
  };
  const type = item.itemType ?? "JOURNAL_ARTICLE";
  const applies: Partial<Record<TrackedField, boolean>> = {
    journal: typeHasField(type, "container"),
    volumeIssue: typeHasField(type, "volume") || typeHasField(type, "issue"),
    pages: typeHasField(type, "pages"),
  };
  return TRACKED_FIELDS.filter((field) => !checks[field] && applies[field] !== false);
}
