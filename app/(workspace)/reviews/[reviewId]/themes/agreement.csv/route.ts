import { NextResponse, type NextRequest } from "next/server";
import { agreementCsv } from "@/lib/coding/agreement-csv";
import { agreementInput, loadAgreementReport, MAX_AGREEMENT_CODERS } from "@/lib/coding/agreement-report";
import { exportFileName, reviewTitleForFile } from "@/lib/export/file-name";
import { download } from "@/lib/http/download";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const { locale, t } = await getI18n();
  const coderIds = [...new Set(request.nextUrl.searchParams.getAll("coder"))];
  // Bad input is refused before anything is read, with the same words as the page.
  if (!agreementInput.safeParse({ coderIds }).success) {
    const message =
      coderIds.length > MAX_AGREEMENT_CODERS
        ? t("agreement.tooMany", { n: MAX_AGREEMENT_CODERS })
        : t("agreement.chooseAtLeastTwo");
    return new NextResponse(message, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return download(reviewId, async (access) => {
    const report = await loadAgreementReport(access, { coderIds });
    const reviewTitle = (await reviewTitleForFile(reviewId, locale)) ?? t("transfer.untitledReview");
    const themeName = (theme: { nameZh: string | null; nameEn: string | null }) =>
      pick(locale, theme.nameZh, theme.nameEn) ?? "";
    return {
      body: agreementCsv(
        {
          coders: report.coders,
          overall: report.overall,
          themes: report.themes.map((row) => ({ name: themeName(row.theme), figures: row.figures })),
          cells: report.cells.map((row) => ({
            theme: themeName(row.theme),
            paper: pick(locale, row.item.titleZh, row.item.titleEn) ?? t("editing.untitled"),
            figures: row.figures,
          })),
        },
        {
          theme: t("agreement.columns.theme"),
          paper: t("agreement.columns.paper"),
          characters: t("agreement.columns.characters"),
          codedBy: (name) => t("agreement.columns.codedBy", { name }),
          both: t("agreement.columns.both"),
          neither: t("agreement.columns.neither"),
          agreement: t("agreement.columns.agreement"),
          kappa: t("agreement.columns.kappa"),
          alpha: t("agreement.columns.alpha"),
          allThemes: t("agreement.summary"),
          allPapers: t("agreement.allPapers"),
        },
      ),
      contentType: "text/csv; charset=utf-8",
      filename: exportFileName(reviewTitle, t("agreement.fileName"), "csv"),
    };
  });
}
