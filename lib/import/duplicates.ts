// Which parsed records are already in the review, or appear twice in the file. A DOI match counts only when
// the titles agree too (conference abstracts in one supplement share its DOI); without a DOI, the title with
// the year and the first author's family name, where the title may be either language's (TI or TT) and may
// lack its subtitle on one side.
import { authorFamilyKey, mainTitleKey, normalizeDoi, normalizeTitle } from "./duplicate-key";

export interface DuplicateCandidate {
  titleZh: string | null;
  titleEn: string | null;
  year: number | null;
  doi: string | null;
  authors: { nameZh: string | null; nameEn: string | null }[];
}

export type DuplicateMatch =
  { in: "review"; itemId: string; by: "doi" | "title" } | { in: "file"; index: number; by: "doi" | "title" };

interface Keys {
  doi: string | null;
  /** Normalized full titles, both languages. */
  full: string[];
  fullSet: Set<string>;
  /** Normalized titles without their subtitle. */
  main: string[];
  year: string;
  authors: string[];
}

function keysOf(candidate: DuplicateCandidate): Keys {
  const first = candidate.authors[0];
  const titles = [candidate.titleZh, candidate.titleEn];
  const full = titles.map(normalizeTitle).filter((title) => title.length >= 4);
  return {
    doi: normalizeDoi(candidate.doi),
    full,
    fullSet: new Set(full),
    main: titles.map(mainTitleKey).filter((title): title is string => title !== null),
    year: String(candidate.year ?? ""),
    // Either name form of the first author: a CNKI record and its Scopus twin name 阚道远 and Kan, Daoyuan.
    authors: [first?.nameZh, first?.nameEn].map(authorFamilyKey).filter(Boolean),
  };
}

/** Whether two titles name the same work: equal, or one is the other without its subtitle. Unknown agrees. */
export function titlesAgree(a: Keys, b: Keys): boolean {
  if (a.full.length === 0 || b.full.length === 0) return true;
  if (a.full.some((title) => b.fullSet.has(title)) || a.main.some((title) => b.fullSet.has(title))) return true;
  return b.main.some((title) => a.fullSet.has(title));
}

/** Title keys: each full or main title with the year and each form of the first author. */
function titleKeys(keys: Keys, titles: string[]): string[] {
  const authors = keys.authors.length > 0 ? keys.authors : [""];
  return titles.flatMap((title) => authors.map((author) => `${title}|${keys.year}|${author}`));
}

const DOI_SHARERS = 50;

class Index<T> {
  private byDoi = new Map<string, { id: T; keys: Keys }[]>();
  private byFull = new Map<string, T>();
  private byMain = new Map<string, T>();

  add(id: T, keys: Keys) {
    if (keys.doi) {
      const list = this.byDoi.get(keys.doi) ?? [];
      // A DOI shared by many different titles (a supplement's abstracts) is compared against the first few.
      if (list.length < DOI_SHARERS) list.push({ id, keys });
      this.byDoi.set(keys.doi, list);
    }
    for (const key of titleKeys(keys, keys.full)) if (!this.byFull.has(key)) this.byFull.set(key, id);
    for (const key of titleKeys(keys, keys.main)) if (!this.byMain.has(key)) this.byMain.set(key, id);
  }

  find(keys: Keys): { id: T; by: "doi" | "title" } | null {
    if (keys.doi) {
      const agreeing = this.byDoi.get(keys.doi)?.find((entry) => titlesAgree(keys, entry.keys));
      if (agreeing) return { id: agreeing.id, by: "doi" };
    }
    // Full title = full title; this title = the other's main title; this main title = the other's full title.
    for (const key of titleKeys(keys, keys.full)) {
      const found = this.byFull.get(key) ?? this.byMain.get(key);
      if (found !== undefined) return { id: found, by: "title" };
    }
    for (const key of titleKeys(keys, keys.main)) {
      const found = this.byFull.get(key);
      if (found !== undefined) return { id: found, by: "title" };
    }
    return null;
  }
}

/** One entry per record: the first match found, or null. Blocked records still count as seen in the file. */
export function findDuplicates(
  records: DuplicateCandidate[],
  existing: (DuplicateCandidate & { id: string })[],
): (DuplicateMatch | null)[] {
  const review = new Index<string>();
  for (const item of existing) review.add(item.id, keysOf(item));
  const file = new Index<number>();
  return records.map((record, index) => {
    const keys = keysOf(record);
    const inReview = review.find(keys);
    const inFile = inReview ? null : file.find(keys);
    file.add(index, keys);
    if (inReview) return { in: "review", itemId: inReview.id, by: inReview.by };
    if (inFile) return { in: "file", index: inFile.id, by: inFile.by };
    return null;
  });
}
