// One export request → the file to download: which items (all, the library's filter, or the ticked ones),
// in which format, with headers and file name in the user's language.
import type { ReviewAccess } from "@/lib/authz/authorize";
import type { DownloadFile } from "@/lib/http/download";
import type { Translate } from "@/lib/i18n/translate";
import { exportFileName, reviewTitleForFile } from "./file-name";
import {
  CSV_COLUMNS,
  EXPORT_FILE,
  formatItems,
  itemsCsv,
  loadExportItems,
  type ExportFormat,
  type ExportScope,
  type ItemsCsvHeaders,
} from "./items";

export async function exportItems(
  access: ReviewAccess,
  request: { format: ExportFormat; scope: ExportScope },
  i18n: { locale: "zh" | "en"; t: Translate },
): Promise<DownloadFile> {
  const { reviewId } = access;
  const items = await loadExportItems(access, request.scope);
  const { t, locale } = i18n;
  const body =
    request.format === "csv"
      ? itemsCsv(items, locale, {
          columns: Object.fromEntries(
            CSV_COLUMNS.map((column) => [column, t(`transfer.csvColumns.${column}`)]),
          ) as ItemsCsvHeaders["columns"],
          screening: (state) => t(`screening.states.${state}` as Parameters<Translate>[0]),
          decision: (choice) => t(`screening.choices.${choice}` as Parameters<Translate>[0]),
        })
      : formatItems(items, request.format);
  const { extension, contentType } = EXPORT_FILE[request.format];
  const title = (await reviewTitleForFile(reviewId, locale)) ?? t("transfer.untitledReview");
  return { body, contentType, filename: exportFileName(title, t("transfer.libraryFileName"), extension) };
}
