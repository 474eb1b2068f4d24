import { describe, expect, it } from "vitest";
import type { DocNode } from "./document-model";
import { compareDocuments, compareTexts, excerptChanges, type TextChange } from "./text-compare";

const rebuilt = (changes: TextChange[], side: "before" | "after") =>
  changes
    .filter((change) => change.kind === "equal" || change.kind === (side === "before" ? "delete" : "insert"))
    .map((change) => change.text)
    .join("");

describe("compareTexts", () => {
  it("finds a Chinese insertion character by character", () => {
    const changes = compareTexts("党建引领基层治理", "党建引领基层韧性治理");
    expect(changes).toEqual([
      { kind: "equal", text: "党建引领基层" },
      { kind: "insert", text: "韧性" },
      { kind: "equal", text: "治理" },
    ]);
  });

  it("finds a Chinese deletion and a replacement", () => {
    expect(compareTexts("区域化党建与基层有效治理", "区域化党建与基层治理")).toEqual([
      { kind: "equal", text: "区域化党建与基层" },
      { kind: "delete", text: "有效" },
      { kind: "equal", text: "治理" },
    ]);
    expect(compareTexts("长三角一体化实践", "珠三角一体化实践")).toEqual([
      { kind: "delete", text: "长" },
      { kind: "insert", text: "珠" },
      { kind: "equal", text: "三角一体化实践" },
    ]);
  });

  it("compares English by whole words", () => {
    expect(compareTexts("The party leads local governance.", "The party guides local governance.")).toEqual([
      { kind: "equal", text: "The party " },
      { kind: "delete", text: "leads" },
      { kind: "insert", text: "guides" },
      { kind: "equal", text: " local governance." },
    ]);
    expect(compareTexts("the cat sat", "the car sat")).toEqual([
      { kind: "equal", text: "the " },
      { kind: "delete", text: "cat" },
      { kind: "insert", text: "car" },
      { kind: "equal", text: " sat" },
    ]);
  });

  it("handles mixed Chinese and English text and always rebuilds both sides", () => {
    const before = "协同治理（collaborative governance）理论强调多元主体。";
    const after = "协作治理（collaborative public governance）理论强调多元主体参与。";
    const changes = compareTexts(before, after);
    expect(rebuilt(changes, "before")).toBe(before);
    expect(rebuilt(changes, "after")).toBe(after);
    expect(changes).toContainEqual({ kind: "insert", text: "public " });
    expect(changes).toContainEqual({ kind: "insert", text: "参与" });
  });

  it("reports identical texts as one equality and empty texts as nothing", () => {
    expect(compareTexts("相同的文本", "相同的文本")).toEqual([{ kind: "equal", text: "相同的文本" }]);
    expect(compareTexts("", "")).toEqual([]);
    expect(compareTexts("", "新段落")).toEqual([{ kind: "insert", text: "新段落" }]);
    expect(compareTexts("旧段落", "")).toEqual([{ kind: "delete", text: "旧段落" }]);
  });

  it("keeps characters outside the Basic Multilingual Plane whole", () => {
    const changes = compareTexts("𠮷野家 😀", "𠮷野屋 😀");
    expect(rebuilt(changes, "before")).toBe("𠮷野家 😀");
    expect(rebuilt(changes, "after")).toBe("𠮷野屋 😀");
  });

  it("stays correct with more distinct words than tokens can be coded", () => {
    const many = Array.from({ length: 70_000 }, (_, index) => `w${index}`).join(" ");
    const changes = compareTexts(many, `${many} end`);
    expect(rebuilt(changes, "after")).toBe(`${many} end`);
  });
});

describe("compareDocuments", () => {
  it("compares the plain text of two section documents", () => {
    const paragraph = (text: string): DocNode => ({ type: "paragraph", content: [{ type: "text", text }] });
    const before: DocNode = { type: "doc", content: [paragraph("第一段"), paragraph("第二段")] };
    const after: DocNode = { type: "doc", content: [paragraph("第一段"), paragraph("第二段落")] };
    expect(compareDocuments(before, after)).toEqual([
      { kind: "equal", text: "第一段\n第二段" },
      { kind: "insert", text: "落" },
    ]);
  });
});

describe("comparing paragraphs", () => {
  it("keeps unchanged paragraphs whole when one grows and a list item goes", () => {
    const before = "近年来基层治理受到关注。\n第一点\n第二点\n结语。";
    const after = "近年来基层治理受到关注。韧性成为新的焦点。\n第一点\n结语。";
    const changes = compareTexts(before, after);
    expect(changes.filter((change) => change.kind === "insert").map((change) => change.text)).toEqual([
      "韧性成为新的焦点。",
    ]);
    expect(changes.filter((change) => change.kind === "delete").map((change) => change.text.trim())).toEqual([
      "第二点",
    ]);
    expect(
      changes
        .filter((change) => change.kind === "equal")
        .map((change) => change.text)
        .join(""),
    ).toContain("第一点\n");
  });
});

describe("excerptChanges", () => {
  it("keeps the changes and a little context around them", () => {
    const before = `${"甲".repeat(100)}旧${"乙".repeat(100)}`;
    const after = `${"甲".repeat(100)}新${"乙".repeat(100)}`;
    expect(excerptChanges(compareTexts(before, after), 3)).toEqual([
      { kind: "equal", text: "…甲甲甲" },
      { kind: "delete", text: "旧" },
      { kind: "insert", text: "新" },
      { kind: "equal", text: "乙乙乙…" },
    ]);
  });

  it("cuts the middle of a long unchanged stretch between two changes, and leaves short ones alone", () => {
    const changes: TextChange[] = [
      { kind: "insert", text: "一" },
      { kind: "equal", text: "abcdefghij" },
      { kind: "delete", text: "二" },
      { kind: "equal", text: "xy" },
    ];
    expect(excerptChanges(changes, 2)).toEqual([
      { kind: "insert", text: "一" },
      { kind: "equal", text: "ab … ij" },
      { kind: "delete", text: "二" },
      { kind: "equal", text: "xy" },
    ]);
  });
});
