// The fields a CSV column can be read into, and what the preview says about a CSV file: shared by the parser
// and the preview's column-mapping step (client-safe, no parser code).

export const CSV_TARGETS = [
  "ignore",
  "title",
  "otherTitle",
  "authors",
  "translatedAuthors",
  "affiliations",
  "editors",
  "translators",
  "supervisors",
  "journal",
  "otherJournal",
  "year",
  "date",
  "volume",
  "issue",
  "pages",
  "startPage",
  "endPage",
  "doi",
  "url",
  "accessedDate",
  "abstract",
  "otherAbstract",
  "keywords",
  "type",
  "publisher",
  "publisherPlace",
  "edition",
  "genre",
  "eventTitle",
  "eventPlace",
  "eventDate",
  "number",
  "jurisdiction",
  "language",
  "issn",
  "isbn",
  "funding",
  "pmid",
] as const;
export type CsvTarget = (typeof CSV_TARGETS)[number];

export type CsvTool = "asreview" | "rayyan" | "covidence" | "scopus" | "wos" | "huitong";

export interface CsvLayout {
  delimiter: "," | ";" | "\t";
  headers: string[];
  mapping: CsvTarget[];
  /** The tool whose layout the headers match, or null for a sheet of unknown origin. */
  tool: CsvTool | null;
  /** The first row's values, so the mapping can be judged by what the columns hold. */
  sample: string[];
}
