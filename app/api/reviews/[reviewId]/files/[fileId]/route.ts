// A file's bytes for members of its review (outsiders get 404, as for the item): `?inline=1` for the in-browser
// PDF view, otherwise a download; `?text=1` returns the extracted text for the comparison before it is used.
import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { fileText, openItemFile } from "@/lib/files/queries";
import { resolveAccess } from "@/lib/authz/authorize";

type Params = { params: Promise<{ reviewId: string; fileId: string }> };

export async function GET(request: NextRequest, { params }: Params) {
  const { reviewId, fileId } = await params;
  const user = await getSessionUser();
  if (!user) return new NextResponse("Sign in first.", { status: 401 });
  try {
    // Resolved once for this request and handed to the domain.
    const access = await resolveAccess(user.id, reviewId);
    if (request.nextUrl.searchParams.get("text") === "1") {
      return NextResponse.json({ text: await fileText(access, fileId) });
    }
    const file = await openItemFile(access, { reviewId, fileId });
    const disposition = request.nextUrl.searchParams.get("inline") === "1" ? "inline" : "attachment";
    return new NextResponse(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.byteSize),
        // RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive.
        "Content-Disposition": `${disposition}; filename="${file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, max-age=3600",
        ETag: `"${file.sha256}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return new NextResponse("Not found.", { status: 404 });
    }
    throw error;
  }
}
