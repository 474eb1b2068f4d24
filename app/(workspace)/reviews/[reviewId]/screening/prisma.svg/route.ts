import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { resolveAccess } from "@/lib/authz/authorize";
import { isAppError } from "@/lib/errors/app-error";
import { getI18n } from "@/lib/i18n/server";
import { renderPrismaSvg } from "@/lib/screening/prisma-diagram";
import { getPrismaFlow } from "@/lib/screening/prisma-flow";
import { prismaLabels } from "@/lib/screening/prisma-labels";

/** The PRISMA diagram as a file, in the language asked for (?lang=zh|en) or the reader's own. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await getSessionUser();
  if (!user) return new NextResponse("Sign in first.", { status: 401 });
  const lang = request.nextUrl.searchParams.get("lang");
  const locale = lang === "zh" || lang === "en" ? lang : (await getI18n()).locale;
  try {
    const svg = renderPrismaSvg(await getPrismaFlow(await resolveAccess(user.id, reviewId)), prismaLabels(locale));
    return new NextResponse(svg, {
      headers: {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Content-Disposition": 'attachment; filename="prisma-flow.svg"',
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return new NextResponse("Not found.", { status: 404 });
    }
    throw error;
  }
}
