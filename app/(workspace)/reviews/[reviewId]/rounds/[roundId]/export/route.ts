import { fileResponse } from "@/lib/http/download";
import { reviewParams, reviewRoute, routeId } from "@/lib/http/route";
import { exportRoundDocx } from "@/lib/rounds/export-round";

export const dynamic = "force-dynamic";

export const GET = reviewRoute(
  { params: reviewParams.extend({ roundId: routeId }) },
  async (access, { params: { roundId } }, _request, { locale, t }) =>
    fileResponse(
      await exportRoundDocx(access, roundId, {
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
    ),
);
