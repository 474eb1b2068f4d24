// The library's items out again, in the format the next tool reads: RIS (EndNote, Zotero, Rayyan, CNKI
// E-Study), BibTeX and BibLaTeX (LaTeX, pandoc), CSL-JSON (Zotero, pandoc), and CSV with every reference field
// plus the review's own state (stage, themes, assignees, screening) for spreadsheets. The reference formats
// are written by lib/export/reference-formats.ts.
import { z } from "zod";
import { citableItemSelect } from "@/lib/bibliography/csl";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { csvDocument } from "@/lib/export/csv";
import { libraryWhere, type LibraryParams } from "@/lib/library/query";
import { EXPORT_FORMATS, type ExportFormat } from "./formats";
import {
  affiliationList,
  formatBibtex,
  formatCslJson,
  formatRis,
  isChineseItem,
  typeName,
  type ReferenceItem,
} from "./reference-formats";

export { EXPORT_FORMATS, type ExportFormat };
export { bibtexValue, citationKeys } from "./reference-formats";

export const exportFormatSchema = z.enum(EXPORT_FORMATS);

export type ExportScope =
  { kind: "all" } | { kind: "filter"; params: LibraryParams } | { kind: "selected"; itemIds: string[] };

export interface ItemsCsvHeaders {
  columns: Record<(typeof CSV_COLUMNS)[number], string>;
  screening: (state: string) => string;
  decision: (choice: string) => string;
}

export const CSV_COLUMNS = [
  "titleZh",
  "titleEn",
  "itemType",
  "authors",
  "authorsOther",
  "affiliations",
  "editors",
  "translators",
  "supervisors",
  "journalZh",
  "journalEn",
  "year",
  "issuedDate",
  "volume",
  "issue",
  "pages",
  "doi",
  "url",
  "accessedDate",
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
  "keywords",
  "abstractZh",
  "abstractEn",
  "funding",
  "stage",
  "themes",
  "assignees",
  "screeningState",
  "screeningDecision",
  "exclusionReason",
] as const;

// What a citation needs, plus what the export formats and the CSV's review columns add.
const exportSelect = {
  ...citableItemSelect,
  authors: {
    select: { role: true, nameZh: true, nameEn: true, affiliations: true },
    orderBy: [{ role: "asc" }, { position: "asc" }],
  },
  keywordsZh: true,
  keywordsEn: true,
  abstractZh: true,
  abstractEn: true,
  funding: true,
  identifiers: true,
  moreAuthors: true,
  screeningState: true,
  stage: { select: { nameZh: true, nameEn: true } },
  exclusionReason: { select: { labelZh: true, labelEn: true } },
  themes: { select: { theme: { select: { nameZh: true, nameEn: true } } } },
  assignments: { select: { user: { select: { name: true } } } },
  screeningDecision: { select: { choice: true } },
} as const satisfies Prisma.ReviewItemSelect;

export type ExportItem = Prisma.ReviewItemGetPayload<{ select: typeof exportSelect }>;

// Fails to compile when the export's select no longer gives the writers what they read.
type AssertTrue<T extends true> = T;
type _ExportItemIsReferenceItem = AssertTrue<ExportItem extends ReferenceItem ? true : false>;

/** The items a scope names, in the library's default order (newest first), read with the caller's rights. */
export async function loadExportItems(access: ReviewAccess, scope: ExportScope): Promise<ExportItem[]> {
  const { userId, reviewId } = access.require("review.read");
  let where: Prisma.ReviewItemWhereInput;
  if (scope.kind === "all") where = { reviewId, deletedAt: null };
  else if (scope.kind === "filter") where = await libraryWhere(userId, reviewId, scope.params);
  else {
    if (scope.itemIds.length === 0) throw new AppError("INVALID_INPUT", "no items selected");
    where = { reviewId, deletedAt: null, id: { in: scope.itemIds } };
  }
  return db().reviewItem.findMany({ where, select: exportSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

export function formatItems(items: ReferenceItem[], format: Exclude<ExportFormat, "csv">): string {
  switch (format) {
    case "ris":
      return formatRis(items);
    case "bibtex":
      return formatBibtex(items, "bibtex");
    case "biblatex":
      return formatBibtex(items, "biblatex");
    case "csl-json":
      return formatCslJson(items);
  }
}

function identifierOf(item: ReferenceItem, type: string): string {
  if (!Array.isArray(item.identifiers)) return "";
  const found = (item.identifiers as { type?: unknown; value?: unknown }[]).find(
    (entry) => typeof entry?.type === "string" && entry.type.toUpperCase() === type,
  );
  return typeof found?.value === "string" ? found.value : "";
}

export function itemsCsv(items: ExportItem[], locale: "zh" | "en", headers: ItemsCsvHeaders): string {
  const name = (zh: string | null, en: string | null) => (locale === "zh" ? (zh ?? en) : (en ?? zh)) ?? "";
  const rows = items.map((item) => {
    const zhFirst = isChineseItem(item);
    const names = (role: string) =>
      item.authors
        .filter((author) => author.role === role)
        .map((author) => (zhFirst ? (author.nameZh ?? author.nameEn) : (author.nameEn ?? author.nameZh)) ?? "");
    const authors = item.authors.filter((author) => author.role === "AUTHOR");
    const otherNames = authors.map((author) => (zhFirst ? author.nameEn : author.nameZh));
    const main = names("AUTHOR");
    const values: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      titleZh: item.titleZh,
      titleEn: item.titleEn,
      itemType: typeName(item.itemType),
      // More authors than named: the list ends in 等 / et al., which the importer reads as the flag again.
      authors: [...main, ...(item.moreAuthors ? [zhFirst ? "等" : "et al."] : [])].join("; "),
      // Paired with the authors by position, so an author without a second form repeats the first.
      authorsOther: otherNames.some(Boolean) ? otherNames.map((other, index) => other ?? main[index]).join("; ") : "",
      affiliations: affiliationList(
        authors.map((author) => ({ main: "", other: null, affiliations: author.affiliations })),
      ).join("; "),
      editors: names("EDITOR").join("; "),
      translators: names("TRANSLATOR").join("; "),
      supervisors: names("SUPERVISOR").join("; "),
      journalZh: item.journalZh,
      journalEn: item.journalEn,
      year: item.year,
      issuedDate: item.issuedDate,
      volume: item.volume,
      issue: item.issue,
      pages: item.pages,
      doi: item.doi,
      url: item.url,
      accessedDate: item.accessedDate,
      publisher: item.publisher,
      publisherPlace: item.publisherPlace,
      edition: item.edition,
      genre: item.genre,
      eventTitle: item.eventTitle,
      eventPlace: item.eventPlace,
      eventDate: item.eventDate,
      number: item.number,
      jurisdiction: item.jurisdiction,
      language: item.language,
      issn: identifierOf(item, "ISSN"),
      isbn: identifierOf(item, "ISBN"),
      keywords: [...item.keywordsZh, ...item.keywordsEn].join("; "),
      abstractZh: item.abstractZh,
      abstractEn: item.abstractEn,
      funding: item.funding,
      stage: name(item.stage.nameZh, item.stage.nameEn),
      themes: item.themes.map(({ theme }) => name(theme.nameZh, theme.nameEn)).join("; "),
      assignees: item.assignments.map(({ user }) => user.name).join("; "),
      screeningState: headers.screening(item.screeningState),
      screeningDecision: item.screeningDecision ? headers.decision(item.screeningDecision.choice) : "",
      exclusionReason: item.exclusionReason ? name(item.exclusionReason.labelZh, item.exclusionReason.labelEn) : "",
    };
    return CSV_COLUMNS.map((column) => values[column] ?? "");
  });
  return csvDocument([CSV_COLUMNS.map((column) => headers.columns[column]), ...rows]);
}

export const EXPORT_FILE: Record<ExportFormat, { extension: string; contentType: string }> = {
  ris: { extension: "ris", contentType: "application/x-research-info-systems; charset=utf-8" },
  bibtex: { extension: "bib", contentType: "application/x-bibtex; charset=utf-8" },
  biblatex: { extension: "bib", contentType: "application/x-bibtex; charset=utf-8" },
  "csl-json": { extension: "json", contentType: "application/vnd.citationstyles.csl+json; charset=utf-8" },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8" },
};
