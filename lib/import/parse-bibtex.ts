// BibTeX and BibLaTeX (Zotero/Better BibTeX, JabRef, Google Scholar, Mendeley, EndNote, CNKI via converters).
// Entries are cut apart here — each at a line starting with @type{ — so one broken entry is reported on its
// line while the rest import; citation-js parses each entry (with the file's @string macros in front of it).
// What it leaves undone is finished here: entries without a citation key (EndNote, Mendeley), Mendeley's
// underscore types (@book_section), LaTeX math and spacing left in values, "and others", and the fields this
// app writes that no converter knows (origtitle, translatedauthor, affiliation, funding …).
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { fromCsl } from "./from-csl";
import { decodeLatex } from "./latex";
import { collapseSpaces, dropEtAl, splitList, type SourceRecord } from "./source-record";

const ENTRY_START = /^[ \t]*@([A-Za-z_]+)[ \t]*[{(]/;
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

// Mendeley writes its own type names with underscores; each has a standard BibTeX/BibLaTeX equivalent.
// citation-js reads only the standard names (an unknown one loses its fields), so the entry is parsed as
// its standard equivalent.
const MENDELEY_TYPES: Record<string, { parseAs: string }> = {
  book_section: { parseAs: "incollection" },
  web_page: { parseAs: "online" },
  magazine_article: { parseAs: "article" },
  newspaper_article: { parseAs: "article" },
  conference_paper: { parseAs: "inproceedings" },
  journal_article: { parseAs: "article" },
  working_paper: { parseAs: "techreport" },
  computer_program: { parseAs: "software" },
  encyclopedia_article: { parseAs: "inreference" },
  television_broadcast: { parseAs: "misc" },
  statute: { parseAs: "legislation" },
};

/** The raw value of a field in an entry's text (braced, quoted or bare), for fields citation-js does not map. */
export function rawField(entry: string, name: string): string | null {
  const match = new RegExp(`[,{(\\s]${name}\\s*=\\s*`, "i").exec(entry);
  if (!match) return null;
  let index = match.index + match[0].length;
  const open = entry[index];
  if (open === "{") {
    let depth = 0;
    const start = index + 1;
    for (; index < entry.length; index++) {
      if (entry[index] === "\\") {
        index++;
        continue;
      }
      if (entry[index] === "{") depth++;
      else if (entry[index] === "}" && --depth === 0) return entry.slice(start, index);
    }
    return null;
  }
  if (open === '"') {
    const end = entry.indexOf('"', index + 1);
    return end > 0 ? entry.slice(index + 1, end) : null;
  }
  return /^[^,}\s]+/.exec(entry.slice(index))?.[0] ?? null;
}

function cleanValue(value: string | null): string | null {
  if (!value) return null;
  const decoded = collapseSpaces(decodeLatex(value));
  return decoded || null;
}

function splitNames(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(/\s+and\s+/i)
    .map((name) => collapseSpaces(decodeLatex(name)))
    .filter(Boolean);
}

// citation-js folds every Unicode space into an ASCII one; the wide spaces Chinese titles use on purpose
// (U+3000, U+2002–U+200A) travel through it as private-use characters and are restored afterwards.
const WIDE_SPACES = /[\u2002-\u200a\u3000]/g;
const protect = (text: string) =>
  text.replace(WIDE_SPACES, (char) => String.fromCharCode(0xe000 + (char.charCodeAt(0) & 0xfff)));
const restore = (text: string) =>
  text.replace(/[\ue002-\ue00a\ue000]/g, (char) =>
    char === "\ue000" ? "\u3000" : String.fromCharCode(0x2000 + (char.charCodeAt(0) & 0xfff)),
  );

function restoreStrings<T>(value: T): T {
  if (typeof value === "string") return restore(value) as T;
  if (Array.isArray(value)) return value.map(restoreStrings) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, restoreStrings(inner)])) as T;
  }
  return value;
}

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
  let keyless = 0;
  return chunks
    .filter((chunk) => !NON_ENTRIES.has(chunk.type))
    .map((chunk) => {
      const mendeley = MENDELEY_TYPES[chunk.type];
      let entry = mendeley ? chunk.text.replace(/@[A-Za-z_]+/, `@${mendeley.parseAs}`) : chunk.text;
      // EndNote and Mendeley write entries without a citation key ("@article{," or straight into a field);
      // the parser needs one, and the key is never imported anyway.
      entry = entry.replace(
        /^(\s*@[A-Za-z_]+\s*[{(])\s*(,|(?=[A-Za-z][\w-]*\s*=))/,
        (_, head: string, comma: string) => {
          keyless++;
          return `${head}keyless-${keyless}${comma ? "," : ","}`;
        },
      );
      let record: SourceRecord;
      try {
        const csl = plugins.input.chain(protect(macros ? `${macros}\n${entry}` : entry), {
          forceType: "@biblatex/text",
          generateGraph: false,
        }) as Record<string, unknown>[];
        if (csl.length === 0) throw new Error("no entry could be read");
        record = fromCsl(restoreStrings(csl[0]!), chunk.line);
      } catch (error) {
        record = fromCsl({}, chunk.line);
        const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
        // The parser's own position counts from the start of the entry (and the macros before it), so the
        // problem points at the entry and quotes the parser's words.
        record.problems.push({ line: chunk.line, field: null, code: "unparsable", severity: "error", detail: message });
      }
      finish(record, entry, mendeley?.parseAs ?? chunk.type);
      // The type as written: the shared type map knows Mendeley's names too.
      record.type = chunk.type;
      record.fieldLines.type = { line: chunk.line, name: `@${chunk.type}` };
      if (!BIBTEX_TYPES.has(chunk.type) && !mendeley) {
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

// The `type` values this app writes to mark a type BibTeX has no entry type for; they are not a genre.
const TYPE_MARKERS = /^(standard|patent|web ?page|online|dataset|data set|preprint)$/i;

/** What citation-js leaves undone: LaTeX commands in values, "others", and the fields it does not map. */
function finish(record: SourceRecord, entry: string, entryType: string) {
  const decode = (value: string | null) => (value ? collapseSpaces(decodeLatex(value, true)) || null : null);
  record.title = decode(record.title);
  record.journal = decode(record.journal);
  record.publisher = decode(record.publisher);
  record.eventTitle = decode(record.eventTitle);
  record.abstract = record.abstract ? decodeLatex(record.abstract, true).trim() || null : null;
  const decodedNames = (list: string[]) => dropEtAl(list.map((name) => collapseSpaces(decodeLatex(name, true))));
  const authors = decodedNames(record.authors);
  record.authors = authors.names;
  record.etAl ||= authors.etAl;
  record.editors = decodedNames(record.editors).names;
  record.translators = decodedNames(record.translators).names;
  record.keywords = record.keywords.map((keyword) => collapseSpaces(decodeLatex(keyword, true))).filter(Boolean);

  const raw = (name: string) => {
    const value = rawField(entry, name);
    return value === null ? null : restore(value);
  };
  // BibLaTeX's origtitle (and this app's exports) carry the title in the other language; titleaddon the
  // subtitle some tools split off.
  record.otherTitle ??= cleanValue(raw("origtitle")) ?? cleanValue(raw("translatedtitle"));
  const addon = cleanValue(raw("titleaddon"));
  if (addon && record.title && !record.title.includes(addon)) record.title = `${record.title}: ${addon}`;
  record.journal ??= cleanValue(raw("booktitle")) ?? cleanValue(raw("journaltitle")) ?? cleanValue(raw("maintitle"));
  record.otherJournal = cleanValue(raw("origjournaltitle")) ?? cleanValue(raw("translatedjournal"));
  record.translatedAuthors = dropEtAl(splitNames(raw("translatedauthor"))).names;
  record.supervisors = splitNames(raw("supervisor") ?? raw("advisor"));
  const affiliation = cleanValue(raw("affiliation") ?? raw("affiliations"));
  if (affiliation) record.affiliations = splitList(affiliation, /\s*(?:;|；|\band\b)\s*/);
  record.funding = cleanValue(raw("funding") ?? raw("funding-acknowledgement"));
  const otherAbstract = raw("origabstract") ?? raw("translatedabstract");
  record.otherAbstract = otherAbstract ? decodeLatex(otherAbstract).trim() || null : null;
  record.language ??= cleanValue(raw("langid"));
  const typeField = cleanValue(raw("type"));
  const eprint = cleanValue(raw("eprint"));
  record.typeHints = {
    entrysubtype: cleanValue(raw("entrysubtype")),
    type: typeField,
    eprint,
  };
  // citation-js copies the entry type into genre when there is no `type` field; only a stated type is a genre,
  // and not the markers that tell a standard, patent, web page, dataset or preprint in plain BibTeX.
  record.genre = typeField && !TYPE_MARKERS.test(typeField) ? typeField : null;
  // A report's, standard's or patent's `number` is its own number, not an issue; a preprint's is its eprint id.
  const numbered = /report|patent/.test(entryType) || (typeField !== null && /^(standard|patent)$/i.test(typeField));
  if (numbered) {
    const number = cleanValue(raw("number"));
    if (number) {
      record.number = number;
      if (record.issue === number) record.issue = null;
    }
  }
  if (eprint) record.number ??= eprint;
  const pmid = cleanValue(raw("pmid"));
  if (pmid) record.identifiers.push({ type: "PMID", value: pmid });
}
