import { createHash } from "node:crypto";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { csvDocument, restoreNeutralisedCsvCell } from "@/lib/export/csv";

export interface CodebookTheme {
  /** Identifies the theme within the file: used to express parent links. For export pass the theme's database id. */
  key: string;
  nameZh: string;
  nameEn: string | null;
  /** "#rrggbb", lowercase. */
  color: string;
  definitionZh: string | null;
  definitionEn: string | null;
  inclusionNotes: string | null;
  /** Key of the parent theme in the same list, or null. */
  parentKey: string | null;
}

export const PROBLEM_KINDS = [
  "emptyFile",
  "unreadable",
  "unclosedQuote",
  "duplicateColumn",
  "noNameColumn",
  "noThemes",
  "blankName",
  "duplicateName",
  "badColour",
  "unknownParent",
  "ownParent",
  "parentCycle",
  "notXml",
  "notCodebook",
  "noCodes",
  "namelessCode",
  "duplicateGuid",
] as const;

export interface CodebookProblem {
  line: number | null;
  field: string;
  /** What is wrong, for the interface to say in the reader's language; `detail` names the offending value. */
  kind: (typeof PROBLEM_KINDS)[number];
  detail?: string;
  message: string;
}

export interface ParsedCodebook {
  themes: CodebookTheme[];
  problems: CodebookProblem[];
}

/** Colours handed out, cycling, to imported themes that come without one. */
export const CODEBOOK_PALETTE: readonly string[] = [
  "#c2410c",
  "#0f766e",
  "#1d4ed8",
  "#7e22ce",
  "#be123c",
  "#15803d",
  "#a16207",
  "#475569",
];

const CSV_COLUMNS = [
  "name_zh",
  "name_en",
  "color",
  "definition_zh",
  "definition_en",
  "inclusion_notes",
  "parent_name_zh",
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

const COLOUR = /^#[0-9a-f]{6}$/i;
const COLOUR_MESSAGE = "colour must be #rrggbb";

// Fixed so that a theme keeps the same guid across exports; changing it would make other tools see every code as new.
const GUID_NAMESPACE = "0d6c5f7e-3b1a-4f42-9c8e-6a2b7d4e9f10";

const DESCRIPTION_MARKERS = [
  ["nameEn", "English name:"],
  ["definitionEn", "English definition:"],
  ["inclusionNotes", "Inclusion:"],
] as const;

function paletteColour(index: number): string {
  return CODEBOOK_PALETTE[index % CODEBOOK_PALETTE.length] ?? "#475569";
}

function foldName(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** Maps string offsets to 1-based line numbers without rescanning the text for every node. */
function lineFinder(text: string): (index: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) breaks.push(i);
  return (index) => {
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((breaks[mid] ?? Infinity) < index) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

function byLine(problems: CodebookProblem[]): CodebookProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.order - b.order)
    .map(({ problem }) => problem);
}

/** Deterministic RFC 4122 version-5 UUID for a theme key. */
export function codebookGuid(key: string): string {
  const namespace = Buffer.from(GUID_NAMESPACE.replace(/-/g, ""), "hex");
  const bytes = createHash("sha1").update(namespace).update(key, "utf8").digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Themes whose parent is in the list come after it; everything else keeps its place. A child listed before its
 * parent moves to just behind the parent. Themes caught in a parent cycle go last rather than being dropped.
 */
function parentsFirst(themes: CodebookTheme[]): CodebookTheme[] {
  const keys = new Set(themes.map((theme) => theme.key));
  const waiting = new Map<string, CodebookTheme[]>();
  const placed = new Set<CodebookTheme>();
  const ordered: CodebookTheme[] = [];
  const emitted = new Set<string>();
  const place = (theme: CodebookTheme) => {
    ordered.push(theme);
    placed.add(theme);
    emitted.add(theme.key);
    const children = waiting.get(theme.key) ?? [];
    waiting.delete(theme.key);
    children.forEach(place);
  };
  for (const theme of themes) {
    const parent = theme.parentKey;
    if (parent === null || !keys.has(parent) || parent === theme.key || emitted.has(parent)) place(theme);
    else waiting.set(parent, [...(waiting.get(parent) ?? []), theme]);
  }
  return [...ordered, ...themes.filter((theme) => !placed.has(theme))];
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

export function codebookToCsv(themes: CodebookTheme[]): string {
  const nameByKey = new Map(themes.map((theme) => [theme.key, theme.nameZh]));
  const rows = parentsFirst(themes).map((theme) => [
    theme.nameZh,
    theme.nameEn ?? "",
    theme.color.toLowerCase(),
    theme.definitionZh ?? "",
    theme.definitionEn ?? "",
    theme.inclusionNotes ?? "",
    (theme.parentKey !== null ? nameByKey.get(theme.parentKey) : undefined) ?? "",
  ]);
  return csvDocument([[...CSV_COLUMNS], ...rows], {
    record_delimiter: "windows",
    // Giving record_delimiter switches this off, and then a cell holding a newline would be written unquoted.
    quote_record_delimiter: true,
  });
}

interface CsvRecord {
  cells: string[];
  line: number;
}

function readCsvRecords(text: string): { records: CsvRecord[] } | { problem: CodebookProblem } {
  const records: CsvRecord[] = [];
  let lastLine = 0;
  try {
    parseCsv(text, {
      record_delimiter: "\n",
      relax_column_count: true,
      on_record: (cells: string[], context) => {
        // context.lines is where the record ends; quoted newlines tell how far back it started.
        const inner = cells.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
        records.push({ cells, line: context.lines - inner });
        lastLine = context.lines;
        return null;
      },
    });
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    const reported = error instanceof Error && "lines" in error ? Number(error.lines) : NaN;
    const messages: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED: "unclosed quote",
      CSV_INVALID_CLOSING_QUOTE: "unexpected text after a closing quote",
      INVALID_OPENING_QUOTE: "quote inside an unquoted cell",
    };
    // The parser reports where it gave up (for an unclosed quote, the end of the file); the broken record began
    // right after the last good one.
    const line = code === "CSV_QUOTE_NOT_CLOSED" ? lastLine + 1 : Number.isFinite(reported) ? reported : null;
    const message = messages[code] ?? `cannot read the file as CSV: ${error instanceof Error ? error.message : code}`;
    return {
      problem: { line, field: "file", kind: code === "CSV_QUOTE_NOT_CLOSED" ? "unclosedQuote" : "unreadable", message },
    };
  }
  return { records };
}

/**
 * `existingParent` resolves a parent named in the file but not defined in it — a theme the review already has —
 * to that theme's key, so a partial codebook can hang new themes under existing ones.
 */
export function parseCodebookCsv(
  text: string,
  existingParent: (name: string) => string | null = () => null,
): ParsedCodebook {
  // Working on LF-only text keeps the parser's line counts true to the file and multi-line cells consistent.
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const read = readCsvRecords(normalized);
  if ("problem" in read) return { themes: [], problems: [read.problem] };

  const nonBlank = read.records.filter((record) => record.cells.some((cell) => cell.trim() !== ""));
  const [header, ...data] = nonBlank;
  if (!header)
    return { themes: [], problems: [{ line: null, field: "file", kind: "emptyFile", message: "the file is empty" }] };

  const problems: CodebookProblem[] = [];
  const position = new Map<CsvColumn, number>();
  header.cells.forEach((raw, index) => {
    const name = raw.trim().toLowerCase() as CsvColumn;
    if (!CSV_COLUMNS.includes(name)) return;
    if (position.has(name)) {
      problems.push({
        line: header.line,
        field: name,
        kind: "duplicateColumn",
        detail: name,
        message: `column ${name} appears more than once`,
      });
    } else position.set(name, index);
  });
  if (!position.has("name_zh")) {
    return {
      themes: [],
      problems: [
        { line: header.line, field: "file", kind: "noNameColumn", message: "no name_zh column in the header" },
      ],
    };
  }
  if (data.length === 0) {
    problems.push({ line: header.line, field: "file", kind: "noThemes", message: "the file has no themes" });
  }

  interface Row {
    theme: CodebookTheme;
    line: number;
    parentName: string | null;
    ok: boolean;
  }
  const rows: Row[] = [];
  const byName = new Map<string, Row>();
  data.forEach((record, index) => {
    const cell = (column: CsvColumn): string | null => {
      const at = position.get(column);
      const value = at === undefined ? "" : restoreNeutralisedCsvCell((record.cells[at] ?? "").trim());
      return value === "" ? null : value;
    };
    const nameZh = cell("name_zh");
    if (nameZh === null) {
      problems.push({ line: record.line, field: "name_zh", kind: "blankName", message: "name_zh is empty" });
      return;
    }
    const first = byName.get(foldName(nameZh));
    if (first) {
      problems.push({
        line: record.line,
        field: "name_zh",
        kind: "duplicateName",
        detail: nameZh,
        message: `duplicate name "${nameZh}" (first on line ${first.line})`,
      });
      return;
    }
    let ok = true;
    const colour = cell("color");
    if (colour !== null && !COLOUR.test(colour)) {
      problems.push({ line: record.line, field: "color", kind: "badColour", message: COLOUR_MESSAGE });
      ok = false;
    }
    const row: Row = {
      theme: {
        key: nameZh,
        nameZh,
        nameEn: cell("name_en"),
        color: colour !== null && ok ? colour.toLowerCase() : paletteColour(index),
        definitionZh: cell("definition_zh"),
        definitionEn: cell("definition_en"),
        inclusionNotes: cell("inclusion_notes"),
        parentKey: null,
      },
      line: record.line,
      parentName: cell("parent_name_zh"),
      ok,
    };
    rows.push(row);
    byName.set(foldName(nameZh), row);
  });

  const rowByKey = new Map(rows.map((row) => [row.theme.key, row]));
  const externalKeys = new Set<string>();
  for (const row of rows) {
    if (row.parentName === null) continue;
    const parent = byName.get(foldName(row.parentName));
    const outside = parent ? null : existingParent(row.parentName);
    if (outside) {
      row.theme.parentKey = outside;
      externalKeys.add(outside);
    } else if (!parent) {
      problems.push({
        line: row.line,
        field: "parent_name_zh",
        kind: "unknownParent",
        detail: row.parentName,
        message: `parent "${row.parentName}" is not a theme in this file`,
      });
      row.ok = false;
    } else if (parent === row) {
      problems.push({
        line: row.line,
        field: "parent_name_zh",
        kind: "ownParent",
        message: "a theme cannot be its own parent",
      });
      row.ok = false;
    } else row.theme.parentKey = parent.theme.key;
  }

  for (const cycle of findCycles(rows.map((row) => row.theme))) {
    const members = cycle.map((key) => rowByKey.get(key)).filter((row): row is Row => row !== undefined);
    members.forEach((row) => (row.ok = false));
    const last = members.reduce((a, b) => (b.line > a.line ? b : a));
    const names = [...members.map((row) => row.theme.nameZh), members[0]?.theme.nameZh].join(" → ");
    problems.push({
      line: last.line,
      field: "parent_name_zh",
      kind: "parentCycle",
      detail: names,
      message: `parent links form a cycle: ${names}`,
    });
  }

  return { themes: keepImportable(rows, externalKeys), problems: byLine(problems) };
}

/** Each cycle once, as the keys along it in parent direction; self-loops are left to the caller. */
function findCycles(themes: CodebookTheme[]): string[][] {
  const parentOf = new Map(themes.map((theme) => [theme.key, theme.parentKey]));
  const state = new Map<string, "active" | "done">();
  const cycles: string[][] = [];
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    let key: string | null | undefined = start;
    while (key != null && parentOf.has(key) && !state.has(key)) {
      state.set(key, "active");
      path.push(key);
      key = parentOf.get(key);
    }
    if (key != null && state.get(key) === "active") {
      const cycle = path.slice(path.indexOf(key));
      if (cycle.length > 1) cycles.push(cycle);
    }
    path.forEach((visited) => state.set(visited, "done"));
  }
  return cycles;
}

/**
 * The themes without problems whose ancestors are all without problems too: returning a child whose parent was
 * rejected would leave a parentKey that points outside the list.
 */
function keepImportable(
  rows: { theme: CodebookTheme; ok: boolean }[],
  externalKeys: ReadonlySet<string> = new Set(),
): CodebookTheme[] {
  const okByKey = new Map(rows.map((row) => [row.theme.key, row.ok]));
  const parentOf = new Map(rows.map((row) => [row.theme.key, row.theme.parentKey]));
  const importable = (key: string): boolean => {
    const seen = new Set<string>();
    for (let at: string | null | undefined = key; at != null; at = parentOf.get(at)) {
      if (externalKeys.has(at)) return true;
      if (seen.has(at) || okByKey.get(at) !== true) return false;
      seen.add(at);
    }
    return true;
  };
  return rows.filter((row) => importable(row.theme.key)).map((row) => row.theme);
}

// ---------------------------------------------------------------------------------------------------------------
// REFI-QDA codebook (.qdc)

interface QdcCode {
  "@_guid": string;
  "@_name": string;
  "@_isCodable": string;
  "@_color"?: string;
  Description?: string;
  Code?: QdcCode[];
}

function describe(theme: CodebookTheme): string {
  return [
    theme.definitionZh,
    theme.nameEn !== null ? `English name: ${theme.nameEn}` : null,
    theme.definitionEn !== null ? `English definition: ${theme.definitionEn}` : null,
    theme.inclusionNotes !== null ? `Inclusion: ${theme.inclusionNotes}` : null,
  ]
    .filter((line): line is string => line !== null && line.trim() !== "")
    .join("\n");
}

export function codebookToQdc(themes: CodebookTheme[]): string {
  const keys = new Set(themes.map((theme) => theme.key));
  const children = new Map<string | null, CodebookTheme[]>();
  for (const theme of themes) {
    const parent = theme.parentKey !== null && keys.has(theme.parentKey) ? theme.parentKey : null;
    children.set(parent, [...(children.get(parent) ?? []), theme]);
  }
  const written = new Set<string>();
  const toCode = (theme: CodebookTheme): QdcCode => {
    written.add(theme.key);
    const code: QdcCode = { "@_guid": codebookGuid(theme.key), "@_name": theme.nameZh, "@_isCodable": "true" };
    // REFI-QDA allows leaving colour out, which beats writing a value other tools would reject.
    if (COLOUR.test(theme.color)) code["@_color"] = theme.color.toUpperCase();
    const description = describe(theme);
    if (description !== "") code.Description = description;
    const nested = (children.get(theme.key) ?? []).filter((child) => !written.has(child.key)).map(toCode);
    if (nested.length > 0) code.Code = nested;
    return code;
  };
  const codes = (children.get(null) ?? []).map(toCode);
  // Themes in a parent cycle are unreachable from the roots; writing them at top level beats losing them.
  for (const theme of themes) if (!written.has(theme.key)) codes.push(toCode(theme));

  const builder = new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    suppressEmptyNode: true,
    // Otherwise isCodable="true" is written as a bare attribute, which is not XML.
    suppressBooleanAttributes: false,
  });
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    CodeBook: {
      "@_xmlns": "urn:QDA-XML:codebook:1.0",
      "@_origin": "Huitong",
      Codes: codes.length > 0 ? { Code: codes } : "",
      Sets: "",
    },
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(textOf).join("\n");
  if (isRecord(value)) return textOf(value["#text"]);
  return "";
}

function attribute(node: Record<string, unknown>, name: string): string | null {
  const value = textOf(node[`@_${name}`]).trim();
  return value === "" ? null : value;
}

/** Other tools are not always strict about colours; an odd one costs only the colour, not the import. */
function qdcColour(value: string | null, index: number): string {
  if (value !== null && COLOUR.test(value)) return value.toLowerCase();
  const short = value !== null ? /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value) : null;
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return paletteColour(index);
}

type DescriptionParts = Pick<CodebookTheme, "definitionZh" | "nameEn" | "definitionEn" | "inclusionNotes">;

function splitDescription(description: string): DescriptionParts {
  const sections: string[][] = [[], [], [], []];
  let current = 0;
  for (const line of description.split(/\r?\n/)) {
    // Markers are only honoured in the order this module writes them, so an "Inclusion:" line can hold text that
    // merely looks like an earlier marker.
    const marker = DESCRIPTION_MARKERS.findIndex(
      ([, prefix], index) => index + 1 > current && line.trimStart().startsWith(prefix),
    );
    if (marker === -1) {
      sections[current]?.push(line);
    } else {
      current = marker + 1;
      sections[current]?.push(line.trimStart().slice(DESCRIPTION_MARKERS[marker]?.[1].length ?? 0));
    }
  }
  const value = (index: number): string | null => {
    const text = (sections[index] ?? []).join("\n").trim();
    return text === "" ? null : text;
  };
  return { definitionZh: value(0), nameEn: value(1), definitionEn: value(2), inclusionNotes: value(3) };
}

export function parseQdc(xml: string): ParsedCodebook {
  const fileProblem = (kind: CodebookProblem["kind"], message: string, line: number | null = null): ParsedCodebook => ({
    themes: [],
    problems: [{ line, field: "file", kind, message }],
  });
  const withoutBom = xml.replace(/^\uFEFF/, "");
  // An XML declaration must come first, but a stray blank line before it should not sink the import.
  const leading = /^\s*/.exec(withoutBom)?.[0] ?? "";
  const source = withoutBom.slice(leading.length);
  const lineShift = leading.split("\n").length - 1;
  if (source === "") return fileProblem("emptyFile", "the file is empty");

  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const line = typeof valid.err.line === "number" ? valid.err.line + lineShift : null;
    return fileProblem("notXml", `not valid XML: ${valid.err.msg}`, line);
  }

  const parser = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    // Without it numeric character references such as &#x4E2D; stay undecoded.
    htmlEntities: true,
    isArray: (tagName, _path, _leaf, isAttribute) => !isAttribute && tagName === "Code",
  });
  let document: unknown;
  try {
    document = parser.parse(source);
  } catch (error) {
    return fileProblem("notXml", `not valid XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = isRecord(document) ? Object.keys(document) : [];
  if (roots.length !== 1 || roots[0] !== "CodeBook") {
    return fileProblem(
      "notCodebook",
      roots.length === 1 ? `root element is <${roots[0]}>, expected <CodeBook>` : "the root element must be <CodeBook>",
    );
  }
  const codeBook = isRecord(document) ? document.CodeBook : undefined;
  if (!isRecord(codeBook) || !("Codes" in codeBook)) return fileProblem("noCodes", "no <Codes> element");

  const metadata = XMLParser.getMetaDataSymbol();
  const lineOf = lineFinder(source);
  const lineOfNode = (node: Record<string, unknown>): number | null => {
    const meta = (node as Record<symbol, unknown>)[metadata as symbol];
    const start = isRecord(meta) ? meta.startIndex : undefined;
    return typeof start === "number" ? lineOf(start) + lineShift : null;
  };

  const problems: CodebookProblem[] = [];
  const themes: CodebookTheme[] = [];
  const included = new Set<string>();
  const seenKeys = new Set<string>();
  const seenNames = new Map<string, number | null>();
  let count = 0;

  const visit = (raw: unknown, path: number[], parentKey: string | null) => {
    const node = isRecord(raw) ? raw : {};
    const index = count++;
    const line = lineOfNode(node);
    const name = attribute(node, "name");
    const guid = attribute(node, "guid");
    let ok = true;
    let key = guid ?? `path:${path.join(".")}`;
    if (seenKeys.has(key)) {
      problems.push({ line, field: "guid", kind: "duplicateGuid", detail: key, message: `duplicate guid "${key}"` });
      key = `path:${path.join(".")}`;
      ok = false;
    }
    seenKeys.add(key);
    if (name === null) {
      problems.push({ line, field: "name", kind: "namelessCode", message: "code has no name" });
      ok = false;
    } else if (seenNames.has(foldName(name))) {
      const first = seenNames.get(foldName(name));
      const where = first != null ? ` (first on line ${first})` : "";
      problems.push({
        line,
        field: "name",
        kind: "duplicateName",
        detail: name,
        message: `duplicate name "${name}"${where}`,
      });
      ok = false;
    } else seenNames.set(foldName(name), line);

    if (ok && name !== null && (parentKey === null || included.has(parentKey))) {
      included.add(key);
      themes.push({
        key,
        nameZh: name,
        color: qdcColour(attribute(node, "color"), index),
        parentKey,
        ...splitDescription(textOf(node.Description)),
      });
    }
    asArray(node.Code).forEach((child, position) => visit(child, [...path, position], key));
  };
  asArray(codeBook.Codes)
    .flatMap((codes) => (isRecord(codes) ? asArray(codes.Code) : []))
    .forEach((code, position) => visit(code, [position], null));

  if (count === 0) problems.push({ line: null, field: "file", kind: "noCodes", message: "the file has no codes" });
  return { themes, problems };
}
