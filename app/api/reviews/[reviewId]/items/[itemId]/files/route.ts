// An item's PDFs: GET lists them with extraction progress (the item page polls it); POST attaches one, the
// raw PDF as the body (streamed to a temp file with a byte counter, never buffered), its name in X-File-Name.
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { mutatingRoute } from "@/lib/http/route";
import { isAppError } from "@/lib/errors/app-error";
import { attachFile } from "@/lib/files/commands";
import { rejectionMessage } from "@/lib/files/messages";
import { listItemFiles } from "@/lib/files/queries";
import { receiveUpload } from "@/lib/files/receive-upload";
import { getI18n } from "@/lib/i18n/server";
import { resolveAccess } from "@/lib/authz/authorize";

type Params = { params: Promise<{ reviewId: string; itemId: string }> };

export async function GET(_request: NextRequest, { params }: Params) {
  const { reviewId, itemId } = await params;
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  try {
    // Resolved once for this request and handed to the domain.
    const access = await resolveAccess(user.id, reviewId);
    return NextResponse.json({ files: await listItemFiles(access, itemId) });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return NextResponse.json({ error: "Not found." }, { status: 404 });
    }
    throw error;
  }
}

// Behind the Origin check like every route that changes something: a page on another port or subdomain cannot post here.
export const POST = mutatingRoute(async (request: NextRequest, { params }: Params) => {
  const { reviewId, itemId } = await params;
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
    const result = await attachFile(
      access,
      { reviewId, itemId, fileName, makeMain: request.nextUrl.searchParams.get("main") === "1" },
      upload.path,
    );
    return NextResponse.json(result);
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") {
        return NextResponse.json({ error: t(`errors.${error.code}`) }, { status: 404 });
      }
      const message = error.code === "FILE_REJECTED" ? rejectionMessage(t, error.details) : t(`errors.${error.code}`);
      const tooLarge = (error.details as { reason?: string } | undefined)?.reason === "TOO_LARGE";
      return NextResponse.json({ error: message, code: error.code }, { status: tooLarge ? 413 : 400 });
    }
    console.error(`attaching ${fileName} to item ${itemId} failed:`, error);
    return NextResponse.json({ error: t("errors.unexpected") }, { status: 500 });
  } finally {
    await upload?.discard();
  }
});
