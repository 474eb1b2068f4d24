import { describe, expect, it } from "vitest";
import {
  agreedExclusionReason,
  isFullTextUnavailableReason,
  voteOutcome,
  votesRevealed,
  type VoteSummary,
} from "./outcome";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const vote = (choice: VoteSummary["choice"], reasonId: string | null = null, minute = 0): VoteSummary => ({
  choice,
  reasonId,
  createdAt: at(minute),
});

describe("voteOutcome", () => {
  it("waits until the required number of votes is in", () => {
    expect(voteOutcome([], 2)).toEqual({ state: "UNSCREENED" });
    expect(voteOutcome([vote("INCLUDE")], 2)).toEqual({ state: "IN_PROGRESS" });
    expect(voteOutcome([vote("INCLUDE")], 1)).toEqual({ state: "INCLUDED", choice: "INCLUDE" });
  });

  it("decides on unanimity and sends any mix or maybe to the owner", () => {
    expect(voteOutcome([vote("INCLUDE"), vote("INCLUDE")], 2)).toMatchObject({ state: "INCLUDED" });
    expect(voteOutcome([vote("INCLUDE"), vote("EXCLUDE", "r")], 2)).toEqual({ state: "CONFLICT" });
    expect(voteOutcome([vote("MAYBE"), vote("MAYBE")], 2)).toEqual({ state: "CONFLICT" });
    expect(voteOutcome([vote("INCLUDE"), vote("MAYBE")], 2)).toEqual({ state: "CONFLICT" });
  });

  it("records the most common exclusion reason, ties to the earliest vote", () => {
    expect(voteOutcome([vote("EXCLUDE", "b", 2), vote("EXCLUDE", "a", 1)], 2)).toEqual({
      state: "EXCLUDED",
      choice: "EXCLUDE",
      reasonId: "a",
    });
    expect(voteOutcome([vote("EXCLUDE", "a", 1), vote("EXCLUDE", "b", 2), vote("EXCLUDE", "b", 3)], 3)).toMatchObject({
      reasonId: "b",
    });
  });
});

describe("votesRevealed", () => {
  it("hides votes until the required number is in or the item is decided", () => {
    expect(votesRevealed("IN_PROGRESS", 1, 2)).toBe(false);
    expect(votesRevealed("CONFLICT", 2, 2)).toBe(true);
    expect(votesRevealed("INCLUDED", 1, 3)).toBe(true);
  });
});

describe("agreedExclusionReason", () => {
  it("pre-fills only the reason every excluding voter gave", () => {
    expect(agreedExclusionReason([vote("EXCLUDE", "r1"), vote("MAYBE"), vote("EXCLUDE", "r1")])).toBe("r1");
    expect(agreedExclusionReason([vote("EXCLUDE", "r1"), vote("EXCLUDE", "r2")])).toBeNull();
    expect(agreedExclusionReason([vote("EXCLUDE", "r1"), vote("EXCLUDE", null)])).toBeNull();
    expect(agreedExclusionReason([vote("INCLUDE"), vote("MAYBE")])).toBeNull();
  });
});

describe("isFullTextUnavailableReason", () => {
  it("recognises the full-text-unavailable reason in either language, and nothing else", () => {
    expect(isFullTextUnavailableReason({ labelZh: "无法获取全文", labelEn: "Full text unavailable" })).toBe(true);
    expect(isFullTextUnavailableReason({ labelZh: "其他", labelEn: "Full-text not available" })).toBe(true);
    expect(isFullTextUnavailableReason({ labelZh: "主题不相关", labelEn: "Off-topic" })).toBe(false);
    expect(isFullTextUnavailableReason({ labelZh: "研究设计不符", labelEn: "Wrong study design" })).toBe(false);
  });
});
