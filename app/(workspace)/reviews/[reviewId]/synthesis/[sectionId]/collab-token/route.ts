import { NextResponse } from "next/server";
import { issueSectionTicket } from "@/lib/collab/issue-ticket";
import { reviewParams, reviewRoute, routeId } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = reviewRoute(
  { params: reviewParams.extend({ sectionId: routeId }) },
  async (access, { params: { sectionId } }, _request, { user }) => {
    const token = await issueSectionTicket(access, sectionId, user.sessionVersion);
    return NextResponse.json({ token }, { headers: { "Cache-Control": "private, no-store" } });
  },
);
