// The web app's side of the socket handshake: a member who may read the section gets a short-lived ticket.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { mintCollabToken } from "./token";

export async function issueSectionTicket(
  access: ReviewAccess,
  sectionId: string,
  sessionVersion?: number,
): Promise<string> {
  const { userId, reviewId } = access.require("review.read");
  const section = await db().synthesisSection.findFirst({
    where: { id: sectionId, reviewId, deletedAt: null },
    select: { id: true },
  });
  if (!section) throw new AppError("NOT_FOUND", `section ${sectionId} not in review ${reviewId}`);
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return mintCollabToken({ userId, sectionId, sessionVersion }, secret);
}
