import { fileResponse } from "@/lib/http/download";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { exportCodebook } from "@/lib/themes/codebook";
import { codebookToCsv } from "@/lib/themes/codebook-exchange";

export const GET = reviewRoute({ params: reviewParams }, async (access) =>
  fileResponse({
    body: codebookToCsv(await exportCodebook(access)),
    contentType: "text/csv; charset=utf-8",
    filename: "codebook.csv",
  }),
);
