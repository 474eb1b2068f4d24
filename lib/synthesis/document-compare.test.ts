import { describe, expect, it } from "vitest";
import type { DocNode } from "./document-model";
import { changeBlocks, compareDocumentStructure, hasChanges, type RichChange } from "./document-compare";

const labels: Record<string, string> = { a: "[1]", b: "[2]", c: "[5]" };
const label = (itemId: string, locator: string | null) => `${labels[itemId] ?? "[?]"}${locator ?? ""}`;
const text = (value: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: value, marks });
const cite = (itemId: string, locator: string | null = null): DocNode => ({
  type: "citation",
  attrs: { itemId, locator },
});
const note = (value: string): DocNode => ({ type: "note", attrs: { text: value } });
const p = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const quote = (...content: DocNode[]): DocNode => ({ type: "blockquote", attrs: { codingId: "k" }, content });
const heading = (level: number, value: string): DocNode => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});

/** The changes as compact strings: +x added, -x removed, =x unchanged (citations by label, notes as ^note). */
function readable(changes: RichChange[]): string[] {
  return changes
    .filter((change) => change.piece.type !== "block" || change.kind !== "equal")
    .map(({ kind, piece }) => {
      const sign = kind === "insert" ? "+" : kind === "delete" ? "-" : "=";
      switch (piece.type) {
        case "block":
          return `${sign}¶${piece.block}${piece.level ?? ""}`;
        case "text":
          return `${sign}${piece.text}${piece.marks.length ? `{${piece.marks.join(",")}}` : ""}`;
        case "citation":
          return `${sign}${piece.label}`;
        case "note":
          return `${sign}^${piece.text}`;
      }
    });
}

describe("structured document comparison", () => {
  it("shows an added citation by its label where plain text would show nothing", () => {
    const before = doc(p(text("已有研究表明党建引领"), cite("a"), text("。")));
    const after = doc(p(text("已有研究表明党建引领"), cite("a"), cite("c"), text("。")));
    const changes = compareDocumentStructure(before, after, label);
    expect(readable(changes).filter((entry) => !entry.startsWith("="))).toEqual(["+[5]"]);
  });

  it("shows a removed citation and a changed page locator", () => {
    const before = doc(p(text("观点"), cite("b", "12"), cite("a")));
    const after = doc(p(text("观点"), cite("b", "15")));
    const changed = readable(compareDocumentStructure(before, after, label)).filter((entry) => !entry.startsWith("="));
    expect(changed.sort()).toEqual(["+[2]15", "-[1]", "-[2]12"].sort());
  });

  it("shows notes added, removed and reworded", () => {
    const before = doc(p(text("韧性"), note("见第二章"), text("治理")));
    const after = doc(p(text("韧性"), note("见第三章"), text("治理"), note("新注释")));
    const changed = readable(compareDocumentStructure(before, after, label)).filter((entry) => !entry.startsWith("="));
    expect(changed).toEqual(["-^见第二章", "+^见第三章", "+^新注释"]);
  });

  it("shows a quote added as a block of its own, and a paragraph turned into a quote", () => {
    const before = doc(p(text("引言")), p(text("受访者说：社区是家")));
    const after = doc(p(text("引言")), quote(p(text("受访者说：社区是家"))), quote(p(text("第二段访谈"))));
    const blocks = changeBlocks(compareDocumentStructure(before, after, label));
    expect(blocks.map((block) => [block.block, block.change])).toEqual([
      ["paragraph", "equal"],
      ["blockquote", "retyped"],
      ["blockquote", "insert"],
    ]);
    expect(blocks[1]!.previous).toEqual({ block: "paragraph", level: undefined });
    expect(blocks[2]!.runs).toEqual([{ kind: "insert", piece: { type: "text", text: "第二段访谈", marks: [] } }]);
  });

  it("shows headings and their level changes", () => {
    const before = doc(heading(2, "研究方法"), p(text("内容")));
    const after = doc(heading(3, "研究方法"), p(text("内容")), heading(2, "结论"));
    const blocks = changeBlocks(compareDocumentStructure(before, after, label));
    expect(blocks.map((block) => [block.block, block.level, block.change])).toEqual([
      ["heading", 3, "retyped"],
      ["paragraph", undefined, "equal"],
      ["heading", 2, "insert"],
    ]);
  });

  it("shows formatting changes on the same words", () => {
    const before = doc(p(text("resilient governance matters")));
    const after = doc(p(text("resilient "), text("governance", [{ type: "bold" }]), text(" matters")));
    const changed = readable(compareDocumentStructure(before, after, label)).filter((entry) => !entry.startsWith("="));
    expect(changed).toEqual(["-governance", "+governance{bold}"]);
  });

  it("compares English by words and Chinese by characters, and finds no change in equal documents", () => {
    const before = doc(p(text("The cat sat. 基层治理")));
    const after = doc(p(text("The dog sat. 基层自治")));
    const changed = readable(compareDocumentStructure(before, after, label)).filter((entry) => !entry.startsWith("="));
    expect(changed.slice(0, 2)).toEqual(["-cat", "+dog"]);
    // Chinese is compared character by character: only the changed characters are marked.
    expect(changed.slice(2).length).toBeGreaterThan(0);
    expect(changed.slice(2).every((entry) => /^[+-]\p{Script=Han}+$/u.test(entry))).toBe(true);
    expect(changed.join("")).not.toContain("基");
    const same = doc(p(text("相同"), cite("a")), quote(p(text("引文"))));
    expect(hasChanges(compareDocumentStructure(same, same, label))).toBe(false);
  });

  it("keeps unchanged paragraphs whole when one paragraph changes", () => {
    const before = doc(p(text("第一段不变")), p(text("第二段旧")), p(text("第三段不变")));
    const after = doc(p(text("第一段不变")), p(text("第二段新")), p(text("第三段不变")));
    const blocks = changeBlocks(compareDocumentStructure(before, after, label));
    expect(blocks).toHaveLength(3);
    expect(blocks[0]!.runs.every((run) => run.kind === "equal")).toBe(true);
    expect(blocks[2]!.runs.every((run) => run.kind === "equal")).toBe(true);
    expect(blocks[1]!.runs.filter((run) => run.kind !== "equal")).toHaveLength(2);
  });
});
