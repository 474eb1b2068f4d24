// Finds the reference list in an item's full text: after a heading (参考文献, 注释, References …) or, when the
// text has none (scraped pages often drop it), as the run of numbered entries that ends the text. Returns one
// string per entry, lines broken inside an entry joined back.
import { splitMarker } from "./parse-reference";

export interface ReferenceListEntry {
  /** The entry's text with its list marker, exactly as printed apart from joined line breaks. */
  text: string;
  number: number | null;
}

export interface ReferenceList {
  heading: string | null;
  /** Offset in the full text where the list (its heading, if any) starts. */
  start: number;
  entries: ReferenceListEntry[];
}

const HEADING =
  /^[\s#*]*(?:[一二三四五六七八九十\d]+[、.．]\s*)?(参考文献|参考资料|引用文献|主要参考文献|注释|注释与参考文献|注\s*释|References|Reference List|Bibliography|Works Cited|Literature Cited|Notes)\s*[:：]?\s*$/i;
// Sections that may follow the list and are not part of it.
const AFTER_LIST =
  /^[\s〔(（[]*(作者简介|作者单位|附录|责任编辑|收稿日期|基金项目|本文系|Appendix|About the authors?|Acknowledg(e)?ments?|Funding)/i;
const MARKER = /^\s*(?:[[［〔]\d{1,4}[\]］〕]|[(（]\d{1,4}[)）]|\d{1,3}[.．、]\s*(?=\D)|[①-⑳㉑-㉟㊱-㊿])/;
const TYPE_CODE = /[[［][A-Z]{1,2}(?:\/OL)?[\]］]/;
const YEAR = /(?:^|\D)(?:1[5-9]|20)\d{2}(?!\d)/;

export function findReferenceList(fullText: string | null | undefined): ReferenceList | null {
  if (!fullText) return null;
  const lines = fullText.replace(/\r\n?/g, "\n").split("\n");
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }

  // The last heading starts the list, unless an earlier one is separated from it only by entries: a 注释 list
  // printed directly before the 参考文献 list belongs to it.
  let headingAt = -1;
  for (let index = lines.length - 1; index >= 0 && headingAt < 0; index--) {
    if (HEADING.test(lines[index]!)) headingAt = index;
  }
  for (let index = headingAt - 1; index >= 0; index--) {
    const line = lines[index]!;
    if (!line.trim() || MARKER.test(line)) continue;
    if (HEADING.test(line)) headingAt = index;
    else break;
  }
  if (headingAt >= 0) {
    const body = lines.slice(headingAt + 1).filter((line) => !HEADING.test(line));
    const stopAt = body.findIndex((line) => AFTER_LIST.test(line));
    const entries = splitEntries(stopAt >= 0 ? body.slice(0, stopAt) : body);
    if (entries.length > 0) {
      return { heading: lines[headingAt]!.trim(), start: offsets[headingAt]!, entries };
    }
  }

  // No heading: the trailing run of numbered lines that look like references (a type code or a year).
  let first = -1;
  let numbered = 0;
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]!;
    if (!line.trim()) continue;
    if (MARKER.test(line) && (TYPE_CODE.test(line) || YEAR.test(line))) {
      first = index;
      numbered++;
      continue;
    }
    break;
  }
  if (first < 0 || numbered < 2) return null;
  return { heading: null, start: offsets[first]!, entries: splitEntries(lines.slice(first)) };
}

/** One entry per marker; lines without a marker continue the entry before them. */
function splitEntries(lines: string[]): ReferenceListEntry[] {
  const numbered = lines.some((line) => MARKER.test(line));
  const chunks: string[][] = [];
  if (numbered) {
    for (const line of lines) {
      if (!line.trim()) continue;
      // A scrape that ran the whole list into one paragraph: "[1]…[2]…".
      for (const piece of splitRunTogether(line)) {
        if (MARKER.test(piece) || chunks.length === 0) chunks.push([piece]);
        else chunks[chunks.length - 1]!.push(piece);
      }
    }
  } else {
    // Unnumbered (APA, MLA): blank lines separate entries when the list uses them, else every line is one.
    const paragraphed = lines.some((line, index) => line.trim() && lines[index + 1]?.trim());
    const blankSeparated = lines.some((line) => !line.trim());
    let current: string[] = [];
    for (const line of lines) {
      if (!line.trim()) {
        if (current.length) chunks.push(current);
        current = [];
      } else if (blankSeparated && paragraphed) {
        current.push(line);
      } else {
        chunks.push([line]);
      }
    }
    if (current.length) chunks.push(current);
  }
  return chunks.map((chunk) => {
    const text = chunk.map((line) => line.trim()).join("\n");
    return { text, number: splitMarker(text).number };
  });
}

function splitRunTogether(line: string): string[] {
  const starts = [...line.matchAll(/[[［](\d{1,4})[\]］](?=\S)/g)];
  if (starts.length < 2 || starts[0]!.index !== line.search(/\S/)) return [line];
  // Only consecutive numbers split the line, so a "[3]" cited inside a title does not.
  const pieces: string[] = [];
  let from = 0;
  let expected = Number(starts[0]![1]);
  for (const start of starts) {
    if (Number(start[1]) !== expected) continue;
    if (start.index! > from) pieces.push(line.slice(from, start.index));
    from = start.index!;
    expected++;
  }
  pieces.push(line.slice(from));
  return pieces.map((piece) => piece.trim()).filter(Boolean);
}
