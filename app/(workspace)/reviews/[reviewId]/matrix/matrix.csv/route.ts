import type { NextRequest } from "next/server";
import { getMatrix } from "@/lib/coding/queries";
import { matrixCsv, parseMatrixOrder } from "@/lib/coding/matrix-order";
import { download } from "@/lib/http/download";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { citationLabel } from "@/lib/items/display";

export async function GET(request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const { locale, t } = await getI18n();
  const order = parseMatrixOrder(Object.fromEntries(request.nextUrl.searchParams));
  return download(reviewId, async (access) => ({
    body: matrixCsv(
      await getMatrix(access, { showExcluded: request.nextUrl.searchParams.get("excluded") === "1" }),
      order,
      {
        theme: (theme) => pick(locale, theme.nameZh, theme.nameEn) ?? "",
        item: (item) => pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled"),
        citation: (item) => citationLabel(locale, item.authors, item.year),
        paperHeader: t("coding.csvPaperHeader"),
        citationHeader: t("coding.csvCitationHeader"),
      },
    ),
    contentType: "text/csv; charset=utf-8",
    filename: "theme-matrix.csv",
  }));
}
