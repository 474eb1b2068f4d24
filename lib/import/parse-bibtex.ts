// BibTeX and BibLaTeX (Zotero/Better BibTeX, JabRef, Google Scholar, CNKI via converters). Entries are cut apart
// here — each at a line starting with @type{ — so one broken entry is reported on its line while the rest
// import; citation-js parses each entry (with the file's @string macros in front of it).
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { fromCsl } from "./from-csl";
import { type SourceRecord } from "./source-record";

const ENTRY_START = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/;
const NON_ENTRIES = new Set(["string", "preamble", "comment"]);

const BIBTEX_TYPES = new Set(
  (
    "article book booklet inbook incollection inproceedings conference manual mastersthesis phdthesis thesis misc " +
    "techreport report unpublished online electronic www patent standard periodical proceedings collection mvbook " +
    "mvcollection mvproceedings bookinbook suppbook suppcollection suppperiodical reference mvreference inreference " +
    "dataset software set xdata artwork audio image jurisdiction legislation legal letter movie music performance " +
    "review video newspaper"
  ).split(" "),
);

export function parseBibtex(text: string): SourceRecord[] {
  const lines = text.split(/\r\n|\r|\n/);
  const chunks: { type: string; line: number; text: string }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const match = ENTRY_START.exec(lines[index]!);
    if (match) chunks.push({ type: match[1]!.toLowerCase(), line: index + 1, text: lines[index]! });
    else if (chunks.length > 0) chunks[chunks.length - 1]!.text += `\n${lines[index]}`;
  }
  const macros = chunks
    .filter((chunk) => chunk.type === "string")
    .map((chunk) => chunk.text)
    .join("\n");
  return chunks
    .filter((chunk) => !NON_ENTRIES.has(chunk.type))
    .map((chunk) => {
      let record: SourceRecord;
      try {
        const csl = plugins.input.chain(macros ? `${macros}\n${chunk.text}` : chunk.text, {
          forceType: "@biblatex/text",
          generateGraph: false,
        }) as Record<string, unknown>[];
        if (csl.length === 0) throw new Error("no entry could be read");
        record = fromCsl(csl[0]!, chunk.line);
      } catch (error) {
        record = fromCsl({}, chunk.line);
        const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
        // The parser's own position counts from the start of the entry (and the macros before it), so the
        // problem points at the entry and quotes the parser's words.
        const line = chunk.line;
        record.problems.push({ line, field: null, code: "unparsable", severity: "error", detail: message });
      }
      record.type = chunk.type;
      record.fieldLines.type = { line: chunk.line, name: `@${chunk.type}` };
      if (!BIBTEX_TYPES.has(chunk.type)) {
        record.problems.push({
          line: chunk.line,
          field: `@${chunk.type}`,
          code: "unknownType",
          severity: "warning",
          detail: chunk.type,
        });
      }
      const fieldLine = (name: string) => {
        const offset = chunk.text.split("\n").findIndex((text) => new RegExp(`^\\s*${name}\\s*=`, "i").test(text));
        return offset >= 0 ? { line: chunk.line + offset, name } : undefined;
      };
      const title = fieldLine("title");
      if (title) record.fieldLines.title = title;
      const year = fieldLine("year") ?? fieldLine("date");
      if (year) record.fieldLines.year = year;
      const doi = fieldLine("doi");
      if (doi) record.fieldLines.doi = doi;
      return record;
    });
}
