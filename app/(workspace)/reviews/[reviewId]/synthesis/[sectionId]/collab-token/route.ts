import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { issueSectionTicket } from "@/lib/collab/issue-ticket";
import { isAppError } from "@/lib/errors/app-error";
import { resolveAccess } from "@/lib/authz/authorize";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string; sectionId: string }> }) {
  const { reviewId, sectionId } = await params;
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  try {
    // Resolved once for this request and handed to the domain.
    const access = await resolveAccess(user.id, reviewId);
    const token = await issueSectionTicket(access, sectionId, user.sessionVersion);
    return NextResponse.json({ token }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return NextResponse.json({ error: "Not found." }, { status: 404 });
    }
    throw error;
  }
}
