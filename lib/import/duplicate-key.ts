// The keys two references are compared by to call them duplicates. A DOI is the strongest; without one, the
// normalized title with the year and the first author's family name. Chinese exports differ in full-width
// punctuation and stray spaces (CNKI vs Wanfang vs a hand-typed entry), so normalization erases both.
import { Converter } from "opencc-js";

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

const toSimplified = Converter({ from: "t", to: "cn" });
const HAN = /\p{Script=Han}/u;

/**
 * A title reduced to its letters and digits: NFKC folds full-width forms (，（）ＡＢＣ１２) into ASCII, then
 * every space, punctuation mark and symbol goes, and Latin letters are lowercased. Chinese characters stay,
 * in their simplified form, so a title from a Taiwanese database (區域黨建) meets its mainland record.
 */
export function normalizeTitle(raw: string | null | undefined): string {
  if (!raw) return "";
  const folded = raw
    .normalize("NFKC")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, "")
    .toLowerCase();
  return HAN.test(folded) ? toSimplified(folded) : folded;
}

// Where a subtitle starts: a colon (either width), a dash pair or em dash, or a question/full stop followed by
// more text. "韧性治理：风险与应急管理的新路径" has the main title 韧性治理.
const SUBTITLE = /\s*(?:[:：]|——|--|—|\s-\s|[?.!](?=\s+\S)|[？。！](?=\s*\S))\s*/u;

/** The title without its subtitle, normalized; null when there is no subtitle or the rest is too short to trust. */
export function mainTitleKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const parts = raw.split(SUBTITLE);
  if (parts.length < 2) return null;
  const main = normalizeTitle(parts[0]);
  // A main title of a word or two ("Introduction", "综述") names too many papers to match on.
  const long = HAN.test(main) ? main.length >= 4 : main.length >= 12;
  return long ? main : null;
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
