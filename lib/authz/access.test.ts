import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { authorize, confirmAccess, isReviewAccess, resolveAccess, type ReviewAccess } from "./authorize";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "a");
  b = await createReviewWithTeam(db, "b");
});

describe("ReviewAccess", () => {
  it("can only be made by resolving a membership", () => {
    // @ts-expect-error the constructor is private: an access cannot be made up
    expect(() => new (Object.getPrototypeOf(Object) as typeof ReviewAccess)("u", "r", "OWNER")).toThrow();
    const forged = { userId: a.users.VIEWER.id, reviewId: a.reviewId, role: "OWNER", require: () => forged };
    // @ts-expect-error an object of the same shape is not an access (the class has a private field)
    const passed: ReviewAccess = forged;
    expect(isReviewAccess(passed)).toBe(false);
  });

  it("checks an action against the resolved role without reading the database", async () => {
    const viewer = await resolveAccess(a.users.VIEWER.id, a.reviewId);
    expect(viewer).toMatchObject({ userId: a.users.VIEWER.id, reviewId: a.reviewId, role: "VIEWER" });
    expect(viewer.require("review.read")).toBe(viewer);
    expect(() => viewer.require("item.update")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(viewer.can("members.read")).toBe(true);
    expect(viewer.can("members.manage")).toBe(false);
  });

  it("refuses, as for an outsider, input naming another review than the one it was resolved for", async () => {
    const owner = await resolveAccess(a.users.OWNER.id, a.reviewId);
    expect(() => owner.require("review.read", b.reviewId)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    await expect(db.$transaction((tx) => confirmAccess(owner, "members.manage", tx, b.reviewId))).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
  });

  it("is refused to an outsider and to nobody", async () => {
    await expect(resolveAccess(b.users.OWNER.id, a.reviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resolveAccess("", a.reviewId)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authorize(a.users.EDITOR.id, a.reviewId, "members.manage")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("is read again inside a write's transaction: a role lowered since it was resolved is seen", async () => {
    const editor = await resolveAccess(a.users.EDITOR.id, a.reviewId);
    const membership = a.memberships.find((m) => m.role === "EDITOR")!;
    await db.membership.update({ where: { id: membership.id }, data: { role: "VIEWER" } });
    try {
      expect(editor.can("item.update")).toBe(true);
      await expect(db.$transaction((tx) => confirmAccess(editor, "item.update", tx))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    } finally {
      await db.membership.update({ where: { id: membership.id }, data: { role: "EDITOR" } });
    }
  });
});
