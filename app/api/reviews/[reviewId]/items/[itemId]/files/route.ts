// An item's PDFs: GET lists them with extraction progress (the item page polls it); POST attaches one, the
// raw PDF as the body (streamed to a temp file with a byte counter, never buffered), its name in X-File-Name.
import { z } from "zod";
import { attachFile } from "@/lib/files/commands";
import { fileRejection } from "@/lib/files/messages";
import { listItemFiles } from "@/lib/files/queries";
import { receiveUpload } from "@/lib/files/receive-upload";
import { reviewParams, reviewRoute, routeId } from "@/lib/http/route";

const params = reviewParams.extend({ itemId: routeId });

export const GET = reviewRoute({ params }, async (access, { params: { itemId } }) => ({
  files: await listItemFiles(access, itemId),
}));

export const POST = reviewRoute(
  { params, query: z.object({ main: z.string().optional() }), describeError: fileRejection },
  async (access, { params: { reviewId, itemId }, query }, request) => {
    const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "") || "document.pdf";
    const length = request.headers.get("content-length");
    const upload = await receiveUpload(request.body, fileName, length ? Number(length) : null);
    try {
      return await attachFile(access, { reviewId, itemId, fileName, makeMain: query.main === "1" }, upload.path);
    } finally {
      await upload.discard();
    }
  },
);
