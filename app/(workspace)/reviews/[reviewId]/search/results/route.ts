// Live results for the search box: the same search as the page, as JSON.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { resolveAccess } from "@/lib/authz/authorize";
import { isAppError } from "@/lib/errors/app-error";
import { parseSearchParams, searchReview } from "@/lib/search/search";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const result = await searchReview(await resolveAccess(user.id, reviewId), parseSearchParams(raw));
    return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return NextResponse.json({ error: "Not found." }, { status: 404 });
    }
    throw error;
  }
}
