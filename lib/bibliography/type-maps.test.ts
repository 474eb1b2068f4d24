import { describe, expect, it } from "vitest";
import { ITEM_TYPES } from "./item-types";
import {
  bibtexTypeOf,
  cslTypeOf,
  endnoteTypeOf,
  itemTypeFromBibtex,
  itemTypeFromCsl,
  itemTypeFromEndnoteRefType,
  itemTypeFromGbtCode,
  itemTypeFromRis,
  itemTypeFromTypeName,
  noteExpressTypeOf,
  refWorksTypeOf,
  risTypeOf,
} from "./type-maps";

describe("type maps", () => {
  it("reads back every type each format writes", () => {
    for (const type of ITEM_TYPES) {
      expect(itemTypeFromCsl(cslTypeOf(type)), `CSL ${type}`).toBe(type);
      expect(itemTypeFromRis(risTypeOf(type)), `RIS ${type}`).toBe(type);
      expect(itemTypeFromTypeName(noteExpressTypeOf(type)), `NoteExpress ${type}`).toBe(type);
      // RefWorks and EndNote have no preprint type; theirs ("Unpublished Material", "Electronic Article") read as their own.
      if (type !== "PREPRINT") expect(itemTypeFromTypeName(refWorksTypeOf(type)), `RefWorks ${type}`).toBe(type);
      if (type !== "PREPRINT") expect(itemTypeFromTypeName(endnoteTypeOf(type)), `EndNote ${type}`).toBe(type);
      if (type !== "STANDARD" && type !== "NEWSPAPER_ARTICLE" && type !== "PREPRINT" && type !== "PATENT") {
        expect(itemTypeFromBibtex(bibtexTypeOf(type).biblatex), `BibLaTeX ${type}`).toBe(type);
      }
    }
  });

  it("reads Mendeley's underscore types, BibLaTeX subtypes and thesis degrees", () => {
    expect(itemTypeFromBibtex("Book_Section")).toBe("BOOK_CHAPTER");
    expect(itemTypeFromBibtex("web_page")).toBe("WEB_PAGE");
    expect(itemTypeFromBibtex("magazine_article")).toBe("JOURNAL_ARTICLE");
    expect(itemTypeFromBibtex("newspaper_article")).toBe("NEWSPAPER_ARTICLE");
    expect(itemTypeFromBibtex("article", { entrysubtype: "newspaper" })).toBe("NEWSPAPER_ARTICLE");
    expect(itemTypeFromBibtex("misc", { type: "standard" })).toBe("STANDARD");
    expect(itemTypeFromBibtex("misc", { eprint: "2101.00001" })).toBe("PREPRINT");
    expect(itemTypeFromBibtex("phdthesis")).toBe("THESIS");
    expect(bibtexTypeOf("THESIS", "硕士学位论文").bibtex).toBe("mastersthesis");
    expect(bibtexTypeOf("THESIS", "博士学位论文").bibtex).toBe("phdthesis");
    expect(itemTypeFromBibtex("nonsense")).toBeNull();
  });

  it("reads CNKI, NoteExpress, EndNote and RefWorks names in either language and any spacing", () => {
    expect(itemTypeFromTypeName("期刊文章")).toBe("JOURNAL_ARTICLE");
    expect(itemTypeFromTypeName("学位论文")).toBe("THESIS");
    expect(itemTypeFromTypeName("会议论文")).toBe("CONFERENCE_PAPER");
    expect(itemTypeFromTypeName("报纸文章")).toBe("NEWSPAPER_ARTICLE");
    expect(itemTypeFromTypeName("专利")).toBe("PATENT");
    expect(itemTypeFromTypeName("标准")).toBe("STANDARD");
    expect(itemTypeFromTypeName("图书章节")).toBe("BOOK_CHAPTER");
    expect(itemTypeFromTypeName("电子文献")).toBe("WEB_PAGE");
    expect(itemTypeFromTypeName("Conference Proceedings")).toBe("CONFERENCE_PAPER");
    expect(itemTypeFromTypeName("conference  proceedings ")).toBe("CONFERENCE_PAPER");
    expect(itemTypeFromTypeName("Dissertation/Thesis")).toBe("THESIS");
    expect(itemTypeFromTypeName("Book, Section")).toBe("BOOK_CHAPTER");
    expect(itemTypeFromTypeName("Something else")).toBeNull();
    expect(itemTypeFromRis("  jour ")).toBe("JOURNAL_ARTICLE");
    expect(itemTypeFromEndnoteRefType("32")).toBe("THESIS");
    expect(itemTypeFromGbtCode("D")).toBe("THESIS");
    expect(itemTypeFromGbtCode("EB")).toBe("WEB_PAGE");
  });
});
