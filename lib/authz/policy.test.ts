import { describe, expect, it } from "vitest";
import { ACTIONS, can, ROLES, type Action } from "./policy";

// The policy written out by hand: if the table in policy.ts changes, this must change with it.
const EXPECTED: Record<(typeof ROLES)[number], Action[]> = {
  OWNER: [...ACTIONS],
  EDITOR: [
    "review.read",
    "members.read",
    "activity.read",
    "item.create",
    "item.update",
    "item.changeStage",
    "item.delete",
    "item.assign",
    "screening.vote",
    "theme.manage",
    "theme.tag",
    "coding.write",
    "synthesis.write",
    "comment.write",
  ],
  SUPERVISOR: ["review.read", "members.read", "activity.read", "comment.write", "round.run"],
  VIEWER: ["review.read", "members.read", "activity.read"],
};

describe("authorization policy", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => expect(can(role, action)).toBe(allowed));
    }
  }

  it("refuses everything to a non-member", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it("never lets a supervisor or viewer change content", () => {
    for (const action of [
      "item.update",
      "item.changeStage",
      "item.assign",
      "screening.vote",
      "synthesis.write",
      "theme.manage",
    ] as const) {
      expect(can("SUPERVISOR", action)).toBe(false);
      expect(can("VIEWER", action)).toBe(false);
    }
  });
});
