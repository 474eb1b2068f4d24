// CSL-JSON (what citation-js turns RIS and BibTeX into, and what Zotero exports) → a SourceRecord.
import { emptyRecord, splitList, type SourceRecord } from "./source-record";

type CslNameValue = { family?: unknown; given?: unknown; literal?: unknown };

function str(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/\s+/g, " ").trim();
  return trimmed || null;
}

const HAN = /\p{Script=Han}/u;

export function cslName(name: unknown): string | null {
  if (typeof name === "string") return str(name);
  if (!name || typeof name !== "object") return null;
  const { family, given, literal } = name as CslNameValue;
  const lit = str(literal);
  if (lit) return lit;
  const familyName = str(family);
  const givenName = str(given);
  if (!familyName) return givenName;
  if (!givenName) return familyName;
  // Chinese names have no comma and family first: 肖 + 发民 is 肖发民.
  return HAN.test(familyName + givenName) ? `${familyName}${givenName}` : `${familyName}, ${givenName}`;
}

function cslYear(issued: unknown): string | null {
  if (!issued || typeof issued !== "object") return str(issued);
  const { "date-parts": parts, literal, raw } = issued as Record<string, unknown>;
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) return str(parts[0][0]);
  return str(literal) ?? str(raw);
}

export function fromCsl(csl: Record<string, unknown>, line: number): SourceRecord {
  const record = emptyRecord(line);
  record.type = str(csl.type);
  record.title = str(csl.title);
  record.otherTitle = str(csl["original-title"]) ?? str(csl["title-translated"]);
  record.authors = Array.isArray(csl.author) ? csl.author.map(cslName).filter((name): name is string => !!name) : [];
  if (record.authors.length === 0 && Array.isArray(csl.editor)) {
    record.authors = csl.editor.map(cslName).filter((name): name is string => !!name);
  }
  record.journal = str(csl["container-title"]) ?? str(csl["collection-title"]) ?? str(csl.publisher);
  record.year = cslYear(csl.issued);
  record.volume = str(csl.volume);
  record.issue = str(csl.issue);
  record.pages = str(csl.page);
  record.doi = str(csl.DOI);
  const keywords = csl.keyword;
  record.keywords = Array.isArray(keywords)
    ? keywords.map(str).filter((value): value is string => !!value)
    : typeof keywords === "string"
      ? splitList(keywords, /[;；,，]+/)
      : [];
  record.abstract = str(csl.abstract);
  const issn = Array.isArray(csl.ISSN) ? csl.ISSN[0] : csl.ISSN;
  record.issn = str(issn);
  return record;
}
