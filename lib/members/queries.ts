import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInviteToken } from "./commands";
import { hashInvitationToken } from "./invitation-token";

export async function listMembers(access: ReviewAccess) {
  const { reviewId } = access.require("members.read");
  return db().membership.findMany({
    where: { reviewId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
}

export async function listPendingInvitations(access: ReviewAccess) {
  const { reviewId } = access.require("members.manage");
  return db().invitation.findMany({
    where: { reviewId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    include: { createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** What an invitation link offers, shown before the visitor accepts (or signs in). */
export async function previewInvitation(rawToken: unknown) {
  const token = parseInviteToken(rawToken);
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { review: { select: { id: true, titleZh: true, titleEn: true } }, createdBy: { select: { name: true } } },
  });
  if (!invitation || invitation.revokedAt) throw new AppError("INVITE_INVALID");
  const state = invitation.acceptedAt ? "used" : invitation.expiresAt < new Date() ? "expired" : "open";
  return {
    state,
    role: invitation.role,
    review: invitation.review,
    invitedBy: invitation.createdBy.name,
    expiresAt: invitation.expiresAt,
  } as const;
}
