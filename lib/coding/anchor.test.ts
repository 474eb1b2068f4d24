import { describe, expect, it } from "vitest";
import { anchorAt, resolveAnchor, similarity } from "./anchor";

const text =
  "党建引领基层治理是新时代的重要命题。\n韧性治理强调在风险冲击下保持基本功能，并在冲击后迅速恢复。\n城乡融合发展要求打破城乡二元结构，实现要素双向流动。";

function anchorOf(quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  return anchorAt(text, start, start + quote.length)!;
}

describe("anchoring a passage", () => {
  it("stores the quote with context either side", () => {
    const anchor = anchorOf("保持基本功能");
    expect(anchor.quote).toBe("保持基本功能");
    expect(anchor.prefix.endsWith("韧性治理强调在风险冲击下")).toBe(true);
    expect(anchor.suffix.startsWith("，并在冲击后")).toBe(true);
  });

  it("refuses empty, blank and out-of-range selections", () => {
    expect(anchorAt(text, 5, 5)).toBeNull();
    expect(anchorAt(text, -1, 3)).toBeNull();
    expect(anchorAt(text, 0, text.length + 1)).toBeNull();
    expect(anchorAt("甲\n\n乙", 1, 3)).toBeNull();
  });

  it("keeps a selection that spans paragraphs", () => {
    const start = text.indexOf("重要命题");
    const end = text.indexOf("韧性治理强调") + 4;
    expect(anchorAt(text, start, end)!.quote).toBe("重要命题。\n韧性治理");
  });
});

describe("finding the passage again", () => {
  it("is exact while the text is unchanged", () => {
    const anchor = anchorOf("城乡二元结构");
    expect(resolveAnchor(text, anchor)).toEqual({ start: anchor.start, end: anchor.end, status: "exact" });
  });

  it("follows the passage when text before it changes", () => {
    const anchor = anchorOf("城乡二元结构");
    const edited = "【摘要】" + text;
    const found = resolveAnchor(edited, anchor);
    expect(found.status).toBe("moved");
    expect(edited.slice(found.start, found.end)).toBe("城乡二元结构");
  });

  it("uses the context to choose between repeated quotes", () => {
    const anchor = anchorOf("治理", text.indexOf("韧性治理"));
    const edited = "前言。" + text;
    const found = resolveAnchor(edited, anchor);
    expect(found.start).toBe(edited.indexOf("韧性治理") + 2);
  });

  it("finds a lightly corrected passage and marks it fuzzy", () => {
    const anchor = anchorOf("在冲击后迅速恢复");
    const corrected = text.replace("在冲击后迅速恢复", "在冲击之后迅速恢复");
    const found = resolveAnchor(corrected, anchor);
    expect(found.status).toBe("fuzzy");
    expect(corrected.slice(found.start, found.end)).toBe("在冲击之后迅速恢复");
  });

  it("finds a corrected passage whose context changed too", () => {
    const anchor = anchorOf("实现要素双向流动");
    const corrected = text.replace("，实现要素双向流动。", "；实现要素的双向流动。");
    const found = resolveAnchor(corrected, anchor);
    expect(found.status).toBe("fuzzy");
    expect(corrected.slice(found.start, found.end)).toContain("双向流动");
  });

  it("reports an orphan when the passage is gone, never a wrong match", () => {
    const anchor = anchorOf("韧性治理强调在风险冲击下保持基本功能");
    const rewritten = text.replace("韧性治理强调在风险冲击下保持基本功能，并在冲击后迅速恢复。", "此段已删除。");
    expect(resolveAnchor(rewritten, anchor).status).toBe("orphaned");
    expect(resolveAnchor("", anchor)).toEqual({ start: 0, end: 0, status: "orphaned" });
  });
});

describe("similarity", () => {
  it("is 1 for the same text and drops with each edit", () => {
    expect(similarity("韧性治理", "韧性治理")).toBe(1);
    expect(similarity("韧性治理", "韧性管理")).toBe(0.75);
    expect(similarity("", "")).toBe(1);
  });
});
