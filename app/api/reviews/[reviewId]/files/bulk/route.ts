// Bulk attach: GET lists the items a file can be attached to (asked for by the dialog once files are dropped, so
// the library page does not carry every item of the review); POST is step two, the user's confirmed choices,
// written in one transaction.
import { z } from "zod";
import { confirmBulkAttach } from "@/lib/files/bulk";
import { fileRejection } from "@/lib/files/messages";
import { listItemChoices } from "@/lib/files/queries";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { pick } from "@/lib/i18n/translate";

export const GET = reviewRoute({ params: reviewParams }, async (access, _input, _request, { locale, t }) => {
  const items = await listItemChoices(access);
  return {
    items: items.map((item) => ({
      id: item.id,
      title: `${pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled")}${item.year ? ` (${item.year})` : ""}`,
    })),
  };
});

export const POST = reviewRoute(
  { params: reviewParams, body: { json: z.object({ entries: z.unknown() }) }, describeError: fileRejection },
  async (access, { params: { reviewId }, body }) => confirmBulkAttach(access, { reviewId, entries: body.entries }),
);
