// Bulk attach: GET lists the items a file can be attached to (asked for by the dialog once files are dropped, so
// the library page does not carry every item of the review); POST is step two, the user's confirmed choices,
// written in one transaction.
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { mutatingRoute } from "@/lib/http/route";
import { isAppError } from "@/lib/errors/app-error";
import { confirmBulkAttach } from "@/lib/files/bulk";
import { listItemChoices } from "@/lib/files/queries";
import { pick } from "@/lib/i18n/translate";
import { rejectionMessage } from "@/lib/files/messages";
import { getI18n } from "@/lib/i18n/server";
import { resolveAccess } from "@/lib/authz/authorize";

export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: t("errors.UNAUTHENTICATED") }, { status: 401 });
  try {
    // Resolved once for this request and handed to the domain.
    const access = await resolveAccess(user.id, reviewId);
    const items = await listItemChoices(access);
    return NextResponse.json({
      items: items.map((item) => ({
        id: item.id,
        title: `${pick(locale, item.titleZh, item.titleEn) ?? t("editing.untitled")}${item.year ? ` (${item.year})` : ""}`,
      })),
    });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return NextResponse.json({ error: t("errors.FORBIDDEN") }, { status: 404 });
    }
    throw error;
  }
}

// Behind the Origin check like every route that changes something: a page on another port or subdomain cannot post here.
export const POST = mutatingRoute(
  async (request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) => {
    const { reviewId } = await params;
    const { t } = await getI18n();
    const user = await getSessionUser();
    if (!user) return NextResponse.json({ error: t("errors.UNAUTHENTICATED") }, { status: 401 });
    const body = (await request.json().catch(() => null)) as { entries?: unknown } | null;
    try {
      // Resolved once for this request and handed to the domain.
      const access = await resolveAccess(user.id, reviewId);
      return NextResponse.json(await confirmBulkAttach(access, { reviewId, entries: body?.entries }));
    } catch (error) {
      if (isAppError(error)) {
        if (error.code === "FORBIDDEN") return NextResponse.json({ error: t("errors.FORBIDDEN") }, { status: 404 });
        const message = error.code === "FILE_REJECTED" ? rejectionMessage(t, error.details) : t(`errors.${error.code}`);
        return NextResponse.json(
          { error: message, code: error.code },
          { status: error.code === "NOT_FOUND" ? 404 : 400 },
        );
      }
      console.error(`bulk attach in review ${reviewId} failed:`, error);
      return NextResponse.json({ error: t("errors.unexpected") }, { status: 500 });
    }
  },
);
