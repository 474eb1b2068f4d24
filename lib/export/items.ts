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
import { citableItemSelect, toCslItem, type CslItem } from "@/lib/bibliography/csl";
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

// What a citation needs, plus what the export formats and the CSV's review columns add.
const exportSelect = {
  ...citableItemSelect,
  keywordsZh: true,
  keywordsEn: true,
  abstractZh: true,
  abstractEn: true,
  identifiers: true,
  screeningState: true,
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

/** a, b, … z, aa, ab, …: the suffix that tells apart works with the same key base. */
function letters(index: number): string {
  let suffix = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    suffix = String.fromCharCode(97 + ((n - 1) % 26)) + suffix;
  return suffix;
}

/**
 * BibTeX keys, ASCII only because BibTeX 0.99 and many LaTeX setups reject UTF-8 keys: the first author's Latin
 * family name (accents dropped), or "zh" for a Chinese name (there is no romanization without a pinyin table),
 * or "item" without an author; then the year, or "nd" without one. Works sharing a base all get a letter in
 * export order, as author–year styles do ("zh2019a", "zh2019b"); a base used once stays bare ("Smith2020").
 */
export function citationKeys(items: CslItem[]): string[] {
  const bases = items.map((item) => {
    const first = item.author?.[0];
    const name = first ? ("family" in first ? first.family : first.literal) : "";
    const ascii = /\p{Script=Han}/u.test(name) ? "zh" : name.normalize("NFKD").replace(/[^A-Za-z]/g, "");
    const year = item.issued?.["date-parts"]?.[0]?.[0];
    return `${ascii || "item"}${year ?? "nd"}`;
  });
  const total = new Map<string, number>();
  for (const base of bases) total.set(base, (total.get(base) ?? 0) + 1);
  const seen = new Map<string, number>();
  const used = new Set<string>();
  return bases.map((base) => {
    if (total.get(base) === 1 && !used.has(base)) {
      used.add(base);
      return base;
    }
    let key: string;
    do {
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      key = `${base}${letters(count)}`;
    } while (used.has(key));
    used.add(key);
    return key;
  });
}

/**
 * A BibTeX field value inside braces, on one line. BibTeX counts braces even after a backslash, so \{ \} are
 * only safe when the text's braces balance; otherwise they become \textbraceleft{} and \textbraceright{}.
 */
export function bibtexValue(value: string): string {
  const text = value.replace(/\s+/g, " ").trim();
  let depth = 0;
  let balanced = true;
  for (const char of text) {
    if (char === "{") depth++;
    else if (char === "}" && --depth < 0) balanced = false;
  }
  balanced &&= depth === 0;
  return text.replace(/[\\{}]/g, (char) =>
    char === "\\"
      ? "\\textbackslash{}"
      : balanced
        ? `\\${char}`
        : char === "{"
          ? "\\textbraceleft{}"
          : "\\textbraceright{}",
  );
}

/** RIS values are one line per tag: line breaks inside a value become spaces, and nothing is wrapped. */
function risValue(value: unknown): string {
  return String(value)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
}

/**
 * RIS written by hand from citation-js's tag objects: its own text output hard-wraps values at 70 characters
 * into untagged lines (mid-word too) and puts the other-language title under OP (original publication). Here
 * TI is the title and TT (translated title, read by Zotero and EndNote) the one in the other language.
 */
function formatRis(csl: (CslItem & Record<string, unknown>)[]): string {
  const entries = plugins.output.format(
    "ris",
    csl.map((item) => {
      const rest: Record<string, unknown> = { ...item };
      delete rest["original-title"];
      return rest;
    }),
    { format: "object" },
  ) as unknown as Record<string, unknown>[];
  return entries
    .map((entry, index) => {
      const values = (tag: string) =>
        ([] as unknown[])
          .concat(entry[tag] ?? [])
          .map(risValue)
          .filter(Boolean);
      const other = csl[index]?.["original-title"];
      const lines = [`TY  - ${risValue(entry.TY ?? "GEN")}`];
      for (const title of values("TI")) lines.push(`TI  - ${title}`);
      if (typeof other === "string" && risValue(other)) lines.push(`TT  - ${risValue(other)}`);
      for (const tag of Object.keys(entry)) {
        if (tag === "TY" || tag === "TI" || tag === "TT") continue;
        for (const value of values(tag)) lines.push(`${tag}  - ${value}`);
      }
      lines.push("ER  - ");
      return `${lines.join("\n")}\n`;
    })
    .join("\n");
}

let bibtexConfigured = false;

export function formatItems(items: ExportItem[], format: Exclude<ExportFormat, "csv">): string {
  const csl = items.map(toExportCsl);
  if (format === "csl-json") return `${JSON.stringify(csl, null, 2)}\n`;
  if (format === "ris") return formatRis(csl);
  if (!bibtexConfigured) {
    // Chinese stays Chinese in the .bib (BibLaTeX and XeLaTeX read UTF-8) instead of becoming LaTeX escapes.
    (plugins.config.get("@bibtex") as { format: { asciiOnly: boolean } }).format.asciiOnly = false;
    bibtexConfigured = true;
  }
  const keys = citationKeys(csl);
  const text = plugins.output.format(
    "bibtex",
    csl.map((item, index) => ({ ...item, "citation-key": keys[index] })),
  ) as string;
  // citation-js leaves out abstract and keywords; they are added to each entry (in order) before its closing brace.
  const entries = text.split(/^(?=@)/m);
  let position = 0;
  return entries
    .map((entry) => {
      if (!entry.startsWith("@")) return entry;
      const item = csl[position++];
      if (!item) return entry;
      const extra: string[] = [];
      if (typeof item.abstract === "string" && item.abstract.trim()) {
        extra.push(`\tabstract = {${bibtexValue(item.abstract)}},`);
      }
      if (typeof item.keyword === "string" && item.keyword.trim()) {
        extra.push(
          `\tkeywords = {${bibtexValue(
            item.keyword
              .split(",")
              .map((k) => k.trim())
              .filter(Boolean)
              .join(", "),
          )}},`,
        );
      }
      if (extra.length === 0 || /^\s*(abstract|keywords)\s*=/m.test(entry)) return entry;
      return entry.replace(
        /,?\n\}\s*$/,
        (end) => `${end.startsWith(",") ? "," : ","}\n${extra.join("\n").replace(/,$/, "")}\n}\n\n`,
      );
    })
    .join("");
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
