import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { createReviewWithTeam, createUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { acceptInvitation, changeMemberRole, createInvitation, removeMember, revokeInvitation } from "./commands";
import { previewInvitation } from "./queries";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "members");
});

describe("invitations", () => {
  it("admits one person once, with the invited role", async () => {
    const invitation = await createInvitation(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      role: "SUPERVISOR",
      note: "导师",
    });
    expect((await previewInvitation(invitation.token)).state).toBe("open");
    const newcomer = await createUser(db, "newcomer");
    await expect(acceptInvitation(newcomer.id, invitation.token)).resolves.toEqual({ reviewId: team.reviewId });
    const membership = await db.membership.findUniqueOrThrow({
      where: { reviewId_userId: { reviewId: team.reviewId, userId: newcomer.id } },
    });
    expect(membership.role).toBe("SUPERVISOR");
    const second = await createUser(db, "second");
    await expect(acceptInvitation(second.id, invitation.token)).rejects.toMatchObject({ code: "INVITE_USED" });
    expect(await db.membership.count({ where: { userId: second.id } })).toBe(0);
  });

  it("refuses malformed, unknown, revoked and expired links", async () => {
    const user = await createUser(db, "visitor");
    await expect(acceptInvitation(user.id, "../../etc/passwd")).rejects.toMatchObject({ code: "INVITE_INVALID" });
    await expect(acceptInvitation(user.id, "A".repeat(32))).rejects.toMatchObject({ code: "INVITE_INVALID" });
    const revoked = await createInvitation(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      role: "VIEWER",
    });
    await revokeInvitation(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      invitationId: revoked.id,
    });
    await expect(acceptInvitation(user.id, revoked.token)).rejects.toMatchObject({ code: "INVITE_INVALID" });
    const expired = await createInvitation(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      role: "VIEWER",
    });
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation(user.id, expired.token)).rejects.toMatchObject({ code: "INVITE_EXPIRED" });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a malformed role or expiry", async () => {
    await expect(
      createInvitation(await accessTo(team.users.OWNER.id, team.reviewId), { reviewId: team.reviewId, role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      createInvitation(await accessTo(team.users.OWNER.id, team.reviewId), {
        reviewId: team.reviewId,
        role: "VIEWER",
        expiresInDays: 400,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("tells an existing member they are already in", async () => {
    const invitation = await createInvitation(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      role: "VIEWER",
    });
    await expect(acceptInvitation(team.users.EDITOR.id, invitation.token)).rejects.toMatchObject({
      code: "ALREADY_MEMBER",
    });
  });
});

describe("roles", () => {
  it("changes a member's role and records it", async () => {
    const viewer = team.memberships.find((m) => m.role === "VIEWER")!;
    await changeMemberRole(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      membershipId: viewer.id,
      role: "EDITOR",
    });
    expect((await db.membership.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("EDITOR");
    expect(
      await db.activityEvent.count({
        where: { reviewId: team.reviewId, kind: "member.roleChanged", subjectId: viewer.id },
      }),
    ).toBe(1);
  });

  it("never leaves a review without an owner", async () => {
    const owner = team.memberships.find((m) => m.role === "OWNER")!;
    await expect(
      changeMemberRole(await accessTo(team.users.OWNER.id, team.reviewId), {
        reviewId: team.reviewId,
        membershipId: owner.id,
        role: "VIEWER",
      }),
    ).rejects.toMatchObject({ code: "LAST_OWNER" });
    await expect(
      removeMember(await accessTo(team.users.OWNER.id, team.reviewId), {
        reviewId: team.reviewId,
        membershipId: owner.id,
      }),
    ).rejects.toMatchObject({ code: "LAST_OWNER" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe("OWNER");
  });

  it("removes a member", async () => {
    const supervisor = team.memberships.find((m) => m.role === "SUPERVISOR")!;
    await removeMember(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      membershipId: supervisor.id,
    });
    expect(await db.membership.findUnique({ where: { id: supervisor.id } })).toBeNull();
  });
});
