// Bulk attach, step one: one PDF per request (the raw body, streamed to a temp file with a byte counter), kept
// aside and matched to an item; nothing is written to the review until the user confirms (../bulk).
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { mutatingRoute } from "@/lib/http/route";
import { isAppError } from "@/lib/errors/app-error";
import { stageUpload } from "@/lib/files/bulk";
import { rejectionMessage } from "@/lib/files/messages";
import { receiveUpload } from "@/lib/files/receive-upload";
import { getI18n } from "@/lib/i18n/server";
import { resolveAccess } from "@/lib/authz/authorize";

// Behind the Origin check like every route that changes something: a page on another port or subdomain cannot post here.
export const POST = mutatingRoute(
  async (request: NextRequest, { params }: { params: Promise<{ reviewId: string }> }) => {
    const { reviewId } = await params;
    const { t } = await getI18n();
    const user = await getSessionUser();
    if (!user) return NextResponse.json({ error: t("errors.UNAUTHENTICATED") }, { status: 401 });
    const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "") || "document.pdf";
    const length = request.headers.get("content-length");
    let upload: Awaited<ReturnType<typeof receiveUpload>> | null = null;
    try {
      // Resolved once for this request and handed to the domain.
      const access = await resolveAccess(user.id, reviewId);
      upload = await receiveUpload(request.body, fileName, length ? Number(length) : null);
      return NextResponse.json(await stageUpload(access, upload.path, fileName));
    } catch (error) {
      if (isAppError(error)) {
        if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") {
          return NextResponse.json({ error: t(`errors.${error.code}`) }, { status: 404 });
        }
        const message = error.code === "FILE_REJECTED" ? rejectionMessage(t, error.details) : t(`errors.${error.code}`);
        return NextResponse.json({ error: message, code: error.code }, { status: 400 });
      }
      console.error(`staging ${fileName} in review ${reviewId} failed:`, error);
      return NextResponse.json({ error: t("errors.unexpected") }, { status: 500 });
    } finally {
      await upload?.discard();
    }
  },
);
