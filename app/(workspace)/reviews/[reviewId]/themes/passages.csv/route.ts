import { codingsCsv, loadCodingsForExport } from "@/lib/export/codings-csv";
import { exportFileName, reviewTitleForFile } from "@/lib/export/file-name";
import { download } from "@/lib/http/download";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

const FIELD_LABEL = {
  FULL_TEXT: "fields.fullText",
  ABSTRACT_ZH: "item.abstractZh",
  ABSTRACT_EN: "item.abstractEn",
} as const;

export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const { locale, t } = await getI18n();
  return download(reviewId, async (access) => {
    // Loading the codings authorizes the reader, so the review's title is only read for a member.
    const codings = await loadCodingsForExport(access);
    const title = (await reviewTitleForFile(reviewId, locale)) ?? t("transfer.untitledReview");
    return {
      body: codingsCsv(codings, locale, {
        columns: {
          item: t("transfer.codingColumns.item"),
          authors: t("transfer.codingColumns.authors"),
          year: t("transfer.codingColumns.year"),
          field: t("transfer.codingColumns.field"),
          quote: t("transfer.codingColumns.quote"),
          themes: t("transfer.codingColumns.themes"),
          memo: t("transfer.codingColumns.memo"),
          coder: t("transfer.codingColumns.coder"),
          codedAt: t("transfer.codingColumns.codedAt"),
          orphaned: t("transfer.codingColumns.orphaned"),
        },
        field: (field) => t(FIELD_LABEL[field as keyof typeof FIELD_LABEL] ?? "fields.fullText"),
        yes: t("transfer.yes"),
      }),
      contentType: "text/csv; charset=utf-8",
      filename: exportFileName(title, t("transfer.codingsFileName"), "csv"),
    };
  });
}
