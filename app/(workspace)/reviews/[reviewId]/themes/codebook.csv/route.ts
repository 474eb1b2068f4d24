import { download } from "@/lib/http/download";
import { exportCodebook } from "@/lib/themes/codebook";
import { codebookToCsv } from "@/lib/themes/codebook-exchange";

export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  return download(reviewId, async (access) => ({
    body: codebookToCsv(await exportCodebook(access)),
    contentType: "text/csv; charset=utf-8",
    filename: "codebook.csv",
  }));
}
