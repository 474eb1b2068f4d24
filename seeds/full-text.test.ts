import { describe, expect, it } from "vitest";
import { extractFullText } from "./full-text";

const page =
  "导航 首页\r\n上一篇\r\n  第一段正文开始于此处。\r\n\r\n\r\n  广告行\r\n  第二段正文，结束于此。\r\n下一篇:无关新闻";

describe("extractFullText", () => {
  it("keeps the text between the markers, drops noise lines and normalises whitespace", () => {
    expect(extractFullText(page, { start: "第一段正文开始", end: "结束于此。", dropLines: ["广告行"] })).toBe(
      "第一段正文开始于此处。\n\n第二段正文，结束于此。",
    );
  });

  it("refuses markers that are missing or ambiguous", () => {
    expect(() => extractFullText(page, { start: "不存在的开头", end: "结束于此。", dropLines: [] })).toThrow(
      /not found/,
    );
    expect(() => extractFullText("甲乙甲乙", { start: "甲", end: "乙", dropLines: [] })).toThrow(/more than once/);
  });
});
