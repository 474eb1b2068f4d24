// Live results for the search box: the same search as the page, as JSON.
import { NextResponse } from "next/server";
import { reviewParams, reviewRoute } from "@/lib/http/route";
import { parseSearchParams, searchReview } from "@/lib/search/search";

export const dynamic = "force-dynamic";

export const GET = reviewRoute({ params: reviewParams }, async (access, _input, request) => {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const result = await searchReview(access, parseSearchParams(raw));
  return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
