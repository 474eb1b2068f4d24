import { describe, expect, it } from "vitest";
import { missingForCitation } from "./completeness";
import type { CitableItem } from "./csl";

const blank: CitableItem = {
  id: "x",
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
const author = { role: "AUTHOR" as const, nameZh: "张三", nameEn: null };

describe("missingForCitation", () => {
  it("names what a journal article lacks", () => {
    expect(missingForCitation({ ...blank, titleZh: "党建引领" })).toEqual([
      "author",
      "container",
      "year",
      "volumeIssue",
      "pages",
    ]);
  });

  it("asks a thesis for its institution and place, not a journal", () => {
    expect(
      missingForCitation({ ...blank, itemType: "THESIS", titleZh: "论文", year: 2020, authors: [author] }),
    ).toEqual(["publisher", "publisherPlace"]);
  });

  it("does not count editors or a supervisor as the author of a chapter or thesis, but does for an edited book", () => {
    const editor = { ...author, role: "EDITOR" as const };
    expect(missingForCitation({ ...blank, itemType: "BOOK_CHAPTER", titleZh: "章", authors: [editor] })).toContain(
      "author",
    );
    expect(missingForCitation({ ...blank, itemType: "BOOK", titleZh: "书", authors: [editor] })).not.toContain(
      "author",
    );
  });

  it("asks a newspaper article for a full date and a web page for its URL", () => {
    const news = {
      ...blank,
      itemType: "NEWSPAPER_ARTICLE" as const,
      titleZh: "新闻",
      journalZh: "人民日报",
      pages: "2",
    };
    expect(missingForCitation({ ...news, year: 2013 })).toEqual(["date"]);
    expect(missingForCitation({ ...news, issuedDate: "2013-01-12" })).toEqual([]);
    expect(missingForCitation({ ...blank, itemType: "WEB_PAGE", titleZh: "网页" })).toEqual(["url"]);
    expect(missingForCitation({ ...blank, itemType: "WEB_PAGE", titleZh: "网页", url: "http://a.cn" })).toEqual([
      "accessedDate",
    ]);
  });
});
