// Which parsed records are already in the review, or appear twice in the file: by DOI first, then by
// normalized title + year + first author, in either language.
import { duplicateKeys } from "./duplicate-key";

export interface DuplicateCandidate {
  titleZh: string | null;
  titleEn: string | null;
  year: number | null;
  doi: string | null;
  authors: { nameZh: string | null; nameEn: string | null }[];
}

export type DuplicateMatch =
  { in: "review"; itemId: string; by: "doi" | "title" } | { in: "file"; index: number; by: "doi" | "title" };

function keysOf(candidate: DuplicateCandidate): { doi: string | null; titles: string[] } {
  const first = candidate.authors[0];
  const titles = [
    duplicateKeys({
      doi: null,
      title: candidate.titleZh,
      year: candidate.year,
      firstAuthor: first?.nameZh ?? first?.nameEn ?? null,
    }).titleYearAuthor,
    duplicateKeys({
      doi: null,
      title: candidate.titleEn,
      year: candidate.year,
      firstAuthor: first?.nameEn ?? first?.nameZh ?? null,
    }).titleYearAuthor,
  ].filter((key): key is string => key !== null);
  return { doi: duplicateKeys({ doi: candidate.doi, title: null, year: null, firstAuthor: null }).doi, titles };
}

/** One entry per record: the first match found, or null. Blocked records still count as seen in the file. */
export function findDuplicates(
  records: DuplicateCandidate[],
  existing: (DuplicateCandidate & { id: string })[],
): (DuplicateMatch | null)[] {
  const reviewByDoi = new Map<string, string>();
  const reviewByTitle = new Map<string, string>();
  for (const item of existing) {
    const keys = keysOf(item);
    if (keys.doi && !reviewByDoi.has(keys.doi)) reviewByDoi.set(keys.doi, item.id);
    for (const key of keys.titles) if (!reviewByTitle.has(key)) reviewByTitle.set(key, item.id);
  }
  const fileByDoi = new Map<string, number>();
  const fileByTitle = new Map<string, number>();
  return records.map((record, index) => {
    const keys = keysOf(record);
    let match: DuplicateMatch | null = null;
    const reviewDoi = keys.doi ? reviewByDoi.get(keys.doi) : undefined;
    const reviewTitle = keys.titles.map((key) => reviewByTitle.get(key)).find(Boolean);
    const fileDoi = keys.doi ? fileByDoi.get(keys.doi) : undefined;
    const fileTitle = keys.titles.map((key) => fileByTitle.get(key)).find((value) => value !== undefined);
    if (reviewDoi) match = { in: "review", itemId: reviewDoi, by: "doi" };
    else if (reviewTitle) match = { in: "review", itemId: reviewTitle, by: "title" };
    else if (fileDoi !== undefined) match = { in: "file", index: fileDoi, by: "doi" };
    else if (fileTitle !== undefined) match = { in: "file", index: fileTitle, by: "title" };
    if (keys.doi && !fileByDoi.has(keys.doi)) fileByDoi.set(keys.doi, index);
    for (const key of keys.titles) if (!fileByTitle.has(key)) fileByTitle.set(key, index);
    return match;
  });
}
