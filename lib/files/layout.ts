// Turns the positioned text runs of a PDF's pages (as pdf.js reports them) into readable text: lines built from
// runs, columns found by their gutters and read one after the other, running headers, footers and page numbers
// dropped, footnotes set apart, lines joined into paragraphs (English hyphenation undone, Chinese joined without
// spaces). Pure: no pdf.js here, so the rules are tested on small hand-made pages.

export interface TextRun {
  text: string;
  /** Left edge and baseline, in PDF points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
}

export interface PageRuns {
  width: number;
  height: number;
  runs: TextRun[];
}

export interface Footnote {
  page: number;
  text: string;
}

export interface LaidOutText {
  /** The body in reading order: one paragraph per line. */
  text: string;
  /** pageStarts[i]: offset in `text` of page i+1's first character (pages without body text repeat the offset). */
  pageStarts: number[];
  footnotes: Footnote[];
}

interface Line {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u00b7]/;
const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/** Spaces LibreOffice, Word and pdf.js put between Chinese and Latin text (2021 年) are layout, not text. */
export function tidySpaces(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(new RegExp(`(${CJK_CHAR.source}) (?=\\S)`, "g"), "$1")
    .replace(new RegExp(`(\\S) (?=${CJK_CHAR.source})`, "g"), "$1")
    .trim();
}

/** Groups a page's runs into lines: same baseline (superscripts included) and no column-sized gap between. */
export function buildLines(runs: TextRun[]): Line[] {
  // Larger runs first, so that a line is founded by its main text and superscripts (note marks) join it.
  const sorted = runs
    .filter((run) => run.text.length > 0 && run.size > 0)
    .sort((a, b) => Math.round(b.size) - Math.round(a.size) || b.y - a.y || a.x - b.x);
  const lines: (Line & { runs: TextRun[] })[] = [];
  for (const run of sorted) {
    const line = lines.find((candidate) => {
      const size = Math.max(candidate.size, run.size);
      const offset = run.y - candidate.y;
      const sameBaseline = offset >= -0.35 * size && offset <= 0.7 * size;
      // Horizontal distance between the run and the line (0 when they overlap).
      const distance = Math.max(run.x - candidate.x1, candidate.x0 - (run.x + run.width), 0);
      return sameBaseline && distance < 1.2 * size;
    });
    if (line) {
      line.runs.push(run);
      line.x0 = Math.min(line.x0, run.x);
      line.x1 = Math.max(line.x1, run.x + run.width);
      // The line's size and baseline are its main text's, not a superscript's.
      if (run.size > line.size) {
        line.size = run.size;
        line.y = run.y;
      }
    } else {
      lines.push({ x0: run.x, x1: run.x + run.width, y: run.y, size: run.size, text: "", runs: [run] });
    }
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    for (const run of line.runs) {
      const gap = run.x - end;
      if (text && gap > 0.25 * line.size && !text.endsWith(" ") && !run.text.startsWith(" ")) text += " ";
      text += run.text;
      end = run.x + run.width;
    }
    line.text = text.replace(/\s+/g, " ").trim();
  }
  return lines.filter((line) => line.text.length > 0).sort((a, b) => b.y - a.y || a.x0 - b.x0);
}

const PAGE_NUMBER =
  /^(?:[-–—·•\s]*\d{1,4}[-–—·•\s]*|[ivxlcdm]{1,6}|第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|page\s*\d+(?:\s*of\s*\d+)?|\d+\s*\/\s*\d+)$/i;

/** A line's text with digits masked, so "第3期 · 45" and "第3期 · 46" count as one running header. */
function runningKey(text: string): string {
  return tidySpaces(text).replace(/\d+/g, "#").toLowerCase();
}

/** The lines to drop from every page: running headers and footers (repeated near the page edge) and page numbers. */
function marginLines(pages: { lines: Line[]; height: number }[]): Set<Line> {
  const drop = new Set<Line>();
  const band = (line: Line, height: number) => line.y > height * 0.9 || line.y < height * 0.1;
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.lines.filter((line) => band(line, page.height)).map((line) => runningKey(line.text)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeatedOn = Math.max(2, Math.ceil(pages.length * 0.4));
  for (const page of pages) {
    for (const line of page.lines) {
      if (!band(line, page.height)) continue;
      if (PAGE_NUMBER.test(tidySpaces(line.text)) || (counts.get(runningKey(line.text)) ?? 0) >= repeatedOn) {
        drop.add(line);
      }
    }
  }
  return drop;
}

/** The size most of the document's characters are set in: the body text. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 10;
  let most = -1;
  for (const [size, count] of weight) {
    if (count > most) {
      best = size;
      most = count;
    }
  }
  return best;
}

const NOTE_MARKER = /^(?:\d{1,3}(?![\d.．、:：])|[①-⑳㉑-㉟]|[*†‡§]|注\s*[:：\d①-⑳])/;

/**
 * The footnote block at a page's foot: the lines below the body set smaller than it, starting with a note
 * marker. A reference list in small type ([1] …) does not start with one and stays in the body.
 */
function footnoteLines(lines: Line[], height: number, body: number): Line[] {
  const block: Line[] = [];
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]!;
    if (line.size >= body * 0.93 || line.y > height * 0.5) break;
    block.unshift(line);
  }
  // The block starts at its first line that opens with a marker; smaller text above it is not a note.
  const first = block.findIndex((line) => NOTE_MARKER.test(line.text));
  return first === -1 ? [] : block.slice(first);
}

interface Column {
  x0: number;
  x1: number;
}

/** The page's text columns, found as vertical gutters no line crosses (lines spanning all columns aside). */
function findColumns(lines: Line[]): Column[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  const span = right - left;
  // Lines wider than 60 % of the text block span the columns (a title, a wide table): they do not block gutters.
  const narrow = lines.filter((line) => line.x1 - line.x0 < span * 0.6);
  if (narrow.length < 4) return [{ x0: left, x1: right }];
  const bins = new Array<number>(Math.ceil(span) + 1).fill(0);
  for (const line of narrow) {
    for (let x = Math.floor(line.x0 - left); x < Math.ceil(line.x1 - left); x++) bins[x]! += 1;
  }
  const columns: Column[] = [];
  let start = 0;
  let x = 0;
  while (x < bins.length) {
    if (bins[x] === 0) {
      let end = x;
      while (end < bins.length && bins[end] === 0) end++;
      // A gutter is a clear strip at least 6 pt wide, with text on both sides.
      if (end - x >= 6 && x > span * 0.15 && end < span * 0.85) {
        columns.push({ x0: left + start, x1: left + x });
        start = end;
      }
      x = end;
    } else {
      x++;
    }
  }
  columns.push({ x0: left + start, x1: right });
  return columns;
}

interface FlowLine extends Line {
  page: number;
  column: Column;
  /** Vertical distance from the line above in the same column, or null at the top of a column. */
  gapAbove: number | null;
}

/** A page's body lines in reading order: bands separated by column-spanning lines, each band column by column. */
function readingOrder(lines: Line[], page: number): FlowLine[] {
  const columns = findColumns(lines);
  if (columns.length <= 1) {
    const column = columns[0] ?? { x0: 0, x1: 0 };
    return lines.map((line, index) => ({
      ...line,
      page,
      column,
      gapAbove: index === 0 ? null : lines[index - 1]!.y - line.y,
    }));
  }
  const spans = (line: Line) => columns.filter((column) => line.x0 < column.x1 && line.x1 > column.x0).length > 1;
  const ordered: FlowLine[] = [];
  let band: Line[] = [];
  const flush = () => {
    for (const column of columns) {
      const inColumn = band.filter((line) => line.x0 >= column.x0 - 1 && line.x0 < column.x1);
      inColumn.forEach((line, index) =>
        ordered.push({ ...line, page, column, gapAbove: index === 0 ? null : inColumn[index - 1]!.y - line.y }),
      );
    }
    band = [];
  };
  for (const line of lines) {
    if (spans(line)) {
      flush();
      const left = columns[0]!.x0;
      const right = columns.at(-1)!.x1;
      ordered.push({ ...line, page, column: { x0: left, x1: right }, gapAbove: null });
    } else {
      band.push(line);
    }
  }
  flush();
  return ordered;
}

const SENTENCE_END = /[。！？!?；;：:.…”』」）)\]】]$/;

/**
 * Joins two lines of one paragraph: hyphenation undone in English, nothing inserted around Chinese. A hyphen
 * at a line's end stays when the document prints the hyphenated compound elsewhere on one line (urban-rural).
 */
export function joinLines(previous: string, next: string, compounds: ReadonlySet<string> = new Set()): string {
  const last = previous.at(-1);
  const first = next[0];
  if (/[A-Za-z]-$/.test(previous) && /^[a-z]/.test(next)) {
    const head = /([A-Za-z]+)-$/.exec(previous)![1]!;
    const tail = /^[a-z]+/.exec(next)![0];
    if (compounds.has(`${head}-${tail}`.toLowerCase())) return previous + next;
    return previous.slice(0, -1) + next;
  }
  if (last === "\u00ad") return previous.slice(0, -1) + next;
  if (isCjk(last) || isCjk(first)) return previous + next;
  return `${previous} ${next}`;
}

/** Whether `line` starts a new paragraph after `previous` (both in reading order). */
function startsParagraph(previous: FlowLine, line: FlowLine, lineGap: number): boolean {
  const previousWidth = previous.column.x1 - previous.column.x0;
  const previousShort = previous.x1 < previous.column.x0 + previousWidth - 2.5 * previous.size;
  if (previousShort) return true;
  if (Math.abs(previous.size - line.size) > 0.6) return true;
  if (line.gapAbove !== null && line.gapAbove > lineGap * 1.4) return true;
  if (line.x0 > line.column.x0 + 1.5 * line.size) return true;
  // A full line ending a column or page continues in the next one unless it closes a sentence there and the
  // next one is indented or is a line of its own (a heading).
  if (line.gapAbove === null && SENTENCE_END.test(previous.text)) {
    const lineWidth = line.column.x1 - line.column.x0;
    if (line.x0 > line.column.x0 + 0.8 * line.size) return true;
    if (line.x1 < line.column.x0 + lineWidth - 2.5 * line.size) return true;
  }
  return false;
}

/** The most common distance between consecutive lines of body text: the line pitch. */
function linePitch(lines: FlowLine[], body: number): number {
  const gaps = new Map<number, number>();
  for (const line of lines) {
    if (line.gapAbove === null || Math.abs(line.size - body) > 0.6) continue;
    const gap = Math.round(line.gapAbove * 2) / 2;
    gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  let best = body * 1.4;
  let most = 0;
  for (const [gap, count] of gaps) {
    if (count > most && gap > 0) {
      best = gap;
      most = count;
    }
  }
  return best;
}

function paragraphs(lines: FlowLine[], body: number): { text: string; page: number }[][] {
  const pitch = linePitch(lines, body);
  const result: { text: string; page: number }[][] = [];
  let current: { text: string; page: number }[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous && startsParagraph(previous, line, pitch)) {
      result.push(current);
      current = [];
    }
    current.push({ text: line.text, page: line.page });
  });
  if (current.length > 0) result.push(current);
  return result;
}

export function layOutPages(pages: PageRuns[]): LaidOutText {
  const built = pages.map((page) => ({ lines: buildLines(page.runs), height: page.height }));
  const compounds = new Set<string>();
  for (const page of built) {
    for (const line of page.lines) {
      for (const match of line.text.matchAll(/[A-Za-z]+-[a-z]+/g)) compounds.add(match[0].toLowerCase());
    }
  }
  const join = (previous: string, next: string) => joinLines(previous, next, compounds);
  const margins = marginLines(built);
  const content = built.map((page) => page.lines.filter((line) => !margins.has(line)));
  const body = bodySize(content.flat());
  const flow: FlowLine[] = [];
  const footnotes: Footnote[] = [];
  content.forEach((lines, index) => {
    const notes = new Set(footnoteLines(lines, built[index]!.height, body));
    if (notes.size > 0) {
      const noteFlow = readingOrder([...notes], index + 1);
      for (const paragraph of paragraphs(noteFlow, Math.max(...[...notes].map((line) => line.size)))) {
        const text = tidySpaces(paragraph.map((line) => line.text).reduce(join));
        if (text) footnotes.push({ page: index + 1, text });
      }
    }
    flow.push(
      ...readingOrder(
        lines.filter((line) => !notes.has(line)),
        index + 1,
      ),
    );
  });

  // Build the text paragraph by paragraph, noting where each page's first line lands.
  const pageStarts = new Array<number>(pages.length).fill(-1);
  let text = "";
  for (const paragraph of paragraphs(flow, body)) {
    if (text) text += "\n";
    let joined = "";
    for (const line of paragraph) {
      const piece = tidySpaces(line.text);
      if (!piece) continue;
      joined = joined ? join(joined, piece) : piece;
      // The page starts where this line's text begins: the joined paragraph ends with it.
      if (pageStarts[line.page - 1] === -1) pageStarts[line.page - 1] = text.length + joined.length - piece.length;
    }
    text += joined;
  }
  // Pages with no body text (blank, figures only) start where the next text does.
  let next = text.length;
  for (let index = pageStarts.length - 1; index >= 0; index--) {
    if (pageStarts[index] === -1) pageStarts[index] = next;
    else next = pageStarts[index]!;
  }
  return { text, pageStarts, footnotes };
}
