import { z } from "zod";
import { fileResponse } from "@/lib/http/download";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { exportSynthesis } from "@/lib/synthesis/export";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(["docx", "md"]),
  section: z.string().min(1).max(64).optional(),
});

export const GET = reviewRoute(
  { params: reviewParams, query: querySchema },
  async (access, { query }, _request, { locale, t }) =>
    fileResponse(
      await exportSynthesis(access, {
        format: query.format,
        sectionId: query.section,
        locale,
        headings: {
          bibliography: t("synthesis.bibliography"),
          notes: t("synthesis.notes"),
          untitled: t("synthesis.title"),
        },
      }),
    ),
);
