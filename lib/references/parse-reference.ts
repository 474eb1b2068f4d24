// Turns one printed reference string into structured fields. GB/T 7714 (both the 2015 standard and the
// looser forms journals and scrapes print), Chinese 注释-style notes (《题名》,《期刊》2020年第5期), APA and a
// Chicago/MLA-like fallback. A field is filled only when the string prints it: when nothing can be read the
// reference keeps its raw text with type "unknown", so a list is never shortened and nothing is made up.

export const REFERENCE_TYPES = [
  "journal",
  "book",
  "thesis",
  "conference",
  "newspaper",
  "online",
  "report",
  "standard",
  "patent",
  "other",
  "unknown",
] as const;

export type ReferenceType = (typeof REFERENCE_TYPES)[number];

export interface ParsedReference {
  /** The reference as printed, with its line breaks joined. */
  raw: string;
  /** The number the list gives it ([3], 3., ③), or null for an unnumbered list. */
  number: number | null;
  type: ReferenceType;
  /** The GB/T 7714 type code as printed (J, M, EB/OL …), or null. */
  typeCode: string | null;
  authors: string[];
  /** The author list ends in 等 / et al. */
  etAl: boolean;
  title: string | null;
  /** Journal, newspaper, the collection a chapter or paper appeared in, or the website. */
  container: string | null;
  editors: string[];
  edition: string | null;
  place: string | null;
  publisher: string | null;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  /** A full date as printed (newspaper day, online publication, patent announcement). */
  date: string | null;
  /** The date an online source was consulted ([引用日期]). */
  accessed: string | null;
  url: string | null;
  doi: string | null;
  /** Which script the reference is written in: decides the zh/en field it fills when added as an item. */
  language: "zh" | "en";
}

const TYPE_CODES: Record<string, ReferenceType> = {
  J: "journal",
  M: "book",
  D: "thesis",
  C: "conference",
  A: "conference",
  G: "conference",
  N: "newspaper",
  EB: "online",
  DB: "online",
  CP: "online",
  R: "report",
  S: "standard",
  P: "patent",
  Z: "other",
  K: "other",
};

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿";

/** Leading list markers: [12] 12. 12、 (12) ⑫ — the number and where the reference text starts. */
export function splitMarker(text: string): { number: number | null; rest: string } {
  const trimmed = text.trim();
  const bracket = /^[[［〔](\d{1,4})[\]］〕]\s*/.exec(trimmed);
  if (bracket) return { number: Number(bracket[1]), rest: trimmed.slice(bracket[0].length) };
  const paren = /^[(（](\d{1,4})[)）]\s*/.exec(trimmed);
  if (paren) return { number: Number(paren[1]), rest: trimmed.slice(paren[0].length) };
  // "12. Title" but not "2020. Title" (a year) and not "1.5 million".
  const dotted = /^(\d{1,3})(?:[.．、]\s*|\s+)(?=\D)/.exec(trimmed);
  if (dotted) return { number: Number(dotted[1]), rest: trimmed.slice(dotted[0].length) };
  const circled = CIRCLED.indexOf(trimmed.charAt(0));
  if (circled >= 0) return { number: circled + 1, rest: trimmed.slice(1).trim() };
  return { number: null, rest: trimmed };
}

/** Full-width punctuation to ASCII, runs of spaces to one: the forms journals and scrapes mix freely. */
export function normalizePunctuation(text: string): string {
  return text
    .replace(/，/g, ",")
    .replace(/[．。]/g, ".")
    .replace(/：/g, ":")
    .replace(/；/g, ";")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[［【]/g, "[")
    .replace(/[］】]/g, "]")
    .replace(/／/g, "/")
    .replace(/[　\s]+/g, " ")
    .replace(/\(\s+/g, "(")
    .replace(/\s+\)/g, ")")
    .replace(/\[\s+/g, "[")
    .replace(/\s+\]/g, "]")
    .trim();
}

function empty(raw: string, number: number | null): ParsedReference {
  return {
    raw,
    number,
    type: "unknown",
    typeCode: null,
    authors: [],
    etAl: false,
    title: null,
    container: null,
    editors: [],
    edition: null,
    place: null,
    publisher: null,
    year: null,
    volume: null,
    issue: null,
    pages: null,
    date: null,
    accessed: null,
    url: null,
    doi: null,
    language: /[\u3400-\u9fff]/.test(raw) ? "zh" : "en",
  };
}

const DOI = /(?:https?:\/\/(?:dx\.)?doi\.org\/|\bdoi:?\s*)?(10\.\d{4,9}\/[^\s"<>，。]+)/i;
const URL = /https?:\/\/[^\s"<>，。]+/i;

function trimEnd(value: string): string {
  return value.replace(/[\s.,;:。，]+$/u, "");
}

function clean(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value
    .trim()
    .replace(/^[\s.,;:]+/, "")
    .replace(/[\s.,;:]+$/, "")
    .trim();
  return trimmed ? trimmed : null;
}

function yearOf(value: string | null | undefined): number | null {
  const match = value ? /(?:^|\D)(1[5-9]\d{2}|20\d{2})(?!\d)/.exec(value) : null;
  return match ? Number(match[1]) : null;
}

/** Reads one reference. `text` may still carry its list marker and its line breaks. */
export function parseReference(text: string, numberHint: number | null = null): ParsedReference {
  // A word hyphenated at a line end is one word again; other breaks are joined by joinGlue.
  const unhyphenated = text.replace(/([a-z])-[ \t]*\n\s*(?=[a-z])/g, "$1");
  const joined = unhyphenated.replace(/\s*\n\s*/g, (_, offset: number) => joinGlue(unhyphenated, offset)).trim();
  const { number, rest } = splitMarker(joined);
  const raw = rest;
  const base = empty(raw, number ?? numberHint);
  if (!raw) return base;

  let body = normalizePunctuation(raw);
  const doiMatch = DOI.exec(body);
  if (doiMatch) {
    base.doi = trimEnd(doiMatch[1]!);
    body = trimEnd(body.slice(0, doiMatch.index) + body.slice(doiMatch.index + doiMatch[0].length));
  }
  const urlMatch = URL.exec(body);
  if (urlMatch) {
    base.url = trimEnd(urlMatch[0]);
    body = trimEnd(body.slice(0, urlMatch.index) + " " + body.slice(urlMatch.index + urlMatch[0].length));
  }
  body = body.replace(/\s*\.\s*$/, "").trim();

  const parsed =
    parseGbt(body, base) ?? parseChineseNote(body, base) ?? parseApa(body, base) ?? parseQuoted(body, base);
  if (parsed) return parsed;
  // Something we cannot read: only what is unmistakable (a DOI, a link) is kept next to the raw text.
  return base;
}

function joinGlue(text: string, offset: number): string {
  const before = text.slice(0, offset).trimEnd().slice(-1);
  const after = text.slice(offset).trimStart().charAt(0);
  // CJK on either side: the break was only layout.
  if (/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/.test(before + after)) return "";
  if (before === "/" || after === "/") return "";
  return " ";
}

// ─────────────── GB/T 7714 ───────────────

const TYPE_CODE = /\[([A-Z]{1,2})(?:\/(OL|CD|MT|DK))?\]/;

function parseGbt(body: string, base: ParsedReference): ParsedReference | null {
  const code = TYPE_CODE.exec(body);
  if (!code || !(code[1]! in TYPE_CODES)) return null;
  const result: ParsedReference = { ...base, typeCode: code[2] ? `${code[1]}/${code[2]}` : code[1]! };
  result.type = code[2] === "OL" && code[1] === "EB" ? "online" : TYPE_CODES[code[1]!]!;
  const head = body.slice(0, code.index).trim();
  let tail = body.slice(code.index + code[0].length).trim();

  const { authors, etAl, title } = splitAuthorsTitle(head);
  result.authors = authors;
  result.etAl = etAl;
  result.title = title;

  // Online sources: (published)[accessed] dates, in that order, right after the code.
  const online = /^\.?\s*(?:\((\d{4}(?:-\d{1,2}){0,2})\))?\s*(?:\[(\d{4}(?:-\d{1,2}){0,2})\])?/.exec(tail);
  if (online && (online[1] || online[2])) {
    result.date = online[1] ?? null;
    result.accessed = online[2] ?? null;
    tail = tail.slice(online[0].length).trim();
  }
  tail = tail.replace(/^[.\s]+/, "").trim();

  if (result.type === "patent") {
    // 专利题名: 专利号[P]. 公告日期 — the number belongs with the title before the code.
    result.date = clean(/(\d{4}-\d{1,2}-\d{1,2})/.exec(tail)?.[1]);
    result.year = yearOf(result.date);
    return result;
  }
  if (result.type === "newspaper") {
    const newspaper = /^(.+?),\s*(\d{4}(?:-\d{1,2}){0,2})\s*(?:\(([^)]+)\))?/.exec(tail);
    if (newspaper) {
      result.container = clean(newspaper[1]);
      result.date = newspaper[2]!;
      result.pages = clean(newspaper[3]);
      result.year = yearOf(newspaper[2]);
    }
    return result;
  }
  if (result.type === "journal") {
    readJournalTail(tail, result);
    return result;
  }
  if (tail.startsWith("//")) {
    readHost(tail.slice(2).trim(), result);
    return result;
  }
  if (result.type === "online") {
    // What follows the dates of an online source is the site or its owner, sometimes with a year.
    const site = clean(tail.replace(/,?\s*\d{4}(?:-\d{1,2}){0,2}\s*$/, ""));
    result.container = site;
    result.year = yearOf(result.date) ?? yearOf(tail);
    return result;
  }
  readPublication(tail, result);
  return result;
}

/**
 * Authors end at the first full stop that is not inside a number ("2.0") and not an initial followed by more
 * names ("Smith J., Brown K."); in "SMITH J, et al. Title" it is the full stop of "et al." itself.
 */
function splitAuthorsTitle(head: string): { authors: string[]; etAl: boolean; title: string | null } {
  const stops = /\.(?!\d)(?!\s*,)(?!\s?[A-Z]\.)\s*/g;
  const stop = stops.exec(head);
  if (!stop) return { authors: [], etAl: false, title: clean(head) };
  let names = head.slice(0, stop.index);
  const etAl = /(?:,\s*)?(?:\bet al|等)\s*$/i.exec(names);
  if (etAl) names = names.slice(0, etAl.index);
  const authors = splitNames(names);
  // A "name" of more than a few dozen characters is a title that contains a full stop.
  if ((authors.length === 0 && !etAl) || authors.some((name) => name.length > 40)) {
    return { authors: [], etAl: false, title: clean(head) };
  }
  return { authors, etAl: Boolean(etAl), title: clean(head.slice(stop.index + stop[0].length)) };
}

function splitNames(names: string): string[] {
  return names
    .split(/\s*[,;、]\s*|\s+and\s+|\s*&\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** "Journal, 2020, 27(05): 81-87" and its variants with a missing volume, issue or pages. */
function readJournalTail(tail: string, result: ParsedReference): void {
  const match =
    /^(.+?),\s*((?:1[5-9]|20)\d{2})[a-z]?\s*(?:,\s*([^(:,]*?))?\s*(?:\(([^)]*)\))?\s*(?::\s*([^.]+?))?\s*(?:\.|$)/.exec(
      tail,
    );
  if (!match) {
    result.container = clean(tail.split(/[,.]/)[0]);
    result.year = yearOf(tail);
    return;
  }
  result.container = clean(match[1]);
  result.year = Number(match[2]);
  result.volume = clean(match[3]);
  result.issue = clean(match[4]);
  result.pages = clean(match[5]?.replace(/\s+/g, ""));
}

/** "Place: Publisher, 2017: 12-15", with an edition ("2版.", "2nd ed.") in front. */
function readPublication(tail: string, result: ParsedReference): void {
  let rest = tail;
  const edition = /^(\d+\s*版|[^.]{0,12}?\d+(?:st|nd|rd|th)\s+ed)\.?\s*/i.exec(rest);
  if (edition) {
    result.edition = clean(edition[1]);
    rest = rest.slice(edition[0].length);
  }
  const pub = /^(?:([^:,]+?)\s*:\s*)?([^:]+?)\s*,\s*((?:1[5-9]|20)\d{2})[^:]*?(?::\s*([^.]+?))?\s*(?:\.|$)/.exec(rest);
  if (pub) {
    result.place = clean(pub[1]);
    result.publisher = clean(pub[2]);
    result.year = Number(pub[3]);
    result.pages = clean(pub[4]?.replace(/\s+/g, ""));
    return;
  }
  result.year = yearOf(rest);
}

/** The host of a chapter or a conference paper: "Editors. Collection title. Place: Publisher, year: pages". */
function readHost(host: string, result: ParsedReference): void {
  const segments = host.split(/\.(?!\d)\s*/).filter((segment) => segment.trim());
  const pubAt = segments.findIndex((segment) => /,\s*(?:1[5-9]|20)\d{2}/.test(segment) && segment.includes(":"));
  const before = pubAt >= 0 ? segments.slice(0, pubAt) : segments;
  if (before.length >= 2) {
    result.editors = splitNames(before[0]!.replace(/\s*(主编|编|等编|eds?\.?)\s*$/i, ""));
    result.container = clean(before.slice(1).join(". "));
  } else {
    result.container = clean(before[0]);
  }
  if (pubAt >= 0) readPublication(segments.slice(pubAt).join(". "), result);
  else result.year = yearOf(host);
}

// ─────────────── Chinese 注释 style: 作者:《题名》,《期刊》2020年第5期 ───────────────

function parseChineseNote(body: string, base: ParsedReference): ParsedReference | null {
  const title = /《([^》]+)》/.exec(body);
  if (!title) return null;
  const result: ParsedReference = { ...base, type: "other" };
  const authorPart = body.slice(0, title.index).replace(/[:,\s]+$/, "");
  result.authors = splitNames(authorPart.replace(/(主编|编著|著|等)$/, ""));
  result.etAl = /等$/.test(authorPart);
  result.title = title[1]!.trim();
  const after = body.slice(title.index + title[0].length);
  const container = /^[,\s]*(?:载)?《([^》]+)》/.exec(after);
  const year = /(\d{4})\s*年/.exec(after);
  result.year = year ? Number(year[1]) : null;
  const pages = /第\s*([\d\-–~,]+)\s*页/.exec(after);
  result.pages = pages ? pages[1]! : null;
  if (container) {
    result.container = container[1]!.trim();
    const issue = /第\s*(\d+)\s*期/.exec(after);
    const volume = /第\s*(\d+)\s*卷/.exec(after);
    const day = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(after);
    if (issue || volume) {
      result.type = "journal";
      result.issue = issue ? issue[1]! : null;
      result.volume = volume ? volume[1]! : null;
    } else if (day) {
      result.type = "newspaper";
      result.date = `${day[1]}-${day[2]!.padStart(2, "0")}-${day[3]!.padStart(2, "0")}`;
    }
    return result;
  }
  const book = /^[,\s]*(?:([^:,]+?)\s*:\s*)?([^,:\d]+?)\s*,?\s*(\d{4})\s*年\s*版/.exec(after);
  if (book) {
    result.type = "book";
    result.place = clean(book[1]);
    result.publisher = clean(book[2]);
  }
  return result;
}

// ─────────────── APA: Author, A. A., & Author, B. (2020). Title. Journal, 27(5), 81–87. ───────────────

function parseApa(body: string, base: ParsedReference): ParsedReference | null {
  const match = /^(.+?)\s*\((\d{4})[a-z]?(?:,\s*([^)]*))?\)\.?\s*(.+)$/.exec(body);
  // Authors are names and initials only: a quoted title or a volume before the year means another style.
  if (!match || !/[A-Za-z]/.test(match[1]!) || /["“”\d]/.test(match[1]!)) return null;
  const result: ParsedReference = { ...base, type: "other" };
  const { authors, etAl } = apaAuthors(match[1]!);
  result.authors = authors;
  result.etAl = etAl;
  result.year = Number(match[2]);
  if (match[3]) result.date = clean(match[3]);
  const rest = match[4]!;
  // The title ends at the first sentence end followed by a capitalised word (the journal or publisher).
  const titleEnd = /[.?!](?=\s+(?:[A-Z\u3400-\u9fff]|In\s))/.exec(rest);
  const title = titleEnd ? rest.slice(0, titleEnd.index + (titleEnd[0] === "." ? 0 : 1)) : rest;
  result.title = clean(title);
  const source = titleEnd ? rest.slice(titleEnd.index + 1).trim() : "";
  if (!source) return result;
  const journal = /^(.+?),\s*(\d+)\s*(?:\(([^)]+)\))?\s*(?:,\s*([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?))?/.exec(
    source,
  );
  if (journal) {
    result.type = "journal";
    result.container = clean(journal[1]);
    result.volume = journal[2]!;
    result.issue = clean(journal[3]);
    result.pages = journal[4] ? journal[4].replace(/\s+/g, "") : null;
    return result;
  }
  const chapter = /^In\s+(.+?)\s*\((?:Eds?\.?)\),\s*(.+?)\s*\(pp?\.\s*([^)]+)\)\.\s*(.+)$/i.exec(source);
  if (chapter) {
    result.type = "book";
    result.editors = splitNames(chapter[1]!);
    result.container = clean(chapter[2]);
    result.pages = clean(chapter[3]);
    result.publisher = clean(chapter[4]);
    return result;
  }
  // Title. Publisher. — a book, when what follows is a single name-like segment.
  if (!/\d/.test(source)) {
    result.type = "book";
    result.publisher = clean(source);
  }
  return result;
}

function apaAuthors(text: string): { authors: string[]; etAl: boolean } {
  let names = text.trim();
  const etAl = /,?\s*(?:et al\.?|\.\.\.)\s*$/i.test(names);
  names = names.replace(/,?\s*(?:et al\.?|\.\.\.)\s*$/i, "");
  const tokens = names
    .replace(/,?\s*&\s*/g, ", ")
    .replace(/,?\s+and\s+/g, ", ")
    .split(/\s*,\s*/)
    .filter(Boolean);
  const authors: string[] = [];
  for (const token of tokens) {
    // Initials ("A. A.", "J.-P.") belong to the surname before them.
    if (/^(?:[A-Z][a-z]?\.\s*-?\s*)+$/.test(token.trim()) && authors.length > 0) {
      authors[authors.length - 1] = `${authors[authors.length - 1]}, ${token.trim()}`;
    } else {
      authors.push(token.trim());
    }
  }
  return { authors, etAl };
}

// ─────────────── Chicago / MLA: Surname, First. "Title." Journal 27, no. 5 (2020): 81–87. ───────────────

function parseQuoted(body: string, base: ParsedReference): ParsedReference | null {
  const quoted = /["“]([^"”]+)["”]/.exec(body);
  if (!quoted) return null;
  const result: ParsedReference = { ...base, type: "other" };
  const authorPart = body.slice(0, quoted.index).trim().replace(/\.$/, "");
  const etAl = /,?\s*et al\.?$/i.exec(authorPart);
  result.etAl = Boolean(etAl);
  const names = etAl ? authorPart.slice(0, etAl.index) : authorPart;
  // "Surname, First, and First Surname": the first author is inverted, the others are not.
  const parts = names.split(/,?\s+and\s+|\s*;\s*/).filter(Boolean);
  result.authors = parts.flatMap((part, index) => {
    if (index > 0) return part.split(/\s*,\s*/).filter(Boolean);
    const pieces = part.split(/\s*,\s*/);
    return pieces.length === 2 ? [`${pieces[0]}, ${pieces[1]}`] : pieces.filter(Boolean);
  });
  result.title = clean(quoted[1]!.replace(/[,.]$/, ""));
  const after = body.slice(quoted.index + quoted[0].length).trim();
  const containerMatch = /^([^,0-9(]+?)(?=\s*(?:,|\d|\(|vol\.|$))/.exec(after);
  result.container = clean(containerMatch?.[1]);
  const volume = /\bvol\.\s*(\d+)/i.exec(after) ?? /^[^,0-9(]+?\s(\d+)(?=\s*(?:,|\(|$))/.exec(after);
  const issue = /\bno\.\s*(\d+)/i.exec(after);
  const pages = /\bpp?\.\s*(\d+(?:\s*[-–]\s*\d+)?)/i.exec(after) ?? /\):\s*(\d+(?:\s*[-–]\s*\d+)?)/.exec(after);
  result.volume = volume ? volume[1]! : null;
  result.issue = issue ? issue[1]! : null;
  result.pages = pages ? pages[1]!.replace(/\s+/g, "") : null;
  result.year = yearOf(after);
  if (result.volume || result.issue) result.type = "journal";
  return result;
}
