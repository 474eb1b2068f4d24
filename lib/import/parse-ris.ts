// RIS (Scopus, Web of Science, PubMed, Embase, ProQuest, Zotero, EndNote, Rayyan, CNKI). The file is split
// into records here, so each keeps its line and one broken record cannot take the others with it; citation-js
// maps each record's tags onto CSL-JSON.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-ris";
import { fromCsl } from "./from-csl";
import { splitAuthors, type SourceRecord } from "./source-record";

const TAG = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;

// The reference types of the RIS specification (and the few that common exporters add).
const RIS_TYPES = new Set(
  (
    "ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER CTLG DATA DBASE DICT EBOOK ECHAP " +
    "EDBOOK EJOUR ELEC ENCYC EQUA FIGURE GEN GOVDOC GRANT HEAR ICOMM INPR JFULL JOUR LEGAL MANSCPT MAP MGZN MPCT MULTI " +
    "MUSIC NEWS PAMP PAT PCOMM RPRT SER SLIDE SOUND STAND STAT THES UNBILL UNPB VIDEO WEB"
  ).split(" "),
);

interface RisField {
  tag: string;
  value: string;
  line: number;
}

/** Splits RIS text into records of tagged fields; untagged lines continue the field above (Rayyan, WoS). */
export function tokenizeRis(text: string): { line: number; fields: RisField[]; closed: boolean }[] {
  const records: { line: number; fields: RisField[]; closed: boolean }[] = [];
  let current: { line: number; fields: RisField[]; closed: boolean } | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.replace(/^\uFEFF/, "");
    const match = TAG.exec(raw.trimEnd());
    if (match) {
      const tag = match[1]!;
      const value = (match[2] ?? "").trim();
      if (tag === "TY") {
        current = { line: index + 1, fields: [], closed: false };
        records.push(current);
      }
      if (!current) continue;
      if (tag === "ER") {
        current.closed = true;
        current = null;
        continue;
      }
      current.fields.push({ tag, value, line: index + 1 });
    } else if (current && raw.trim() && current.fields.length > 0) {
      const last = current.fields[current.fields.length - 1]!;
      last.value = last.value ? `${last.value}\n${raw.trim()}` : raw.trim();
    }
  }
  return records;
}

const YEAR_TAGS = ["PY", "Y1", "DA"];
const TITLE_TAGS = ["TI", "T1", "CT", "BT"];

export function parseRis(text: string): SourceRecord[] {
  return tokenizeRis(text).map(({ line, fields, closed }) => {
    // Continuation lines of list fields (Rayyan's keywords) are separate values; elsewhere they join with a space.
    const lines = fields.flatMap((field) =>
      // citation-js drops the fields of a type it does not know; read those as generic references.
      field.tag === "TY" && !RIS_TYPES.has(field.value)
        ? ["TY  - GEN"]
        : field.tag === "KW"
          ? field.value.split("\n").map((value) => `KW  - ${value}`)
          : [`${field.tag}  - ${field.value.replace(/\n/g, " ")}`],
    );
    let record: SourceRecord;
    try {
      const csl = plugins.input.chain(`${lines.join("\n")}\nER  - \n`, {
        forceType: "@ris/file",
        generateGraph: false,
      }) as Record<string, unknown>[];
      record = fromCsl(csl[0] ?? {}, line);
    } catch (error) {
      record = fromCsl({}, line);
      record.problems.push({
        line,
        field: null,
        code: "unparsable",
        severity: "error",
        detail: error instanceof Error ? error.message.split("\n")[0] : String(error),
      });
    }
    const find = (tags: string[]) => fields.find((field) => tags.includes(field.tag) && field.value);
    const type = fields.find((field) => field.tag === "TY");
    record.type = type?.value || null;
    if (type) record.fieldLines.type = { line: type.line, name: "TY" };
    if (type?.value && !RIS_TYPES.has(type.value)) {
      record.problems.push({
        line: type.line,
        field: "TY",
        code: "unknownType",
        severity: "warning",
        detail: type.value,
      });
    }
    const title = find(TITLE_TAGS);
    if (title) record.fieldLines.title = { line: title.line, name: title.tag };
    // PubMed and WoS put a month alone in DA ("Jun", "SEP") next to the year in PY: take the first that has one.
    const year = fields.find((field) => YEAR_TAGS.includes(field.tag) && /\d{4}/.test(field.value)) ?? find(YEAR_TAGS);
    if (year) {
      record.fieldLines.year = { line: year.line, name: year.tag };
      record.year = year.value;
    }
    // Whatever citation-js left out but the record states plainly is taken from the tags themselves.
    record.title ??= find(TITLE_TAGS)?.value.replace(/\s+/g, " ") ?? null;
    // CNKI and Wanfang sometimes put all Chinese authors on one AU line ("谢昕,王小增"), which citation-js
    // would read as one surname and given name; those lines are split here like the tagged formats.
    const authorFields = fields.filter((field) => ["AU", "A1"].includes(field.tag) && field.value);
    const split = authorFields.map((field) => splitAuthors(field.value.replace(/\n/g, " ")));
    if (record.authors.length === 0 || split.some((names) => names.length > 1)) record.authors = split.flat();
    // TT (translated title) carries the title in the other language; our own RIS export writes it there.
    record.otherTitle ??= find(["TT"])?.value.replace(/\s+/g, " ") ?? null;
    record.journal ??= find(["JO", "JF", "T2", "JA", "J2"])?.value ?? null;
    record.volume ??= find(["VL"])?.value ?? null;
    record.issue ??= find(["IS"])?.value ?? null;
    record.abstract ??= find(["AB", "N2"])?.value ?? null;
    const doi = find(["DO"]);
    if (doi) record.fieldLines.doi = { line: doi.line, name: "DO" };
    if (!record.doi && doi) record.doi = doi.value;
    if (!closed) {
      record.problems.push({ line, field: "ER", code: "missingEnd", severity: "warning" });
    }
    return record;
  });
}
