import { download } from "@/lib/http/download";
import { getI18n } from "@/lib/i18n/server";
import { exportRoundDocx } from "@/lib/rounds/export-round";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string; roundId: string }> }) {
  const { reviewId, roundId } = await params;
  const { locale, t } = await getI18n();
  return download(reviewId, (access) =>
    exportRoundDocx(access, roundId, {
      locale,
      words: {
        untitled: t("synthesis.title"),
        bibliography: t("synthesis.bibliography"),
        notes: t("synthesis.notes"),
        documentTitle: (review, number, title) => t("rounds.docxTitle", { review, number, title }),
        replace: (quote, text) => t("rounds.docxReplace", { quote, text }),
        remove: (quote) => t("rounds.docxRemove", { quote }),
        insert: (text) => t("rounds.docxInsert", { text }),
        detached: (quote) => t("rounds.docxDetached", { quote }),
        wholeSection: t("rounds.docxWholeSection"),
        decided: (state) => t(state === "APPLIED" ? "rounds.docxApplied" : "rounds.docxRejected"),
      },
    }),
  );
}
