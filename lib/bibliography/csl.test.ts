import { describe, expect, it } from "vitest";
import { parseEnglishName, toCslItem, type CitableItem } from "./csl";

const blank: CitableItem = {
  id: "item",
  titleZh: null,
  titleEn: null,
  journalZh: null,
  journalEn: null,
  year: null,
  volume: null,
  issue: null,
  pages: null,
  doi: null,
  authors: [],
};

describe("toCslItem", () => {
  it("maps a Chinese article, keeping Chinese names whole", () => {
    const csl = toCslItem({
      ...blank,
      id: "zhu2020",
      titleZh: "韧性治理:风险与应急管理的新路径",
      titleEn: "Resilient Governance",
      journalZh: "行政论坛",
      journalEn: "Administrative Tribune",
      year: 2020,
      volume: "27",
      issue: "5",
      pages: "81-87",
      doi: " 10.1234/abc ",
      authors: [
        { nameZh: "朱正威", nameEn: "Zhu Zhengwei" },
        { nameZh: "欧阳修", nameEn: null },
      ],
    });
    expect(csl).toEqual({
      id: "zhu2020",
      type: "article-journal",
      language: "zh-CN",
      title: "韧性治理:风险与应急管理的新路径",
      "container-title": "行政论坛",
      issued: { "date-parts": [[2020]] },
      volume: "27",
      issue: "5",
      page: "81-87",
      DOI: "10.1234/abc",
      author: [{ literal: "朱正威" }, { literal: "欧阳修" }],
    });
  });

  it("maps an English article with English names split into family and given", () => {
    const csl = toCslItem({
      ...blank,
      titleEn: "Collaborative Governance in Theory and Practice",
      journalEn: "Journal of Public Administration Research and Theory",
      year: 2008,
      authors: [
        { nameZh: null, nameEn: "Chris Ansell" },
        { nameZh: null, nameEn: "Gash, Alison" },
      ],
    });
    expect(csl.language).toBe("en-US");
    expect(csl.title).toBe("Collaborative Governance in Theory and Practice");
    expect(csl.author).toEqual([
      { family: "Ansell", given: "Chris" },
      { family: "Gash", given: "Alison" },
    ]);
  });

  it("falls back to the other language's fields and keeps romanised names on Chinese items as written", () => {
    const csl = toCslItem({
      ...blank,
      titleEn: null,
      journalZh: "理论月刊",
      authors: [{ nameZh: null, nameEn: "Kan Daoyuan" }],
    });
    expect(csl.language).toBe("zh-CN");
    expect(csl.title).toBeUndefined();
    expect(csl["container-title"]).toBe("理论月刊");
    expect(csl.author).toEqual([{ literal: "Kan Daoyuan" }]);
  });

  it("inverts a foreign name written 'Family, Given' on a Chinese item and carries the more-authors flag", () => {
    const csl = toCslItem({
      ...blank,
      titleZh: "综合湿地管理",
      moreAuthors: true,
      authors: [
        { nameZh: "牛志明", nameEn: null },
        { nameZh: null, nameEn: "Swingland, Ian R." },
      ],
    });
    expect(csl.author).toEqual([{ literal: "牛志明" }, { family: "Swingland", given: "Ian R." }]);
    expect(csl.moreAuthors).toBe(true);
    expect(toCslItem({ ...blank, titleZh: "无作者", moreAuthors: true }).moreAuthors).toBeUndefined();
  });

  it("leaves unknown fields absent instead of guessing", () => {
    const csl = toCslItem({ ...blank, authors: [{ nameZh: null, nameEn: null }], volume: " " });
    expect(csl).toEqual({ id: "item", type: "article-journal", language: "zh-CN" });
  });
});

describe("parseEnglishName", () => {
  it("reads comma, capitalised-surname-first and Western orders", () => {
    expect(parseEnglishName("Ansell, Chris")).toEqual({ family: "Ansell", given: "Chris" });
    expect(parseEnglishName("KAN Daoyuan")).toEqual({ family: "KAN", given: "Daoyuan" });
    expect(parseEnglishName("Mary  Jo Hatch")).toEqual({ family: "Hatch", given: "Mary Jo" });
    expect(parseEnglishName("Plato")).toEqual({ family: "Plato" });
    expect(parseEnglishName("World Bank")).toEqual({ literal: "World Bank" });
  });
});
