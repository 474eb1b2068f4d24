import { download } from "@/lib/http/download";
import { exportCodebook } from "@/lib/themes/codebook";
import { codebookToQdc } from "@/lib/themes/codebook-exchange";

export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  return download(reviewId, async (access) => ({
    body: codebookToQdc(await exportCodebook(access)),
    contentType: "application/xml; charset=utf-8",
    filename: "codebook.qdc",
  }));
}
