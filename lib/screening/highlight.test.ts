import { describe, expect, it } from "vitest";
import { countHighlights, highlightSegments, highlightSpans } from "./highlight";

describe("highlightSegments", () => {
  it("marks every occurrence, longest word first, keeping the text whole", () => {
    const text = "基层治理体系与治理能力；Resilience and resilient cities.";
    const segments = highlightSegments(text, ["治理", "治理体系", "resilien"]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.term).map((s) => [s.text, s.term])).toEqual([
      ["治理体系", "治理体系"],
      ["治理", "治理"],
      ["Resilien", "resilien"],
      ["resilien", "resilien"],
    ]);
  });

  it("treats regular-expression characters as text and ignores empty words", () => {
    expect(highlightSegments("a (b) c", ["(b)", " ", ""])).toEqual([
      { text: "a ", term: null },
      { text: "(b)", term: "(b)" },
      { text: " c", term: null },
    ]);
    expect(highlightSegments("无高亮", [])).toEqual([{ text: "无高亮", term: null }]);
    expect(highlightSegments("", ["x"])).toEqual([]);
  });

  it("counts occurrences per word", () => {
    expect(Object.fromEntries(countHighlights("韧性城市的韧性", ["韧性", "城市"]))).toEqual({ 韧性: 2, 城市: 1 });
  });

  it("gives the spans of the words, for marking them on a PDF page", () => {
    const text = "韧性城市的Resilience与韧性";
    expect(highlightSpans(text, ["韧性", "resilience"])).toEqual([
      { start: 0, end: 2, term: "韧性" },
      { start: 5, end: 15, term: "resilience" },
      { start: 16, end: 18, term: "韧性" },
    ]);
    expect(highlightSpans(text, [])).toEqual([]);
  });
});
