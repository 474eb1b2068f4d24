import { getMatrix } from "@/lib/coding/queries";
import { matrixCsv, parseMatrixOrder } from "@/lib/coding/matrix-order";
import { fileResponse } from "@/lib/http/download";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { pick } from "@/lib/i18n/translate";
import { citationLabel } from "@/lib/items/display";

export const GET = reviewRoute({ params: reviewParams }, async (access, _input, request, { locale, t }) => {
  const order = parseMatrixOrder(Object.fromEntries(request.nextUrl.searchParams));
  return fileResponse({
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
  });
});
