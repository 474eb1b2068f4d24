import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { announceAccessChange } from "@/lib/authz/access-events";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { ROLES } from "@/lib/authz/policy";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { hashInvitationToken, INVITATION_TOKEN_PATTERN, newInvitationToken } from "./invitation-token";

const id = z.string().min(1).max(64);

export const createInvitationSchema = z.object({
  reviewId: id,
  role: z.enum(ROLES),
  expiresInDays: z.coerce.number().int().min(1).max(30).default(7),
  note: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null),
});

export async function createInvitation(access: ReviewAccess, rawInput: unknown) {
  const { userId } = access;
  const input = parseInput(createInvitationSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "members.manage", tx, input.reviewId);
    const { token, tokenHash } = newInvitationToken();
    const invitation = await tx.invitation.create({
      data: {
        reviewId: input.reviewId,
        role: input.role,
        note: input.note,
        tokenHash,
        createdById: userId,
        expiresAt: new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000),
      },
      select: { id: true, role: true, expiresAt: true },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "member.invited",
      subjectType: "invitation",
      subjectId: invitation.id,
      data: { role: input.role },
    });
    return { ...invitation, token };
  });
}

export const revokeInvitationSchema = z.object({ reviewId: id, invitationId: id });

export async function revokeInvitation(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(revokeInvitationSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "members.manage", tx, input.reviewId);
    const result = await tx.invitation.updateMany({
      where: { id: input.invitationId, reviewId: input.reviewId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) throw new AppError("NOT_FOUND");
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "invitation.revoked",
      subjectType: "invitation",
      subjectId: input.invitationId,
    });
  });
}

export const invitationTokenSchema = z.string().regex(INVITATION_TOKEN_PATTERN, "malformed invitation link");

/** Joins the review behind an invitation link. Each link admits one person once. */
export async function acceptInvitation(userId: string, rawToken: unknown): Promise<{ reviewId: string }> {
  const token = parseInviteToken(rawToken);
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
    if (!invitation || invitation.revokedAt) throw new AppError("INVITE_INVALID");
    if (invitation.acceptedAt) throw new AppError("INVITE_USED");
    if (invitation.expiresAt < new Date()) throw new AppError("INVITE_EXPIRED");
    const existing = await tx.membership.findUnique({
      where: { reviewId_userId: { reviewId: invitation.reviewId, userId } },
    });
    if (existing) throw new AppError("ALREADY_MEMBER");
    // The conditional update makes two people racing for one link safe: only one row changes.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date(), acceptedById: userId },
    });
    if (claimed.count === 0) throw new AppError("INVITE_USED");
    const membership = await tx.membership.create({
      data: { reviewId: invitation.reviewId, userId, role: invitation.role },
    });
    await recordActivity(tx, {
      reviewId: invitation.reviewId,
      actorId: userId,
      kind: "member.joined",
      subjectType: "member",
      subjectId: membership.id,
      data: { role: invitation.role },
    });
    return { reviewId: invitation.reviewId };
  });
}

export function parseInviteToken(rawToken: unknown): string {
  const parsed = invitationTokenSchema.safeParse(rawToken);
  if (!parsed.success) throw new AppError("INVITE_INVALID", "malformed invitation link");
  return parsed.data;
}

export const changeRoleSchema = z.object({ reviewId: id, membershipId: id, role: z.enum(ROLES) });

export async function changeMemberRole(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(changeRoleSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "members.manage", tx, input.reviewId);
    const membership = await findMembership(tx, input.reviewId, input.membershipId);
    if (membership.role === input.role) return;
    if (membership.role === "OWNER") await assertAnotherOwner(tx, input.reviewId, membership.id);
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    // Open editor connections turn read-only (or writable) when this commits.
    await announceAccessChange(tx, {
      kind: "membership",
      reviewId: input.reviewId,
      userId: membership.userId,
      role: input.role,
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "member.roleChanged",
      subjectType: "member",
      subjectId: membership.id,
      data: { from: membership.role, to: input.role, userId: membership.userId },
    });
  });
}

export const removeMemberSchema = z.object({ reviewId: id, membershipId: id });

export async function removeMember(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(removeMemberSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "members.manage", tx, input.reviewId);
    const membership = await findMembership(tx, input.reviewId, input.membershipId);
    if (membership.role === "OWNER") await assertAnotherOwner(tx, input.reviewId, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    // Open connections of the removed member close when this commits.
    await announceAccessChange(tx, {
      kind: "membership",
      reviewId: input.reviewId,
      userId: membership.userId,
      role: null,
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "member.removed",
      subjectType: "member",
      subjectId: membership.id,
      data: { userId: membership.userId, role: membership.role },
    });
  });
}

async function findMembership(tx: Transaction, reviewId: string, membershipId: string) {
  const membership = await tx.membership.findFirst({ where: { id: membershipId, reviewId } });
  if (!membership) throw new AppError("NOT_FOUND");
  return membership;
}

async function assertAnotherOwner(tx: Transaction, reviewId: string, exceptMembershipId: string) {
  const owners = await tx.membership.count({ where: { reviewId, role: "OWNER", id: { not: exceptMembershipId } } });
  if (owners === 0) throw new AppError("LAST_OWNER");
}
