import { NextResponse } from "next/server";
import { z } from "zod";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { renderPrismaSvg } from "@/lib/screening/prisma-diagram";
import { getPrismaFlow } from "@/lib/screening/prisma-flow";
import { prismaLabels } from "@/lib/screening/prisma-labels";

/** The PRISMA diagram as a file, in the language asked for (?lang=zh|en) or the reader's own. */
export const GET = reviewRoute(
  { params: reviewParams, query: z.object({ lang: z.string().optional() }) },
  async (access, { query }, _request, caller) => {
    const locale = query.lang === "zh" || query.lang === "en" ? query.lang : caller.locale;
    const svg = renderPrismaSvg(await getPrismaFlow(access), prismaLabels(locale));
    return new NextResponse(svg, {
      headers: {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Content-Disposition": 'attachment; filename="prisma-flow.svg"',
        "Cache-Control": "private, no-store",
      },
    });
  },
);
