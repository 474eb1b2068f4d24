// The library's items out again, in the format the next tool reads: RIS (EndNote, Zotero, Rayyan, CNKI
// E-Study), BibTeX (LaTeX), CSL-JSON (Zotero, pandoc), and CSV with the review's own state (stage, themes,
// assignees, screening) for spreadsheets.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { libraryWhere, type LibraryParams } from "@/lib/library/query";
import { toCslItem, type CslItem } from "@/lib/synthesis/csl-item";
import { EXPORT_FORMATS, type ExportFormat } from "./formats";

export { EXPORT_FORMATS, type ExportFormat };

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
  "authors",
  "journal",
  "year",
  "volume",
  "issue",
  "pages",
  "doi",
  "keywords",
  "abstract",
  "stage",
  "themes",
  "assignees",
  "screeningState",
  "screeningDecision",
  "exclusionReason",
] as const;

const exportSelect = {
  id: true,
  titleZh: true,
  titleEn: true,
  journalZh: true,
  journalEn: true,
  year: true,
  volume: true,
  issue: true,
  pages: true,
  doi: true,
  keywordsZh: true,
  keywordsEn: true,
  abstractZh: true,
  abstractEn: true,
  identifiers: true,
  screeningState: true,
  authors: { select: { nameZh: true, nameEn: true }, orderBy: { position: "asc" } },
  stage: { select: { nameZh: true, nameEn: true } },
  exclusionReason: { select: { labelZh: true, labelEn: true } },
  themes: { select: { theme: { select: { nameZh: true, nameEn: true } } } },
  assignments: { select: { user: { select: { name: true } } } },
  screeningDecision: { select: { choice: true } },
} as const satisfies Prisma.ReviewItemSelect;

export type ExportItem = Prisma.ReviewItemGetPayload<{ select: typeof exportSelect }>;

/** The items a scope names, in the library's default order (newest first), read with the caller's rights. */
export async function loadExportItems(userId: string, reviewId: string, scope: ExportScope): Promise<ExportItem[]> {
  await authorize(userId, reviewId, "review.read");
  let where: Prisma.ReviewItemWhereInput;
  if (scope.kind === "all") where = { reviewId, deletedAt: null };
  else if (scope.kind === "filter") where = await libraryWhere(userId, reviewId, scope.params);
  else {
    if (scope.itemIds.length === 0) throw new AppError("INVALID_INPUT", "no items selected");
    where = { reviewId, deletedAt: null, id: { in: scope.itemIds } };
  }
  return db().reviewItem.findMany({ where, select: exportSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

function issnOf(item: ExportItem): string | undefined {
  if (!Array.isArray(item.identifiers)) return undefined;
  const found = (item.identifiers as { type?: unknown; value?: unknown }[]).find(
    (entry) => typeof entry?.type === "string" && entry.type.toUpperCase() === "ISSN",
  );
  return typeof found?.value === "string" ? found.value : undefined;
}

/** CSL-JSON with what a reference manager keeps beyond a citation: abstract, keywords, ISSN. */
export function toExportCsl(item: ExportItem): CslItem & Record<string, unknown> {
  const csl: CslItem & Record<string, unknown> = { ...toCslItem(item) };
  const zh = csl.language === "zh-CN";
  const abstract = zh ? (item.abstractZh ?? item.abstractEn) : (item.abstractEn ?? item.abstractZh);
  if (abstract) csl.abstract = abstract;
  const keywords = zh ? [...item.keywordsZh, ...item.keywordsEn] : [...item.keywordsEn, ...item.keywordsZh];
  if (keywords.length) csl.keyword = keywords.join(",");
  const issn = issnOf(item);
  if (issn) csl.ISSN = issn;
  // The title in the other language travels along, so nothing bilingual is lost on the way out.
  const other = zh ? item.titleEn : item.titleZh;
  if (other && other !== csl.title) csl["original-title"] = other;
  return csl;
}

/** BibTeX keys: the first author's Latin family name and the year, made unique; Chinese names give "item". */
function citationKeys(items: CslItem[]): string[] {
  const used = new Map<string, number>();
  return items.map((item) => {
    const first = item.author?.[0];
    const family = first && "family" in first ? first.family : "";
    const ascii = family.normalize("NFKD").replace(/[^A-Za-z]/g, "");
    const base = `${ascii || "item"}${item.issued?.["date-parts"][0][0] ?? ""}`;
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    return count === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(count, 26))}${count > 26 ? count : ""}`;
  });
}

let bibtexConfigured = false;

export function formatItems(items: ExportItem[], format: Exclude<ExportFormat, "csv">): string {
  const csl = items.map(toExportCsl);
  if (format === "csl-json") return `${JSON.stringify(csl, null, 2)}\n`;
  if (format === "ris") return plugins.output.format("ris", csl);
  if (!bibtexConfigured) {
    // Chinese stays Chinese in the .bib (BibLaTeX and XeLaTeX read UTF-8) instead of becoming LaTeX escapes.
    (plugins.config.get("@bibtex") as { format: { asciiOnly: boolean } }).format.asciiOnly = false;
    bibtexConfigured = true;
  }
  const keys = citationKeys(csl);
  return plugins.output.format(
    "bibtex",
    csl.map((item, index) => ({ ...item, "citation-key": keys[index] })),
  );
}

export function itemsCsv(items: ExportItem[], locale: "zh" | "en", headers: ItemsCsvHeaders): string {
  const name = (zh: string | null, en: string | null) => (locale === "zh" ? (zh ?? en) : (en ?? zh)) ?? "";
  const rows = items.map((item) => {
    const values: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      titleZh: item.titleZh,
      titleEn: item.titleEn,
      authors: item.authors.map((author) => author.nameZh ?? author.nameEn ?? "").join("; "),
      journal: name(item.journalZh, item.journalEn),
      year: item.year,
      volume: item.volume,
      issue: item.issue,
      pages: item.pages,
      doi: item.doi,
      keywords: [...item.keywordsZh, ...item.keywordsEn].join("; "),
      abstract: name(item.abstractZh, item.abstractEn),
      stage: name(item.stage.nameZh, item.stage.nameEn),
      themes: item.themes.map(({ theme }) => name(theme.nameZh, theme.nameEn)).join("; "),
      assignees: item.assignments.map(({ user }) => user.name).join("; "),
      screeningState: headers.screening(item.screeningState),
      screeningDecision: item.screeningDecision ? headers.decision(item.screeningDecision.choice) : "",
      exclusionReason: item.exclusionReason ? name(item.exclusionReason.labelZh, item.exclusionReason.labelEn) : "",
    };
    return CSV_COLUMNS.map((column) => values[column] ?? "");
  });
  // The BOM makes Excel read the file as UTF-8, so Chinese is not garbled when opened by double-click.
  return `\uFEFF${stringify([CSV_COLUMNS.map((column) => headers.columns[column]), ...rows])}`;
}

export const EXPORT_FILE: Record<ExportFormat, { extension: string; contentType: string }> = {
  ris: { extension: "ris", contentType: "application/x-research-info-systems; charset=utf-8" },
  bibtex: { extension: "bib", contentType: "application/x-bibtex; charset=utf-8" },
  "csl-json": { extension: "json", contentType: "application/vnd.citationstyles.csl+json; charset=utf-8" },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8" },
};
