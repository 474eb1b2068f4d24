// What a PDF says about itself, for matching a dropped file to an item and for a new item's first metadata:
// the title (the document information's, unless it is a file name or boilerplate, else the largest line at the
// top of the first page) and a DOI found in the metadata or the text.
import { buildLines, joinLines, tidySpaces, type PageRuns } from "./layout";

export interface PdfMetadata {
  title: string | null;
  author: string | null;
  subject: string | null;
  doi: string | null;
}

const DOI = /\b(10\.\d{4,9}\/[^\s"<>，。；、）)]+)/i;

export function findDoi(text: string): string | null {
  const match = DOI.exec(text);
  if (!match) return null;
  // A DOI printed at a sentence's end carries the full stop; brackets open in the text close outside it.
  return match[1]!.replace(/[.,;:]+$/, "").toLowerCase();
}

const USELESS_TITLE = /^(untitled|microsoft word|document\d*|无标题|文档\d*)|\.(docx?|pdf|caj|tex|indd|wps)$/i;

export function guessTitle(infoTitle: string | null, firstPages: PageRuns[]): string | null {
  const fromInfo = infoTitle?.trim();
  if (fromInfo && fromInfo.length >= 4 && !USELESS_TITLE.test(fromInfo)) return tidySpaces(fromInfo);
  const page = firstPages[0];
  if (!page) return null;
  const lines = buildLines(page.runs).filter((line) => line.y > page.height * 0.35 && line.y < page.height * 0.93);
  const candidates = lines.filter((line) => tidySpaces(line.text).length >= 4);
  if (candidates.length === 0) return null;
  const largest = Math.max(...candidates.map((line) => line.size));
  const body = candidates.map((line) => line.size).sort((a, b) => a - b)[Math.floor(candidates.length / 2)]!;
  if (largest < body * 1.15) return null;
  // The title may wrap: take the consecutive lines set in the largest size.
  const first = lines.findIndex((line) => Math.abs(line.size - largest) < 0.5 && tidySpaces(line.text).length >= 4);
  const parts: string[] = [];
  for (let index = first; index < lines.length && Math.abs(lines[index]!.size - largest) < 0.5; index++) {
    parts.push(tidySpaces(lines[index]!.text));
  }
  const title = parts.reduce((joined, part) => joinLines(joined, part));
  return title.length > 300 ? title.slice(0, 300) : title;
}
