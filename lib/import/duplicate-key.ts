// The keys two references are compared by to call them duplicates. A DOI is the strongest; without one, the
// normalized title with the year and the first author's family name. Chinese exports differ in full-width
// punctuation and stray spaces (CNKI vs Wanfang vs a hand-typed entry), so normalization erases both.

/** A DOI as an identifier: lowercase, without resolver prefix or "doi:" label. Null when it is not a DOI. */
export function normalizeDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw
    .normalize("NFKC")
    .trim()
    .replace(/^(https?:\/\/)?(dx\.)?doi\.org\//i, "")
    .replace(/^doi:\s*/i, "")
    .trim()
    .toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(value) ? value : null;
}

/**
 * A title reduced to its letters and digits: NFKC folds full-width forms (，（）ＡＢＣ１２) into ASCII, then
 * every space, punctuation mark and symbol goes, and Latin letters are lowercased. Chinese characters stay.
 */
export function normalizeTitle(raw: string | null | undefined): string {
  if (!raw) return "";
  return raw
    .normalize("NFKC")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, "")
    .toLowerCase();
}

/** The family name of an author as written: "Smith, John" → smith, "John Smith" → smith, 张三 → 张三. */
export function authorFamilyKey(raw: string | null | undefined): string {
  if (!raw) return "";
  const name = raw.normalize("NFKC").trim();
  if (!name) return "";
  if (/\p{Script=Han}/u.test(name)) return name.replace(/[\s\p{P}]/gu, "");
  const comma = name.indexOf(",");
  const family = comma > 0 ? name.slice(0, comma) : (name.split(/\s+/).at(-1) ?? name);
  return family.replace(/[\p{P}\s]/gu, "").toLowerCase();
}

export interface DuplicateKeyInput {
  doi: string | null;
  title: string | null;
  year: number | null;
  firstAuthor: string | null;
}

export interface DuplicateKeys {
  doi: string | null;
  /** title|year|author, or null when the title is too short to identify a paper by. */
  titleYearAuthor: string | null;
}

export function duplicateKeys(input: DuplicateKeyInput): DuplicateKeys {
  const title = normalizeTitle(input.title);
  return {
    doi: normalizeDoi(input.doi),
    titleYearAuthor: title.length >= 4 ? `${title}|${input.year ?? ""}|${authorFamilyKey(input.firstAuthor)}` : null,
  };
}
