import { describe, expect, it } from "vitest";
import { paragraphsOf, segmentsOf } from "./segments";

describe("paragraphs", () => {
  it("keep their offsets in the stored text, skipping blank lines", () => {
    expect(paragraphsOf("甲乙\n\n丙丁戊\n")).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 7 },
    ]);
  });
});

describe("segments", () => {
  it("cut overlapping codings into flat pieces that know every coding covering them", () => {
    const segments = segmentsOf({ start: 0, end: 10 }, [
      { id: "a", start: 2, end: 6 },
      { id: "b", start: 4, end: 8 },
    ]);
    expect(segments.map((s) => [s.start, s.end, s.codingIds])).toEqual([
      [0, 2, []],
      [2, 4, ["a"]],
      [4, 6, ["a", "b"]],
      [6, 8, ["b"]],
      [8, 10, []],
    ]);
    expect(segments.find((s) => s.start === 4)!.startsCodingIds).toEqual(["b"]);
  });

  it("clip a coding that spans paragraphs to each paragraph", () => {
    const coding = { id: "x", start: 1, end: 6 };
    expect(segmentsOf({ start: 0, end: 2 }, [coding]).map((s) => s.codingIds)).toEqual([[], ["x"]]);
    const second = segmentsOf({ start: 3, end: 8 }, [coding]);
    expect(second.map((s) => [s.start, s.end, s.codingIds])).toEqual([
      [3, 6, ["x"]],
      [6, 8, []],
    ]);
    expect(second[0]!.startsCodingIds).toEqual(["x"]);
  });
});
