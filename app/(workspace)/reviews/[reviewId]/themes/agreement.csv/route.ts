import { NextResponse } from "next/server";
import { agreementCsv } from "@/lib/coding/agreement-csv";
import { agreementInput, loadAgreementReport, MAX_AGREEMENT_CODERS } from "@/lib/coding/agreement-report";
import { exportFileName, reviewTitleForFile } from "@/lib/export/file-name";
import { fileResponse } from "@/lib/http/download";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { pick } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export const GET = reviewRoute(
  { params: reviewParams },
  async (access, { params: { reviewId } }, request, { locale, t }) => {
    const coderIds = [...new Set(request.nextUrl.searchParams.getAll("coder"))];
    // Bad input is refused before the report is read, with the same words as the page.
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
    const report = await loadAgreementReport(access, { coderIds });
    const reviewTitle = (await reviewTitleForFile(reviewId, locale)) ?? t("transfer.untitledReview");
    const themeName = (theme: { nameZh: string | null; nameEn: string | null }) =>
      pick(locale, theme.nameZh, theme.nameEn) ?? "";
    return fileResponse({
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
    });
  },
);
