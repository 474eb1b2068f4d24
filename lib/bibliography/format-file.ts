// A reference file → its bibliography, one entry per line, through the same import pipeline and citation code
// the app uses (parseImportFile → item fields → toCslItem → the bundled CSL styles). Behind
// `npm run bibliography`, so the output can be compared line by line with another tool's.
import { parseImportFile } from "@/lib/import/parse-file";
import type { ItemFields } from "@/lib/items/item-fields";
import { renderCitations, type CitationLocale, type CitationStyle } from "@/lib/synthesis/citations";
import { missingForCitation } from "./completeness";
import { toCslItem, type CitableItem } from "./csl";
import type { CitationNeed } from "./item-types";
import { itemTypeOfSource } from "./type-maps";

export interface FileBibliography {
  format: string;
  /** In the style's order: file order for numeric styles, alphabetical for author-date and APA. */
  entries: { line: number; text: string; missing: CitationNeed[] }[];
  /** Records the importer keeps out (no title, unparsable), with their line and reason. */
  skipped: { line: number; reasons: string[] }[];
}

/** The item the citation code reads, from imported fields: authors plus contributors by role. */
export function citableFromFields(id: string, fields: ItemFields): CitableItem {
  return {
    ...fields,
    id,
    authors: [
      ...fields.authors.map((author) => ({ role: "AUTHOR" as const, nameZh: author.nameZh, nameEn: author.nameEn })),
      ...fields.contributors,
    ],
  };
}

export function formatBibliographyFile(
  fileName: string,
  bytes: Uint8Array,
  options: { style: CitationStyle; locale: CitationLocale },
): FileBibliography {
  const parsed = parseImportFile(fileName, bytes);
  const skipped: FileBibliography["skipped"] = [];
  const items: { item: CitableItem; line: number }[] = [];
  for (const record of parsed.records) {
    if (record.blocked) {
      skipped.push({
        line: record.line,
        reasons: record.problems.filter((problem) => problem.severity === "error").map((problem) => problem.code),
      });
      continue;
    }
    // The file's own type name decides when the importer left the default.
    const itemType =
      record.fields.itemType !== "JOURNAL_ARTICLE"
        ? record.fields.itemType
        : (itemTypeOfSource(parsed.format, record.type) ?? record.fields.itemType);
    const item = citableFromFields(`r${record.index}`, { ...record.fields, itemType });
    // "others" / "et al." in the file: the styles print 等 / et al. after the named authors.
    items.push({ item: { ...item, moreAuthors: record.reference.moreAuthors }, line: record.line });
  }
  const rendered = renderCitations({
    style: options.style,
    items: items.map(({ item }) => toCslItem(item)),
    citations: items.map(({ item }) => ({ itemId: item.id, locator: null })),
    locale: options.locale,
  });
  const byId = new Map(items.map((entry) => [entry.item.id, entry]));
  return {
    format: parsed.format,
    entries: rendered.bibliography.map((entry) => {
      const source = byId.get(entry.itemId)!;
      return { line: source.line, text: entry.text, missing: missingForCitation(source.item) };
    }),
    skipped,
  };
}
