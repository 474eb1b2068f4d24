// File downloads (exports): the session, the caller's access to the review resolved once and checked by `produce`, and a 404 for a review
// the user does not belong to — the same rules as pages, in one place for every export route.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { resolveAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { isAppError } from "@/lib/errors/app-error";

export interface DownloadFile {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}

/**
 * The caller's access to the review is resolved once for the request and handed to `produce`; a review the
 * caller does not belong to (or may not export) is a 404.
 */
export async function download(
  reviewId: string,
  produce: (access: ReviewAccess) => Promise<DownloadFile>,
): Promise<NextResponse> {
  const user = await getSessionUser();
  if (!user) return new NextResponse("Sign in first.", { status: 401 });
  try {
    const file = await produce(await resolveAccess(user.id, reviewId));
    return new NextResponse(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        // RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive.
        "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
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
