// Bulk attach, step two: the user's confirmed choices, written in one transaction.
import { z } from "zod";
import { confirmBulkAttach } from "@/lib/files/bulk";
import { fileRejection } from "@/lib/files/messages";
import { reviewParams, reviewRoute } from "@/lib/http/route";

export const POST = reviewRoute(
  { params: reviewParams, body: { json: z.object({ entries: z.unknown() }) }, describeError: fileRejection },
  async (access, { params: { reviewId }, body }) => confirmBulkAttach(access, { reviewId, entries: body.entries }),
);
