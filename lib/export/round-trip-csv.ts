// The CSV writer for items without review state (round-trip tests and benchmarks), with the English headers.
import { en } from "@/lib/i18n/sections/transfer";
import { CSV_COLUMNS, itemsCsv, type ExportItem } from "./items";
import type { ReferenceItem } from "./reference-formats";

export function referenceCsv(items: ReferenceItem[]): string {
  const rows = items.map(
    (item) =>
      ({
        ...item,
        moreAuthors: item.moreAuthors ?? false,
        screeningState: "UNSCREENED",
        stage: { nameZh: "待筛选", nameEn: "To screen" },
        exclusionReason: null,
        themes: [],
        assignments: [],
        screeningDecision: null,
        authors: item.authors.map((author) => ({ ...author, affiliations: author.affiliations ?? [] })),
      }) as ExportItem,
  );
  return itemsCsv(rows, "en", {
    columns: Object.fromEntries(CSV_COLUMNS.map((column) => [column, en.csvColumns[column]])) as Record<
      (typeof CSV_COLUMNS)[number],
      string
    >,
    screening: (state) => state,
    decision: (choice) => choice,
  });
}
