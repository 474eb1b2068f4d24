// CSV and TSV exports (ASReview, Rayyan, Covidence, Scopus, Web of Science, Excel sheets, this app's own
// export). A spreadsheet has no standard columns, so each column is mapped onto a reference field: guessed from
// its header (in English and Chinese, with the layouts of the common tools recognised), shown in the preview,
// and changeable there; the commit parses the file again with the mapping the user confirmed.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { en as transferEn, zh as transferZh } from "@/lib/i18n/sections/transfer";
import { CSV_TARGETS, type CsvLayout, type CsvTarget, type CsvTool } from "./parse-csv-targets";
import { isoDate } from "./parse-tagged";
import { collapseSpaces, dropEtAl, emptyRecord, splitAuthors, splitList, type SourceRecord } from "./source-record";

export { CSV_TARGETS, type CsvLayout, type CsvTarget, type CsvTool } from "./parse-csv-targets";

export const csvMappingSchema = z.array(z.enum(CSV_TARGETS)).max(500);

/** The mapping a form sends as JSON, or undefined when absent; a malformed one is refused by name. */
export function csvMappingFromForm(value: FormDataEntryValue | null): CsvTarget[] | undefined {
  if (typeof value !== "string" || !value) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    throw new AppError("INVALID_INPUT", "csvMapping is not JSON");
  }
  const parsed = csvMappingSchema.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "csvMapping names an unknown field");
  return parsed.data;
}

// Header → field, compared lower-cased with spaces, dots and underscores folded. The first match wins, so
// more specific headers come first (WoS's "AF" full names before "AU" short ones).
const HEADER_TARGETS: [CsvTarget, string[]][] = [
  [
    "title",
    ["title", "article title", "document title", "ti", "primary title", "题名", "标题", "篇名", "中文标题", "中文题名"],
  ],
  [
    "otherTitle",
    ["translated title", "english title", "original title", "英文题名", "英文标题", "英文篇名", "其他语言标题"],
  ],
  ["authors", ["authors", "author", "af", "au", "author full names", "作者", "著者"]],
  ["translatedAuthors", ["translated authors", "english authors", "英文作者", "作者英文名"]],
  [
    "journal",
    [
      "journal",
      "source title",
      "source",
      "so",
      "publication title",
      "journal/book",
      "secondary title",
      "刊名",
      "来源",
      "期刊",
      "文献来源",
      "期刊/会议/书名",
    ],
  ],
  ["year", ["year", "publication year", "py", "published year", "pubyear", "年", "年份", "出版年", "发表年份"]],
  ["date", ["date", "publication date", "pd", "pubdate", "日期", "发表时间", "出版日期"]],
  ["volume", ["volume", "vl", "卷"]],
  ["issue", ["issue", "is", "number", "期"]],
  ["pages", ["pages", "page", "页码", "页"]],
  ["startPage", ["page start", "start page", "bp", "起始页"]],
  ["endPage", ["page end", "end page", "ep", "结束页"]],
  ["doi", ["doi", "di"]],
  ["abstract", ["abstract", "ab", "摘要", "中文摘要"]],
  ["otherAbstract", ["translated abstract", "english abstract", "英文摘要"]],
  ["keywords", ["keywords", "author keywords", "de", "keyword", "关键词", "关键字"]],
  ["issn", ["issn", "sn", "eissn"]],
  ["isbn", ["isbn", "bn"]],
  ["url", ["url", "link", "链接", "网址"]],
  [
    "type",
    ["type", "document type", "dt", "publication type", "pt", "item type", "reference type", "文献类型", "类型"],
  ],
  ["publisher", ["publisher", "pu", "出版社", "出版者", "机构"]],
  ["language", ["language", "language of original document", "la", "语言", "语种"]],
  ["affiliations", ["affiliations", "addresses", "c1", "affiliation", "单位", "作者单位", "机构单位"]],
  ["funding", ["funding details", "funding text", "funding", "fu", "fx", "基金", "资助", "基金资助"]],
  ["pmid", ["pmid", "pubmed id", "pm"]],
];

function fold(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[._]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\s*\(.*\)$/, "");
}

/** Own headers keep their parentheses: "Authors (other script)" is not "Authors". */
function foldOwn(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** This app's own CSV columns (lib/export/items.ts) → fields, so its exports come back with every column mapped. */
const OWN_COLUMNS: Record<string, CsvTarget> = {
  titleZh: "title",
  titleEn: "otherTitle",
  itemType: "type",
  authors: "authors",
  authorsOther: "translatedAuthors",
  affiliations: "affiliations",
  editors: "editors",
  translators: "translators",
  supervisors: "supervisors",
  journalZh: "journal",
  journalEn: "otherJournal",
  year: "year",
  issuedDate: "date",
  volume: "volume",
  issue: "issue",
  pages: "pages",
  doi: "doi",
  url: "url",
  accessedDate: "accessedDate",
  publisher: "publisher",
  publisherPlace: "publisherPlace",
  edition: "edition",
  genre: "genre",
  eventTitle: "eventTitle",
  eventPlace: "eventPlace",
  eventDate: "eventDate",
  number: "number",
  jurisdiction: "jurisdiction",
  language: "language",
  issn: "issn",
  isbn: "isbn",
  keywords: "keywords",
  abstractZh: "abstract",
  abstractEn: "otherAbstract",
  funding: "funding",
  // The older single-language columns of earlier exports.
  journal: "journal",
  abstract: "abstract",
};

// Headers in both languages, as the export writes them.
const HUITONG_HEADERS: Record<string, CsvTarget> = Object.fromEntries(
  [transferZh.csvColumns, transferEn.csvColumns].flatMap((columns) =>
    Object.entries(columns).flatMap(([column, header]) =>
      OWN_COLUMNS[column] ? [[foldOwn(header), OWN_COLUMNS[column]!] as const] : [],
    ),
  ),
);

function guessTarget(header: string, tool: CsvTool | null, used: Set<CsvTarget>): CsvTarget {
  const key = fold(header);
  if (tool === "scopus" && key === "authors") return "authors";
  if (tool === "scopus" && key === "author full names") return "ignore";
  if (tool === "wos" && key === "au" && used.has("authors")) return "ignore";
  // WoS's PT is a one-letter code (J, B, S, P); DT names the document type.
  if (tool === "wos" && key === "pt") return "ignore";
  const own = tool === "huitong" ? HUITONG_HEADERS[foldOwn(header)] : undefined;
  if (own) return used.has(own) ? "ignore" : own;
  for (const [target, names] of HEADER_TARGETS) {
    if (names.includes(key) && !used.has(target)) return target;
  }
  return "ignore";
}

function detectTool(headers: string[]): CsvTool | null {
  const set = new Set(headers.map(fold));
  if (set.has("record id") || set.has("label included") || set.has("included") || set.has("asreview ranking")) {
    return "asreview";
  }
  if (set.has("covidence #") || set.has("published year")) return "covidence";
  if (set.has("eid") || (set.has("source title") && set.has("link") && set.has("authors"))) return "scopus";
  if ((set.has("ut") && set.has("pt")) || set.has("ut (unique wos id)") || set.has("article title")) return "wos";
  if (set.has("key") && set.has("notes") && set.has("authors") && set.has("journal")) return "rayyan";
  if (set.has(fold(transferZh.csvColumns.titleZh)) || set.has(fold(transferEn.csvColumns.titleZh))) return "huitong";
  return null;
}

/** The delimiter of the header line: the most frequent of , ; and tab outside quotes. */
function detectDelimiter(firstLine: string): CsvLayout["delimiter"] {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [CsvLayout["delimiter"], number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ",";
}

/** Whether a text looks like a table whose header names a title column (used by format detection). */
export function looksLikeCsv(text: string): boolean {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/^sep=.\r?\n/i, "")
    .split(/\r?\n/, 2);
  const header = lines[0] ?? "";
  const delimiter = detectDelimiter(header);
  const cells = header.split(delimiter).map((cell) => fold(cell.replace(/^"|"$/g, "")));
  if (cells.length < 2) return false;
  const titles = HEADER_TARGETS.find(([target]) => target === "title")![1];
  return cells.some((cell) => titles.includes(cell) || HUITONG_HEADERS[cell] === "title");
}

/** Excel writes ="0123" to keep a value as text and prefixes ' for the same reason. */
function cleanCell(value: string | undefined): string {
  if (value === undefined) return "";
  return value
    .replace(/^="(.*)"$/s, "$1")
    .replace(/^'(?=[=+\-@\d])/, "")
    .trim();
}

export function parseCsvLayout(
  text: string,
  mapping?: CsvTarget[],
): { layout: CsvLayout; rows: { line: number; cells: string[] }[] } {
  let body = text.replace(/^\uFEFF/, "");
  let lineOffset = 0;
  // Excel's "sep=;" first line names the delimiter.
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    body = body.slice(sep[0].length);
    lineOffset = 1;
  }
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (sep?.[1] as CsvLayout["delimiter"] | undefined) ?? detectDelimiter(firstLine);
  const records = parse(body, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...rest] = records;
  const headers = (head?.record ?? []).map((cell) => cleanCell(cell));
  const tool = detectTool(headers);
  let guessed: CsvTarget[];
  if (mapping && mapping.length === headers.length) guessed = mapping;
  else {
    const used = new Set<CsvTarget>();
    guessed = headers.map((header) => {
      const target = guessTarget(header, tool, used);
      if (target !== "ignore") used.add(target);
      return target;
    });
  }
  // Web of Science gives short names (AU) and full names (AF); the full ones are kept.
  if (!mapping && tool === "wos") {
    const folded = headers.map(fold);
    const full = folded.indexOf("af");
    const short = folded.indexOf("au");
    if (full >= 0 && short >= 0) {
      guessed[short] = "ignore";
      guessed[full] = "authors";
    }
  }
  // csv-parse counts the line where a record ends; a record's first line is one after the previous end.
  let previousEnd = head?.info.lines ?? 1;
  const rows = rest.map(({ record, info }) => {
    const row = { line: previousEnd + 1 + lineOffset, cells: record.map(cleanCell) };
    previousEnd = info.lines;
    return row;
  });
  const sample = rows[0]?.cells ?? [];
  return { layout: { delimiter, headers, mapping: guessed, tool, sample }, rows };
}

/** One author cell → names: "; " (Scopus, WoS, Covidence, this app), " and " (Rayyan), or Scopus's old ", ". */
function splitAuthorCell(value: string): string[] {
  if (/[;；]/.test(value)) return splitList(value, /[;；]+/);
  if (/\p{Script=Han}/u.test(value)) return splitAuthors(value, true);
  if (/\s+and\s+/i.test(value))
    return value
      .split(/\s+and\s+/i)
      .map((name) => name.trim())
      .filter(Boolean);
  // "Smith J., Doe A.B." — surnames with initials, separated by commas.
  if (/^[^,]+ (?:\p{Lu}\.?-?)+(?:, [^,]+ (?:\p{Lu}\.?-?)+)+$/u.test(value)) return splitList(value, /,\s*/);
  return value.trim() ? [value.trim()] : [];
}

export function parseCsv(text: string, mapping?: CsvTarget[]): { records: SourceRecord[]; layout: CsvLayout } {
  const { layout, rows } = parseCsvLayout(text, mapping);
  const records = rows
    .filter((row) => row.cells.some((cell) => cell !== ""))
    .map(({ line, cells }) => {
      const record = emptyRecord(line);
      const columns = (target: CsvTarget) =>
        layout.mapping.flatMap((mapped, index) => (mapped === target && cells[index] ? [cells[index]!] : []));
      const one = (target: CsvTarget) => {
        const value = columns(target)[0];
        return value ? collapseSpaces(value) || null : null;
      };
      const at = (target: CsvTarget) => {
        const index = layout.mapping.indexOf(target);
        return index >= 0 ? { line, name: layout.headers[index] ?? target } : undefined;
      };
      record.title = one("title");
      if (record.title) record.fieldLines.title = at("title");
      else record.fieldLines.title = at("title");
      record.otherTitle = one("otherTitle");
      const authors = dropEtAl(columns("authors").flatMap(splitAuthorCell));
      record.authors = authors.names;
      record.etAl = authors.etAl;
      record.translatedAuthors = columns("translatedAuthors").flatMap(splitAuthorCell);
      record.journal = one("journal");
      record.year = one("year");
      const date = one("date");
      if (date) {
        record.date = isoDate(date);
        record.year ??= date;
      }
      const yearLine = at(record.year === date ? "date" : "year");
      if (yearLine) record.fieldLines.year = yearLine;
      record.volume = one("volume");
      record.issue = one("issue");
      const start = one("startPage");
      const end = one("endPage");
      record.pages = one("pages") ?? (start && end ? `${start}-${end}` : (start ?? end));
      record.doi = one("doi");
      if (record.doi) record.fieldLines.doi = at("doi");
      record.abstract = columns("abstract")[0]?.trim() || null;
      record.otherAbstract = columns("otherAbstract")[0]?.trim() || null;
      record.keywords = columns("keywords").flatMap((value) =>
        splitList(value, /[;；]/.test(value) ? /[;；]+/ : /[,，]+/).map(collapseSpaces),
      );
      record.issn = one("issn");
      record.isbn = one("isbn");
      record.url = one("url");
      record.type = one("type");
      if (record.type) record.fieldLines.type = at("type");
      record.publisher = one("publisher");
      record.language = one("language");
      record.affiliations = columns("affiliations").flatMap((value) =>
        splitList(value, /[;；\n]+/).map(collapseSpaces),
      );
      record.funding = one("funding");
      record.otherJournal = one("otherJournal");
      record.publisherPlace = one("publisherPlace");
      record.edition = one("edition");
      record.genre = one("genre");
      record.eventTitle = one("eventTitle");
      record.eventPlace = one("eventPlace");
      record.eventDate = one("eventDate");
      record.number = one("number");
      record.jurisdiction = one("jurisdiction");
      record.accessed = one("accessedDate");
      record.editors = columns("editors").flatMap(splitAuthorCell);
      record.translators = columns("translators").flatMap(splitAuthorCell);
      record.supervisors = columns("supervisors").flatMap(splitAuthorCell);
      const pmid = one("pmid");
      if (pmid) record.identifiers.push({ type: "PMID", value: pmid });
      return record;
    });
  return { records, layout };
}
