// The review's files in progress (and recent failures), polled by the library's progress panel.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { listFileActivity } from "@/lib/files/queries";
import { resolveAccess } from "@/lib/authz/authorize";

export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  try {
    // Resolved once for this request and handed to the domain.
    const access = await resolveAccess(user.id, reviewId);
    return NextResponse.json({ files: await listFileActivity(access) });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return NextResponse.json({ error: "Not found." }, { status: 404 });
    }
    throw error;
  }
}
