// Bulk attach, step one: one PDF per request (the raw body, streamed to a temp file with a byte counter), kept
// aside and matched to an item; nothing is written to the review until the user confirms (../bulk).
import { stageUpload } from "@/lib/files/bulk";
import { fileRejection } from "@/lib/files/messages";
import { receiveUpload } from "@/lib/files/receive-upload";
import { reviewParams, reviewRoute } from "@/lib/http/route";

export const POST = reviewRoute(
  { params: reviewParams, describeError: fileRejection },
  async (access, _input, request) => {
    const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "") || "document.pdf";
    const length = request.headers.get("content-length");
    const upload = await receiveUpload(request.body, fileName, length ? Number(length) : null);
    try {
      return await stageUpload(access, upload.path, fileName);
    } finally {
      await upload.discard();
    }
  },
);
