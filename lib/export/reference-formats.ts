// The library's items written as RIS, BibTeX, BibLaTeX and CSL-JSON, carrying everything each format can
// hold: the type, both titles, both abstracts, both name forms, affiliations, funding, dates, URL and access
// date, and the type-specific fields. Written by hand rather than through a converter, so each field goes to
// the tag its readers (Zotero, EndNote, pandoc, bibutils, biblatex-gb7714) know, values are escaped for the
// format, and this app's importer reads every file back to the same items (lib/import, round-trip tested).
import { pinyin } from "pinyin-pro";
import { toCslItem, type CitableItem } from "@/lib/bibliography/csl";
import { bibtexTypeOf, endnoteTypeOf, risTypeOf } from "@/lib/bibliography/type-maps";
import type { ContributorRole, ItemType } from "@/lib/db/generated/enums";

/** What an export needs of an item: the citable fields plus what a reference manager keeps. */
export interface ReferenceItem extends CitableItem {
  itemType: ItemType;
  authors: { role: ContributorRole; nameZh: string | null; nameEn: string | null; affiliations?: string[] }[];
  keywordsZh: string[];
  keywordsEn: string[];
  abstractZh: string | null;
  abstractEn: string | null;
  funding: string | null;
  identifiers: unknown;
}

const HAN = /\p{Script=Han}/u;

function present(value: string | null | undefined): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/** Zh when the item would be cited in Chinese (the same judgement the citation code makes). */
export function isChineseItem(item: ReferenceItem): boolean {
  return toCslItem(item).language === "zh-CN";
}

function pair(zhFirst: boolean, zh: string | null, en: string | null): { main: string | null; other: string | null } {
  const [first, second] = zhFirst ? [zh, en] : [en, zh];
  const main = present(first) ? first.trim() : present(second) ? second.trim() : null;
  const other = present(first) && present(second) ? second.trim() : null;
  return { main, other };
}

function identifier(item: ReferenceItem, type: string): string | null {
  if (!Array.isArray(item.identifiers)) return null;
  const found = (item.identifiers as { type?: unknown; value?: unknown }[]).find(
    (entry) => typeof entry?.type === "string" && entry.type.toUpperCase() === type,
  );
  return typeof found?.value === "string" ? found.value : null;
}

interface Person {
  main: string;
  other: string | null;
  affiliations: string[];
}

function people(item: ReferenceItem, role: ContributorRole, zhFirst: boolean): Person[] {
  return item.authors
    .filter((author) => author.role === role)
    .flatMap((author) => {
      const { main, other } = pair(zhFirst, author.nameZh, author.nameEn);
      return main ? [{ main, other, affiliations: author.affiliations ?? [] }] : [];
    });
}

/**
 * The affiliations of a list of authors as one list the importer pairs back: one entry when every author
 * shares the same single affiliation, otherwise each author's in turn (so one each pairs by position).
 */
export function affiliationList(authors: Person[]): string[] {
  const first = authors[0]?.affiliations;
  if (
    authors.length > 1 &&
    first?.length === 1 &&
    authors.every((author) => author.affiliations.length === 1 && author.affiliations[0] === first[0])
  ) {
    return [first[0]!];
  }
  return authors.flatMap((author) => author.affiliations);
}

/** Everything about an item the writers share, resolved once: which language leads, and each field's two forms. */
function describe(item: ReferenceItem) {
  const zhFirst = isChineseItem(item);
  const authors = people(item, "AUTHOR", zhFirst).concat(people(item, "INVENTOR", zhFirst));
  return {
    zhFirst,
    title: pair(zhFirst, item.titleZh, item.titleEn),
    container: pair(zhFirst, item.journalZh, item.journalEn),
    abstract: pair(zhFirst, item.abstractZh, item.abstractEn),
    keywords: zhFirst ? [...item.keywordsZh, ...item.keywordsEn] : [...item.keywordsEn, ...item.keywordsZh],
    authors,
    editors: people(item, "EDITOR", zhFirst),
    translators: people(item, "TRANSLATOR", zhFirst),
    supervisors: people(item, "SUPERVISOR", zhFirst),
    affiliations: affiliationList(authors),
    issn: identifier(item, "ISSN"),
    isbn: identifier(item, "ISBN"),
    pmid: identifier(item, "PMID"),
  };
}

// ------------------------------------------------------------------------------------------------ RIS

/** RIS values are one line per tag: line breaks inside a value become spaces, and nothing is wrapped. */
function risValue(value: string): string {
  return value.replace(/[ \t]*[\r\n]+[ \t]*/g, " ").trim();
}

function risDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${year}/${month ?? ""}/${day ?? ""}/`;
}

/**
 * RIS as Zotero and EndNote read it: TI the title and TT the title in the other language, TA the names in
 * the other script, A2/A3/A4 editors, supervisors and translators, AD the affiliations, T2/C3 the container by
 * type, SN the ISSN/ISBN or a report/standard/patent number, DA/Y2 the issued and accessed dates.
 */
export function formatRis(items: ReferenceItem[]): string {
  return items
    .map((item) => {
      const d = describe(item);
      const type = item.itemType;
      const lines: string[] = [];
      const add = (tag: string, value: string | null | undefined) => {
        if (present(value) && risValue(value)) lines.push(`${tag}  - ${risValue(value)}`);
      };
      lines.push(`TY  - ${risTypeOf(type) ?? "GEN"}`);
      add("TI", d.title.main);
      add("TT", d.title.other);
      for (const author of d.authors) add("AU", author.main);
      // TA lines pair with AU lines by position, so every author gets one once any has a second name form.
      if (d.authors.some((author) => author.other))
        for (const author of d.authors) add("TA", author.other ?? author.main);
      for (const editor of d.editors) add(type === "BOOK" ? "A3" : "A2", editor.main);
      if (type === "THESIS") for (const supervisor of d.supervisors) add("A3", supervisor.main);
      for (const translator of d.translators) add("A4", translator.main);
      for (const affiliation of d.affiliations) add("AD", affiliation);
      if (type === "CONFERENCE_PAPER") {
        add("C3", d.container.main);
        add("T2", item.eventTitle);
        add("C1", item.eventPlace);
      } else {
        add("T2", d.container.main);
      }
      add("J2", d.container.other);
      add("PY", item.year !== null ? String(item.year) : null);
      add("DA", present(item.issuedDate) ? risDate(item.issuedDate) : null);
      add("Y2", item.accessedDate);
      add("VL", item.volume);
      add("IS", item.issue);
      const [start, ...rest] = (item.pages ?? "").split(/\s*[-–—~～]\s*/);
      if (present(item.pages) && rest.length === 1 && start) {
        add("SP", start);
        add("EP", rest[0]);
      } else add("SP", item.pages);
      add("PB", item.publisher);
      add("CY", item.publisherPlace);
      add("ET", item.edition);
      add("M3", item.genre);
      if (type === "REPORT" || type === "PATENT" || type === "STANDARD") add("SN", item.number);
      else {
        add("SN", d.isbn ?? d.issn);
        // M1 ("number") carries a preprint's or dataset's identifier, as Zotero writes other numbers there.
        add("M1", item.number);
      }
      if (type === "PATENT") add("C3", item.jurisdiction);
      add("DO", item.doi);
      add("UR", item.url);
      add("LA", item.language);
      add("AN", d.pmid);
      for (const keyword of d.keywords) add("KW", keyword);
      add("AB", d.abstract.main);
      add("N2", d.abstract.other);
      if (present(item.funding)) add("N1", `Funding: ${item.funding}`);
      lines.push("ER  - ");
      return `${lines.join("\n")}\n`;
    })
    .join("\n");
}

// -------------------------------------------------------------------------------------- BibTeX and BibLaTeX

const SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  $: "\\$",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/**
 * A BibTeX field value inside braces, on one line, with LaTeX's special characters escaped (% & # $ _ ~ ^ \).
 * BibTeX counts braces even after a backslash, so \{ \} are only safe when the text's braces balance;
 * otherwise they become \textbraceleft{} and \textbraceright{}.
 */
export function bibtexValue(value: string): string {
  const text = value.replace(/[ \t]*[\r\n]+[ \t]*/g, " ").trim();
  let depth = 0;
  let balanced = true;
  for (const char of text) {
    if (char === "{") depth++;
    else if (char === "}" && --depth < 0) balanced = false;
  }
  balanced &&= depth === 0;
  return text.replace(/[\\{}%&#$_~^]/g, (char) =>
    char === "{" || char === "}"
      ? balanced
        ? `\\${char}`
        : char === "{"
          ? "\\textbraceleft{}"
          : "\\textbraceright{}"
      : SPECIALS[char]!,
  );
}

/** A URL or DOI is verbatim in BibLaTeX and pandoc: nothing is escaped, and braces (never in a URL) go. */
function verbatimValue(value: string): string {
  return value.replace(/[{}\s]+/g, "");
}

/**
 * One name for a BibTeX name list. "Family, Given" and "von Family, Jr, Given" are BibTeX's own order and are
 * written as they are; a family that starts with a capitalised particle ("Van de Walle") is braced so
 * BibTeX does not take "Van de" for the "von" part; a Chinese name or an organisation is braced whole.
 */
export function bibtexName(name: string): string {
  const escaped = bibtexValue(name);
  if (HAN.test(name) || !name.includes(",")) {
    if (HAN.test(name) || / (and|of|for|the|&) /i.test(name) || name.split(/\s+/).length > 4) return `{${escaped}}`;
    return escaped;
  }
  const [family, ...rest] = escaped.split(",");
  const words = family!.trim().split(/\s+/);
  const capitalisedParticle =
    words.length > 1 && /^\p{Lu}/u.test(words[0]!) && words.slice(1, -1).some((w) => /^\p{Ll}/u.test(w));
  return capitalisedParticle ? `{${family!.trim()}},${rest.join(",")}` : escaped;
}

function pinyinWord(text: string): string {
  return pinyin(text, { toneType: "none", type: "array", nonZh: "removed" })
    .join("")
    .replace(/[^a-z]/g, "");
}

const COMPOUND_SURNAMES = new Set(
  "欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 尉迟 长孙 宇文 司徒 夏侯 公孙 轩辕 端木 独孤 南宫 西门 呼延 赫连 申屠 太史 闻人 万俟 澹台 公冶 宗政 濮阳 淳于 单于 钟离 仲孙 第五".split(
    " ",
  ),
);

const STOP_WORDS = new Set("a an the of on in for and to from with at by".split(" "));

/** The key's name part: a Chinese surname in pinyin (阚 → kan, 欧阳 → ouyang), else the Latin family name. */
function keyName(name: string | undefined): string {
  if (!name) return "";
  if (HAN.test(name)) {
    const han = name.replace(/[^\p{Script=Han}]/gu, "");
    const surname = COMPOUND_SURNAMES.has(han.slice(0, 2)) ? han.slice(0, 2) : han.slice(0, 1);
    return pinyinWord(surname);
  }
  const family = name.includes(",") ? name.slice(0, name.indexOf(",")) : (name.trim().split(/\s+/).at(-1) ?? "");
  return family
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

/** The key's title part: the first Chinese word (two characters, in pinyin) or the first significant Latin word. */
function keyTitle(title: string | null): string {
  if (!title) return "";
  if (HAN.test(title.slice(0, 8))) return pinyinWord(title.replace(/[^\p{Script=Han}]/gu, "").slice(0, 2));
  const word = title
    .normalize("NFKD")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .find((part) => part && !STOP_WORDS.has(part));
  return word ?? "";
}

/** a, b, … z, aa, ab, …: the suffix that tells apart works with the same key. */
function letters(index: number): string {
  let suffix = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    suffix = String.fromCharCode(97 + ((n - 1) % 26)) + suffix;
  return suffix;
}

/**
 * BibTeX keys in Better BibTeX's style, ASCII only (BibTeX 0.99 rejects UTF-8 keys): the first author's family
 * name (a Chinese surname in pinyin), the year, the first word of the title — 阚道远 2024 区域化党建… is
 * kan2024quyu. Keys that would repeat get a letter in export order (smith2020machinea, smith2020machineb).
 */
export function citationKeys(items: ReferenceItem[]): string[] {
  const bases = items.map((item) => {
    const d = describe(item);
    const name = keyName(d.authors[0]?.main ?? d.editors[0]?.main) || "anon";
    return `${name}${item.year ?? "nd"}${keyTitle(d.title.main)}`;
  });
  const total = new Map<string, number>();
  for (const base of bases) total.set(base, (total.get(base) ?? 0) + 1);
  const seen = new Map<string, number>();
  const used = new Set<string>();
  return bases.map((base) => {
    if (total.get(base) === 1 && !used.has(base)) {
      used.add(base);
      return base;
    }
    let key: string;
    do {
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      key = `${base}${letters(count)}`;
    } while (used.has(key));
    used.add(key);
    return key;
  });
}

const LANGID: Record<string, string> = { zh: "chinese", en: "english", ja: "japanese", de: "german", fr: "french" };

/**
 * BibTeX (natbib, pandoc -f bibtex, bibutils) or BibLaTeX (biblatex, biblatex-gb7714-2015, pandoc -f biblatex):
 * the entry type by item type, school/institution, address/location, journal/journaltitle, date, langid,
 * origtitle for the other title, and this app's own fields (translatedauthor, affiliation, origabstract,
 * origjournaltitle, supervisor, funding) that other readers ignore and this app reads back.
 */
export function formatBibtex(items: ReferenceItem[], dialect: "bibtex" | "biblatex"): string {
  const keys = citationKeys(items);
  const biblatex = dialect === "biblatex";
  return items
    .map((item, index) => {
      const d = describe(item);
      const type = item.itemType;
      const names = bibtexTypeOf(type, item.genre);
      const fields: [string, string][] = [];
      const add = (name: string, value: string | null | undefined) => {
        if (present(value)) fields.push([name, bibtexValue(value)]);
      };
      const addNames = (name: string, list: string[], more = false) => {
        if (list.length === 0) return;
        fields.push([name, [...list.map(bibtexName), ...(more ? ["others"] : [])].join(" and ")]);
      };
      addNames(
        "author",
        d.authors.map((author) => author.main),
        item.moreAuthors ?? false,
      );
      if (d.authors.some((author) => author.other)) {
        addNames(
          "translatedauthor",
          d.authors.map((author) => author.other ?? author.main),
        );
      }
      addNames(
        "editor",
        d.editors.map((editor) => editor.main),
      );
      addNames(
        "translator",
        d.translators.map((translator) => translator.main),
      );
      addNames(
        "supervisor",
        d.supervisors.map((supervisor) => supervisor.main),
      );
      add("title", d.title.main);
      add("origtitle", d.title.other);
      if (type === "BOOK_CHAPTER" || type === "CONFERENCE_PAPER") add("booktitle", d.container.main);
      else if (type === "BOOK" || type === "THESIS" || type === "REPORT")
        add(biblatex ? "maintitle" : "series", d.container.main);
      else add(biblatex ? "journaltitle" : "journal", d.container.main);
      add("origjournaltitle", d.container.other);
      if (type === "THESIS") add(biblatex ? "institution" : "school", item.publisher);
      else if (type === "REPORT") add("institution", item.publisher);
      else add("publisher", item.publisher);
      // A patent's place is its country (BibLaTeX's @patent `location`).
      add(biblatex ? "location" : "address", type === "PATENT" ? item.jurisdiction : item.publisherPlace);
      add("edition", item.edition);
      add("eventtitle", item.eventTitle);
      add("venue", item.eventPlace);
      add("eventdate", item.eventDate);
      // `type` is the degree or report kind; for the types an entry type cannot say (a standard or, in plain
      // BibTeX, a patent, web page, dataset or preprint) it names the type, as biblatex-gb7714 and this app read it.
      const marker: Partial<Record<ItemType, string>> = biblatex
        ? { STANDARD: "standard" }
        : { STANDARD: "standard", PATENT: "patent", WEB_PAGE: "webpage", DATASET: "dataset", PREPRINT: "preprint" };
      add("type", marker[type] ?? item.genre);
      if (type === "NEWSPAPER_ARTICLE") add("entrysubtype", "newspaper");
      add("year", item.year !== null ? String(item.year) : null);
      add("date", item.issuedDate);
      add("volume", item.volume);
      // An article's number is its issue; a report's, standard's or patent's its own number.
      if (type === "REPORT" || type === "STANDARD" || type === "PATENT") add("number", item.number);
      else add("number", item.issue);
      // A preprint's number is its e-print identifier (arXiv, SSRN …).
      if (type === "PREPRINT") add("eprint", item.number);
      if (type === "DATASET") add("number", item.number);
      if (present(item.pages)) add("pages", item.pages.replace(/\s*[-–—~～]\s*/g, "--"));
      if (present(item.doi)) fields.push(["doi", verbatimValue(item.doi)]);
      if (present(item.url)) fields.push(["url", verbatimValue(item.url)]);
      add("urldate", item.accessedDate);
      add(biblatex ? "langid" : "language", item.language ? (LANGID[item.language] ?? item.language) : null);
      add("issn", d.issn);
      add("isbn", d.isbn);
      add("pmid", d.pmid);
      if (d.keywords.length) add("keywords", d.keywords.join(", "));
      add("abstract", d.abstract.main);
      add("origabstract", d.abstract.other);
      if (d.affiliations.length) add("affiliation", d.affiliations.join("; "));
      add("funding", item.funding);
      const entryType = biblatex ? names.biblatex : names.bibtex;
      const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(",\n");
      return `@${entryType}{${keys[index]},\n${body}\n}\n`;
    })
    .join("\n");
}

// ------------------------------------------------------------------------------------------------ CSL-JSON

/** What CSL-JSON has no variable for, carried in `note` as one JSON line this app reads back. */
export interface CslExtras {
  otherAbstract?: string;
  otherNames?: (string | null)[];
  affiliations?: string[][];
  supervisors?: string[];
  moreAuthors?: boolean;
}

export const CSL_EXTRAS_PREFIX = "huitong: ";

/**
 * CSL-JSON (Zotero, pandoc, citeproc): the lib/bibliography mapping, with the values as stored (issue and
 * pages not retypeset), plus abstract, keywords, ISSN/ISBN, original-title and original-container-title,
 * and in `note` the funding ("Funding: …", as Zotero's Extra writes it) and one line of what CSL cannot hold.
 */
export function formatCslJson(items: ReferenceItem[]): string {
  const out = items.map((item) => {
    const d = describe(item);
    const { moreAuthors: _moreAuthors, ...cited } = toCslItem(item);
    // "More authors" travels in the note's extras below: CSL-JSON has no variable for it.
    const csl: Record<string, unknown> = { ...cited };
    // The citation mapping passes only the fields a style prints for the type; an export keeps every stored one.
    const date = (value: string | null | undefined) => {
      const match = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim()) : null;
      return match ? { "date-parts": [match.slice(1).filter(Boolean).map(Number)] } : undefined;
    };
    const keep = (variable: string, value: unknown) => {
      if (csl[variable] === undefined && value !== undefined && value !== null && value !== "") csl[variable] = value;
    };
    keep("container-title", d.container.main);
    const issued = date(item.issuedDate);
    if (issued) csl.issued = issued;
    keep("accessed", date(item.accessedDate));
    keep("URL", item.url);
    keep("genre", item.genre);
    keep("publisher", item.publisher);
    keep("publisher-place", item.publisherPlace);
    keep(item.itemType === "DATASET" ? "version" : "edition", item.edition);
    keep("event-title", item.eventTitle);
    keep("event-place", item.eventPlace);
    keep("event-date", date(item.eventDate) ?? (item.eventDate ? { literal: item.eventDate } : undefined));
    keep("number", item.number);
    keep("jurisdiction", item.jurisdiction);
    if (present(item.issue)) csl.issue = item.issue.trim();
    if (present(item.pages)) csl.page = item.pages.trim();
    if (present(item.language)) csl.language = item.language;
    if (d.title.other) csl["original-title"] = d.title.other;
    if (d.container.other) csl["original-container-title"] = d.container.other;
    if (d.abstract.main) csl.abstract = d.abstract.main;
    if (d.keywords.length) csl.keyword = d.keywords.join(", ");
    if (d.issn) csl.ISSN = d.issn;
    if (d.isbn) csl.ISBN = d.isbn;
    if (d.pmid) csl.PMID = d.pmid;
    const extras: CslExtras = {};
    if (d.abstract.other) extras.otherAbstract = d.abstract.other;
    if (d.authors.some((author) => author.other)) extras.otherNames = d.authors.map((author) => author.other);
    if (d.authors.some((author) => author.affiliations.length))
      extras.affiliations = d.authors.map((a) => a.affiliations);
    if (d.supervisors.length) extras.supervisors = d.supervisors.map((supervisor) => supervisor.main);
    if (item.moreAuthors) extras.moreAuthors = true;
    const note = [
      ...(present(item.funding) ? [`Funding: ${item.funding.replace(/\s*\n\s*/g, " ")}`] : []),
      ...(Object.keys(extras).length ? [`${CSL_EXTRAS_PREFIX}${JSON.stringify(extras)}`] : []),
    ];
    if (note.length) csl.note = note.join("\n");
    return csl;
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The EndNote name of the item's type, as the CSV's type column writes it (readable, and read back). */
export function typeName(type: ItemType): string {
  return endnoteTypeOf(type);
}
