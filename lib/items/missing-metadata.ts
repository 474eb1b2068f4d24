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
  return TRACKED_FIELDS.filter((field) => !checks[field]);
}
