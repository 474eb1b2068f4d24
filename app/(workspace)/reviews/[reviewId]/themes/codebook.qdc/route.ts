import { fileResponse } from "@/lib/http/download";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { exportCodebook } from "@/lib/themes/codebook";
import { codebookToQdc } from "@/lib/themes/codebook-exchange";

export const GET = reviewRoute({ params: reviewParams }, async (access) =>
  fileResponse({
    body: codebookToQdc(await exportCodebook(access)),
    contentType: "application/xml; charset=utf-8",
    filename: "codebook.qdc",
  }),
);
