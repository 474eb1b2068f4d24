// Every coded passage of a review as CSV: the quote, where it comes from, its themes, memo and coder — the
// table a qualitative analysis is handed on in (NVivo, Excel, R).
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { csvDocument } from "@/lib/export/csv";

export const CODING_CSV_COLUMNS = [
  "item",
  "authors",
  "year",
  "field",
  "quote",
  "themes",
  "memo",
  "coder",
  "codedAt",
  "orphaned",
] as const;

export interface CodingsCsvLabels {
  columns: Record<(typeof CODING_CSV_COLUMNS)[number], string>;
  field: (field: string) => string;
  yes: string;
}

export async function loadCodingsForExport(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  return db().coding.findMany({
    where: { reviewId, item: { deletedAt: null } },
    orderBy: [{ item: { createdAt: "asc" } }, { itemId: "asc" }, { field: "asc" }, { start: "asc" }],
    select: {
      field: true,
      quote: true,
      memo: true,
      orphaned: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      themes: { select: { theme: { select: { nameZh: true, nameEn: true } } } },
      item: {
        select: {
          titleZh: true,
          titleEn: true,
          year: true,
          authors: { where: { role: "AUTHOR" }, select: { nameZh: true, nameEn: true }, orderBy: { position: "asc" } },
        },
      },
    },
  });
}

export function codingsCsv(
  codings: Awaited<ReturnType<typeof loadCodingsForExport>>,
  locale: "zh" | "en",
  labels: CodingsCsvLabels,
): string {
  const name = (zh: string | null, en: string | null) => (locale === "zh" ? (zh ?? en) : (en ?? zh)) ?? "";
  const rows = codings.map((coding) => [
    name(coding.item.titleZh, coding.item.titleEn),
    coding.item.authors.map((author) => author.nameZh ?? author.nameEn ?? "").join("; "),
    coding.item.year ?? "",
    labels.field(coding.field),
    coding.quote,
    coding.themes.map(({ theme }) => name(theme.nameZh, theme.nameEn)).join("; "),
    coding.memo ?? "",
    coding.createdBy?.name ?? "",
    coding.createdAt.toISOString(),
    coding.orphaned ? labels.yes : "",
  ]);
  return csvDocument([CODING_CSV_COLUMNS.map((column) => labels.columns[column]), ...rows]);
}
