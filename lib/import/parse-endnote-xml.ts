// EndNote XML (EndNote's "XML" export, also what many reference managers exchange). Every text value may sit
// inside one or more <style> runs, so text is read by collecting all text below a node.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { MalformedFileError } from "./parse-csl-json";
import { isoDate } from "./parse-tagged";
import { dropEtAl, emptyRecord, lineIndex, splitAuthors, splitList, type SourceRecord } from "./source-record";
import { ENDNOTE_TYPE_NAMES } from "./endnote-types";

type Node = unknown;

/** fast-xml-parser decodes the named entities but leaves numeric ones (&#xD; &#13; &#x2013;) as text. */
export function decodeCharacterReferences(value: string): string {
  return value.replace(/&#(?:x([0-9a-f]+)|(\d+));/gi, (whole, hex: string | undefined, decimal: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function textOf(node: Node): string {
  if (node === null || node === undefined) return "";
  if (typeof node === "string") return decodeCharacterReferences(node);
  if (typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (typeof node === "object") {
    return Object.entries(node as Record<string, Node>)
      .filter(([key]) => !key.startsWith("@_"))
      .map(([, value]) => textOf(value))
      .join("");
  }
  return "";
}

/** A single-line field: line breaks inside it (EndNote writes &#xD; between values) become spaces. */
function text(node: Node): string | null {
  const value = textOf(node).replace(/\s+/g, " ").trim();
  return value || null;
}

/** A field that holds one identifier: EndNote lists several ("1545-9616 (Print)&#xD;1545-9616"); keep the first. */
function firstLine(node: Node): string | null {
  const [first] = textOf(node)
    .split(/[\r\n]+/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return first ?? null;
}

function child(node: Node, ...path: string[]): Node {
  let current = node;
  for (const key of path) {
    if (!current || typeof current !== "object") return undefined;
    current = (current as Record<string, Node>)[key];
  }
  return current;
}

function list(node: Node): Node[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

export function parseEndnoteXml(input: string): SourceRecord[] {
  const valid = XMLValidator.validate(input);
  if (valid !== true) throw new MalformedFileError(valid.err.line, valid.err.msg);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ["record", "author", "keyword", "url", "pub-dates", "date"].includes(name),
  });
  const document = parser.parse(input) as Node;
  const records = list(child(document, "xml", "records", "record"));
  const lineOf = lineIndex(input);
  const starts: number[] = [];
  for (let index = input.indexOf("<record>"); index !== -1; index = input.indexOf("<record>", index + 1)) {
    starts.push(index);
  }
  return records.map((node, position) => {
    const line = starts[position] !== undefined ? lineOf(starts[position]!) : 1;
    const record = emptyRecord(line);
    const refType = child(node, "ref-type");
    const typeName =
      (refType && typeof refType === "object" ? (refType as Record<string, string>)["@_name"] : undefined) ??
      text(refType);
    record.type = typeName ?? null;
    record.fieldLines = {
      type: { line, name: "ref-type" },
      title: { line, name: "title" },
      year: { line, name: "year" },
      doi: { line, name: "electronic-resource-num" },
    };
    if (typeName && !ENDNOTE_TYPE_NAMES.has(typeName) && !/^\d+$/.test(typeName)) {
      record.problems.push({ line, field: "ref-type", code: "unknownType", severity: "warning", detail: typeName });
    }
    record.title = text(child(node, "titles", "title"));
    record.otherTitle = text(child(node, "titles", "translated-title"));
    const names = (...path: string[]) =>
      dropEtAl(
        list(child(node, "contributors", ...path, "author")).flatMap((author) => splitAuthors(text(author) ?? "")),
      );
    const authors = names("authors");
    record.authors = authors.names;
    record.etAl = authors.etAl;
    record.translatedAuthors = names("translated-authors").names;
    const kind = (typeName ?? "").toLowerCase();
    const thesis = /thesis|dissertation/.test(kind);
    const conference = /conference/.test(kind);
    // Secondary authors edit a book or chapter; tertiary authors supervise a thesis (EndNote's "Advisor").
    record.editors = names("secondary-authors").names;
    if (thesis) record.supervisors = names("tertiary-authors").names;
    record.affiliations = splitList(textOf(child(node, "auth-address")), /[\r\n;；]+/).map((value) =>
      value.replace(/\s+/g, " ").trim(),
    );
    const periodical = text(child(node, "periodical", "full-title"));
    const secondary = text(child(node, "titles", "secondary-title"));
    const tertiary = text(child(node, "titles", "tertiary-title"));
    if (conference) {
      record.journal = tertiary ?? periodical ?? secondary;
      record.eventTitle = tertiary || periodical ? secondary : null;
      record.eventPlace = text(child(node, "pub-location"));
    } else {
      record.journal = periodical ?? secondary ?? text(child(node, "periodical", "abbr-1"));
      record.publisherPlace = text(child(node, "pub-location"));
    }
    record.year = text(child(node, "dates", "year"));
    const pubDate = list(child(node, "dates", "pub-dates", "date"))
      .map((date) => text(date))
      .find(Boolean);
    if (pubDate && /^\d{4}[-/.年]\d/.test(pubDate)) record.date = isoDate(pubDate);
    record.volume = text(child(node, "volume"));
    record.issue = text(child(node, "number")) ?? text(child(node, "issue"));
    record.pages = text(child(node, "pages"));
    record.doi = firstLine(child(node, "electronic-resource-num"));
    record.keywords = list(child(node, "keywords", "keyword")).flatMap((keyword) =>
      splitList(textOf(keyword), /[;；\r\n]+/),
    );
    record.abstract = text(child(node, "abstract"));
    const serial = firstLine(child(node, "isbn"));
    if (serial) {
      if (/patent|standard|report/.test(kind)) record.number = serial;
      else if (serial.replace(/[^\dXx]/g, "").length >= 10) record.isbn = serial;
      else record.issn = serial;
    }
    record.publisher = text(child(node, "publisher"));
    record.edition = text(child(node, "edition"));
    const workType = text(child(node, "work-type"));
    if (/patent/.test(kind)) record.number ??= workType;
    else record.genre = workType;
    record.url =
      text(list(child(node, "urls", "related-urls", "url"))[0]) ??
      text(list(child(node, "urls", "web-urls", "url"))[0]);
    const accessed = text(child(node, "access-date"));
    record.accessed = accessed ? isoDate(accessed) : null;
    record.language = text(child(node, "language"));
    return record;
  });
}
