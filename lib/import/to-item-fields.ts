// A parsed reference → the item's bilingual fields. Each value goes by its script: text with Chinese
// characters fills the Chinese field, anything else the English one, so an English paper from Scopus and a
// CNKI record with an English title both land where the item page shows them.
import { EMPTY_ITEM_FIELDS, itemFieldsSchema, type ItemFields } from "@/lib/items/item-fields";
import type { RecordProblem, SourceRecord } from "./source-record";

const HAN = /\p{Script=Han}/u;

export function isChinese(value: string): boolean {
  return HAN.test(value);
}

function byScript(values: (string | null)[]): { zh: string | null; en: string | null } {
  let zh: string | null = null;
  let en: string | null = null;
  for (const value of values) {
    if (!value) continue;
    if (isChinese(value)) zh ??= value;
    else en ??= value;
  }
  return { zh, en };
}

function cleanText(value: string | null): string | null {
  if (!value) return null;
  // Exports wrap titles in HTML (<i>, <sub>) or LaTeX braces that citation-js left in place.
  const cleaned = value
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned || null;
}

export interface MappedRecord {
  fields: ItemFields;
  problems: RecordProblem[];
}

export function toItemFields(record: SourceRecord): MappedRecord {
  const problems = [...record.problems];
  const line = (key: keyof SourceRecord["fieldLines"]) => record.fieldLines[key]?.line ?? record.line;
  const name = (key: keyof SourceRecord["fieldLines"], fallback: string) => record.fieldLines[key]?.name ?? fallback;

  const titles = byScript([cleanText(record.title), cleanText(record.otherTitle)]);
  if (!titles.zh && !titles.en && !problems.some((problem) => problem.code === "unparsable")) {
    problems.push({ line: line("title"), field: name("title", "title"), code: "missingTitle", severity: "error" });
  }

  let year: number | null = null;
  if (record.year) {
    const match = /(?:^|\D)(\d{4})(?:\D|$)/.exec(record.year);
    const candidate = match ? Number(match[1]) : NaN;
    if (Number.isInteger(candidate) && candidate >= 1000 && candidate <= 2100) year = candidate;
    else {
      problems.push({
        line: line("year"),
        field: name("year", "year"),
        code: "yearNotNumber",
        severity: "warning",
        detail: record.year,
      });
    }
  }

  let doi: string | null = null;
  if (record.doi) {
    const candidate = record.doi
      .trim()
      .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, "")
      .trim();
    if (/^10\.\d{4,9}\/\S+$/.test(candidate)) doi = candidate;
    else {
      problems.push({
        line: line("doi"),
        field: name("doi", "doi"),
        code: "invalidDoi",
        severity: "warning",
        detail: record.doi,
      });
    }
  }

  const journals = byScript([cleanText(record.journal)]);
  const abstracts = byScript([record.abstract]);
  const keywords = record.keywords.map((keyword) => keyword.trim()).filter(Boolean);
  const raw = {
    titleZh: titles.zh,
    titleEn: titles.en,
    authors: record.authors.map((author) =>
      isChinese(author)
        ? { nameZh: author.replace(/\s+/g, ""), nameEn: null }
        : { nameZh: null, nameEn: author.replace(/\s+/g, " ") },
    ),
    journalZh: journals.zh,
    journalEn: journals.en,
    year,
    volume: record.volume,
    issue: record.issue,
    pages: record.pages,
    doi,
    keywordsZh: keywords.filter(isChinese),
    keywordsEn: keywords.filter((keyword) => !isChinese(keyword)),
    abstractZh: abstracts.zh,
    abstractEn: abstracts.en,
    identifiers: record.issn ? [{ type: "ISSN", value: record.issn.slice(0, 300) }] : [],
  };
  // A value the item cannot hold (an "issue" of 80 characters, a keyword of 500) is dropped with a warning
  // rather than losing the whole reference; only a record still invalid after that is kept out.
  let candidate: Record<string, unknown> = raw;
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = itemFieldsSchema.safeParse(candidate);
    if (parsed.success) {
      if (!parsed.data.titleZh && !parsed.data.titleEn) break;
      return { fields: parsed.data, problems };
    }
    const next = { ...candidate };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      problems.push({
        line: record.line,
        field: issue.path.map(String).join("."),
        code: "invalidField",
        severity: field === "titleZh" || field === "titleEn" ? "error" : "warning",
        detail: issue.message,
      });
      if (field === "titleZh" || field === "titleEn") return fallback();
      next[field] = Array.isArray(candidate[field]) ? [] : null;
    }
    candidate = next;
  }
  return fallback();

  function fallback(): MappedRecord {
    if (!problems.some((problem) => problem.severity === "error")) {
      problems.push({ line: record.line, field: null, code: "invalidField", severity: "error" });
    }
    // What the preview can still show of a record the error keeps out of the import.
    return {
      fields: {
        ...EMPTY_ITEM_FIELDS,
        titleZh: titles.zh?.slice(0, 1000) ?? null,
        titleEn: titles.en?.slice(0, 1000) ?? null,
        year,
      },
      problems,
    };
  }
}
