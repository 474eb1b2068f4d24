// A review item as CSL-JSON, the input every citation style reads. Unknown metadata stays absent (the
// style then omits it or prints its own "anonymous"/"n.d."), it is never filled in with a guess.
import type { Prisma } from "@/lib/db/generated/client";

/** The columns a citation needs; usable as `select` on ReviewItem. */
export const citableItemSelect = {
  id: true,
  titleZh: true,
  titleEn: true,
  journalZh: true,
  journalEn: true,
  year: true,
  volume: true,
  issue: true,
  pages: true,
  doi: true,
  authors: { select: { nameZh: true, nameEn: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.ReviewItemSelect;

export interface CitableAuthor {
  nameZh: string | null;
  nameEn: string | null;
}

export interface CitableItem {
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
  authors: CitableAuthor[];
}

// Fails to compile when the hand-written type drifts from what the select actually returns.
type SelectedItem = Prisma.ReviewItemGetPayload<{ select: typeof citableItemSelect }>;
type AssertTrue<T extends true> = T;
type _CitableItemMatchesSelect = AssertTrue<SelectedItem extends CitableItem ? true : false>;

export type CslName = { family: string; given?: string } | { literal: string };

export interface CslItem {
  id: string;
  type: "article-journal";
  /** Decides 等 or et al. (and the Chinese or English layout) in the bilingual GB/T styles. */
  language: "zh-CN" | "en-US";
  title?: string;
  "container-title"?: string;
  issued?: { "date-parts": [[number]] };
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  author?: CslName[];
}

type Language = CslItem["language"];

/** An item is Chinese when its Chinese metadata is what we would print first; most items here are. */
function itemLanguage(item: CitableItem): Language {
  const evidence: [string | null, Language][] = [
    [item.titleZh, "zh-CN"],
    [item.titleEn, "en-US"],
    [item.journalZh, "zh-CN"],
    [item.journalEn, "en-US"],
  ];
  for (const [value, language] of evidence) if (present(value)) return language;
  if (item.authors.some((author) => present(author.nameZh))) return "zh-CN";
  if (item.authors.some((author) => present(author.nameEn))) return "en-US";
  return "zh-CN";
}

function present(value: string | null): value is string {
  return value !== null && value.trim() !== "";
}

function pick(language: Language, zh: string | null, en: string | null): string | undefined {
  const [first, second] = language === "zh-CN" ? [zh, en] : [en, zh];
  if (present(first)) return first.trim();
  if (present(second)) return second.trim();
  return undefined;
}

/**
 * A Chinese name is kept whole, never split into family and given: 欧阳修 or 司马光 have two-character
 * surnames, and GB/T prints full names anyway ("朱正威, 刘莹莹"). As a `literal` it is also never inverted,
 * so APA writes "朱正威 & 刘莹莹" rather than the "朱正威, & 刘莹莹" it gives a family-only name. A
 * romanised name on a Chinese item stays as written: pinyin order (Kan Daoyuan) cannot be told from
 * Western order.
 */
function chineseItemName(author: CitableAuthor): CslName | null {
  if (present(author.nameZh)) return { literal: author.nameZh.trim() };
  if (present(author.nameEn)) return { literal: author.nameEn.trim() };
  return null;
}

/**
 * English names: "Family, Given" is unambiguous; "KAN Daoyuan" (capitalised surname first, as Chinese
 * journals print English metadata) is family first; anything else is read in Western order.
 */
export function parseEnglishName(name: string): CslName {
  const trimmed = name.trim().replace(/\s+/g, " ");
  const comma = trimmed.indexOf(",");
  if (comma > 0) {
    const family = trimmed.slice(0, comma).trim();
    const given = trimmed.slice(comma + 1).trim();
    return given ? { family, given } : { family };
  }
  const parts = trimmed.split(" ");
  if (parts.length === 1) return { family: trimmed };
  const first = parts[0]!;
  if (first.length > 1 && first === first.toUpperCase() && /\p{Lu}/u.test(first)) {
    return { family: first, given: parts.slice(1).join(" ") };
  }
  return { family: parts[parts.length - 1]!, given: parts.slice(0, -1).join(" ") };
}

function englishItemName(author: CitableAuthor): CslName | null {
  if (present(author.nameEn)) return parseEnglishName(author.nameEn);
  if (present(author.nameZh)) return { literal: author.nameZh.trim() };
  return null;
}

export function toCslItem(item: CitableItem): CslItem {
  const language = itemLanguage(item);
  const csl: CslItem = { id: item.id, type: "article-journal", language };
  const title = pick(language, item.titleZh, item.titleEn);
  if (title) csl.title = title;
  const journal = pick(language, item.journalZh, item.journalEn);
  if (journal) csl["container-title"] = journal;
  if (item.year !== null) csl.issued = { "date-parts": [[item.year]] };
  if (present(item.volume)) csl.volume = item.volume.trim();
  if (present(item.issue)) csl.issue = item.issue.trim();
  if (present(item.pages)) csl.page = item.pages.trim();
  if (present(item.doi)) csl.DOI = item.doi.trim();
  const toName = language === "zh-CN" ? chineseItemName : englishItemName;
  const authors = item.authors.map(toName).filter((name): name is CslName => name !== null);
  if (authors.length > 0) csl.author = authors;
  return csl;
}
