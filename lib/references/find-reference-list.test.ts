import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractFullText } from "@/seeds/full-text";
import { papersFileSchema } from "@/seeds/papers-schema";
import { findReferenceList } from "./find-reference-list";
import { parseReference } from "./parse-reference";

function seededFullText(file: string): string | null {
  const papers = papersFileSchema.parse(JSON.parse(readFileSync("seeds/papers.json", "utf8"))).papers;
  const paper = papers.find((entry) => entry.file === file)!;
  return paper.fullText ? extractFullText(readFileSync(`seeds/${file}`, "utf8"), paper.fullText) : null;
}

describe("findReferenceList", () => {
  it("finds the eighteen printed references of the seeded paper that ends with its list (no heading)", () => {
    const list = findReferenceList(seededFullText("003_77c6651b61511a25.txt"));
    expect(list).not.toBeNull();
    expect(list!.heading).toBeNull();
    expect(list!.entries.map((entry) => entry.number)).toEqual([
      1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20, 21, 22,
    ]);
    const parsed = list!.entries.map((entry) => parseReference(entry.text));
    expect(parsed.every((ref) => ref.type === "journal" && ref.title && ref.container && ref.year)).toBe(true);
    expect(parsed[0]).toMatchObject({
      authors: ["朱正威", "刘莹莹"],
      container: "行政论坛",
      volume: "27",
      issue: "05",
    });
    // The funding note just before the list is not a reference.
    expect(list!.entries.some((entry) => entry.text.includes("本文系"))).toBe(false);
  });

  it("finds nothing in the seeded paper that cites [1]–[12] but prints no list", () => {
    const text = seededFullText("002_24433d9f670e2f75.txt");
    expect(text).toContain("[1]");
    expect(findReferenceList(text)).toBeNull();
  });

  it("finds nothing in an empty or missing text", () => {
    expect(findReferenceList(null)).toBeNull();
    expect(findReferenceList("")).toBeNull();
    expect(findReferenceList("正文一段。\n\n正文二段。")).toBeNull();
  });

  it("reads a list under a 参考文献 heading, joining lines broken inside an entry and stopping at the author note", () => {
    const text = [
      "正文最后一段[1]。",
      "",
      "参考文献：",
      "[1]朱正威,刘莹莹.韧性治理:风险与应急管理的新路径[J].",
      "行政论坛,2020,27(05):81-87.",
      "[2]这一条无法解析",
      "",
      "作者简介：张三，某大学教授。",
    ].join("\n");
    const list = findReferenceList(text)!;
    expect(list.heading).toBe("参考文献：");
    expect(list.start).toBe(text.indexOf("参考文献"));
    expect(list.entries).toEqual([
      { number: 1, text: "[1]朱正威,刘莹莹.韧性治理:风险与应急管理的新路径[J].\n行政论坛,2020,27(05):81-87." },
      { number: 2, text: "[2]这一条无法解析" },
    ]);
    expect(parseReference(list.entries[0]!.text)).toMatchObject({ container: "行政论坛", pages: "81-87" });
  });

  it("takes a 注释 list and the 参考文献 list after it together", () => {
    const text =
      "正文。\n注释\n①习近平:《讲话》,北京:人民出版社2021年版,第1页。\n参考文献\n[1]王五.基层治理研究[D].北京:北京大学,2019.";
    const list = findReferenceList(text)!;
    expect(list.heading).toBe("注释");
    expect(list.entries.map((entry) => entry.number)).toEqual([1, 1]);
  });

  it("splits a list a scrape ran into one paragraph, but not on a number cited inside an entry", () => {
    const text =
      "参考文献\n[1]王五.基层治理研究[D].北京:北京大学,2019.[2]李一.社区治理[J].社会学研究,2018,33(2):1-20.[3]赵六.评论文献[5]的再研究[J].学海,2020,(1):3-9.";
    const list = findReferenceList(text)!;
    expect(list.entries.map((entry) => entry.number)).toEqual([1, 2, 3]);
    expect(list.entries[2]!.text).toContain("评论文献[5]的再研究");
  });

  it("reads an unnumbered English list, one entry per paragraph", () => {
    const text = [
      "Body text.",
      "References",
      "Putnam, R. D. (2000). Bowling alone. Simon & Schuster.",
      "",
      "Zhu, Z., & Liu, Y. (2020). Resilience governance: A new path.",
      "Public Administration Review, 27(5), 81–87.",
    ].join("\n");
    const list = findReferenceList(text)!;
    expect(list.entries).toHaveLength(2);
    expect(parseReference(list.entries[1]!.text)).toMatchObject({
      container: "Public Administration Review",
      year: 2020,
    });
  });
});
