import type { NextRequest } from "next/server";
import { z } from "zod";
import { download } from "@/lib/http/download";
import { getI18n } from "@/lib/i18n/server";
import { exportSynthesis } from "@/lib/synthesis/export";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(["docx", "md"]),
  section: z.string().min(1).max(64).optional(),
});

export async function GET(request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const { locale, t } = await getI18n();
  const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return new Response("Unknown export format: use format=docx or format=md.", { status: 400 });
  return download(reviewId, async (access) =>
    exportSynthesis(access, {
      format: query.data.format,
      sectionId: query.data.section,
      locale,
      headings: {
        bibliography: t("synthesis.bibliography"),
        notes: t("synthesis.notes"),
        untitled: t("synthesis.title"),
      },
    }),
  );
}
