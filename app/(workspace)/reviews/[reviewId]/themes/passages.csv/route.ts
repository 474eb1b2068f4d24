import { codingsCsv, loadCodingsForExport } from "@/lib/export/codings-csv";
import { exportFileName, reviewTitleForFile } from "@/lib/export/file-name";
import { fileResponse } from "@/lib/http/download";
import { reviewParams, reviewRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const FIELD_LABEL = {
  FULL_TEXT: "fields.fullText",
  ABSTRACT_ZH: "item.abstractZh",
  ABSTRACT_EN: "item.abstractEn",
} as const;

export const GET = reviewRoute(
  { params: reviewParams },
  async (access, { params: { reviewId } }, _request, { locale, t }) => {
    // Loading the codings authorizes the reader, so the review's title is only read for a member.
    const codings = await loadCodingsForExport(access);
    const title = (await reviewTitleForFile(reviewId, locale)) ?? t("transfer.untitledReview");
    return fileResponse({
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
    });
  },
);
