// Every command and query of the foundation, tried by every role and by a member of another review.
import { beforeAll, describe, expect, it } from "vitest";
import { listActivity } from "@/lib/activity/queries";
import type { Database } from "@/lib/db/client";
import type { ReviewRole } from "@/lib/db/generated/enums";
import { changeStage } from "@/lib/workflow/commands";
import { listThemeOptions } from "@/lib/coding/queries";
import { getDashboard } from "@/lib/dashboard/queries";
import { createItem, updateItem } from "@/lib/items/commands";
import { EMPTY_ITEM_FIELDS } from "@/lib/items/item-fields";
import { getItem, listTrash } from "@/lib/items/queries";
import { listLibraryPage, parseLibraryParams } from "@/lib/library/query";
import { changeMemberRole, createInvitation, removeMember, revokeInvitation } from "@/lib/members/commands";
import { listMembers, listPendingInvitations } from "@/lib/members/queries";
import { getReview } from "@/lib/reviews/queries";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "a");
  b = await createReviewWithTeam(db, "b");
});

type Team = typeof a;
const OPERATIONS: Record<string, { allowed: ReviewRole[]; run: (userId: string, team: Team) => Promise<unknown> }> = {
  getReview: { allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"], run: (u, t) => getReview(u, t.reviewId) },
  listLibraryPage: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: (u, t) => listLibraryPage(u, t.reviewId, parseLibraryParams({})),
  },
  getItem: { allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"], run: (u, t) => getItem(u, t.reviewId, t.itemId) },
  listMembers: { allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"], run: (u, t) => listMembers(u, t.reviewId) },
  listActivity: { allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"], run: (u, t) => listActivity(u, t.reviewId) },
  getDashboard: { allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"], run: (u, t) => getDashboard(u, t.reviewId) },
  listThemeOptions: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: (u, t) => listThemeOptions(u, t.reviewId),
  },
  listTrash: { allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"], run: (u, t) => listTrash(u, t.reviewId) },
  createItem: {
    allowed: ["OWNER", "EDITOR"],
    run: (u, t) => createItem(u, { reviewId: t.reviewId, fields: { ...EMPTY_ITEM_FIELDS, titleZh: "手动添加" } }),
  },
  updateItem: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) => {
      const { version } = await db.reviewItem.findUniqueOrThrow({ where: { id: t.itemId } });
      return updateItem(u, {
        reviewId: t.reviewId,
        itemId: t.itemId,
        version,
        fields: { ...EMPTY_ITEM_FIELDS, titleZh: `修改 ${version}` },
      });
    },
  },
  listPendingInvitations: { allowed: ["OWNER"], run: (u, t) => listPendingInvitations(u, t.reviewId) },
  changeStage: {
    allowed: ["OWNER", "EDITOR"],
    run: (u, t) => changeStage(u, { reviewId: t.reviewId, itemId: t.itemId, stageId: t.stages[1]!.id }),
  },
  createInvitation: {
    allowed: ["OWNER"],
    run: (u, t) => createInvitation(u, { reviewId: t.reviewId, role: "VIEWER" }),
  },
  changeMemberRole: {
    allowed: ["OWNER"],
    run: (u, t) => {
      const viewer = t.memberships.find((m) => m.role === "VIEWER")!;
      return changeMemberRole(u, { reviewId: t.reviewId, membershipId: viewer.id, role: "VIEWER" });
    },
  },
};

async function snapshot() {
  const [items, changes, memberships, invitations, events] = await Promise.all([
    db.reviewItem.findMany({ select: { id: true, stageId: true, version: true }, orderBy: { id: "asc" } }),
    db.statusChange.count(),
    db.membership.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
    db.invitation.count(),
    db.activityEvent.count(),
  ]);
  return { items, changes, memberships, invitations, events };
}

describe.each(["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"] as const)("%s of review A", (role) => {
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    const allowed = operation.allowed.includes(role);
    it(`${allowed ? "may" : "may not"} ${name} in review A`, async () => {
      const before = await snapshot();
      const attempt = operation.run(a.users[role].id, a);
      if (allowed) {
        await expect(attempt).resolves.not.toThrow();
      } else {
        await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
        expect(await snapshot()).toEqual(before);
      }
    });

    it(`cannot ${name} in review B (reported as not found, nothing changes)`, async () => {
      const before = await snapshot();
      await expect(operation.run(a.users[role].id, b)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe("resources addressed across reviews", () => {
  it("an item of review B cannot be read through review A's id", async () => {
    await expect(getItem(a.users.OWNER.id, a.reviewId, b.itemId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an item of review B cannot be moved through review A's id", async () => {
    const before = await snapshot();
    await expect(
      changeStage(a.users.OWNER.id, { reviewId: a.reviewId, itemId: b.itemId, stageId: a.stages[2]!.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("a stage of review B is refused for an item of review A", async () => {
    const before = await snapshot();
    await expect(
      changeStage(a.users.OWNER.id, { reviewId: a.reviewId, itemId: a.itemId, stageId: b.stages[2]!.id }),
    ).rejects.toMatchObject({ code: "STAGE_NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("a member of review B cannot be re-roled or removed through review A", async () => {
    const before = await snapshot();
    const foreign = b.memberships.find((m) => m.role === "EDITOR")!;
    await expect(
      changeMemberRole(a.users.OWNER.id, { reviewId: a.reviewId, membershipId: foreign.id, role: "OWNER" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      removeMember(a.users.OWNER.id, { reviewId: a.reviewId, membershipId: foreign.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("an invitation of review B cannot be revoked through review A", async () => {
    const invitation = await createInvitation(b.users.OWNER.id, { reviewId: b.reviewId, role: "VIEWER" });
    await expect(
      revokeInvitation(a.users.OWNER.id, { reviewId: a.reviewId, invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });

  it("an empty user id is refused, never treated as 'no filter'", async () => {
    await expect(listLibraryPage("", a.reviewId, parseLibraryParams({}))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});
