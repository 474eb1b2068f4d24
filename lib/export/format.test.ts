// Export formats on hand-made items, without a database: RIS one line per tag with TT for the other title,
// BibTeX with abstract, keywords and unique ASCII keys, and file names that say what the file is.
import { describe, expect, it } from "vitest";
import { parseImportFile } from "@/lib/import/parse-file";
import { exportFileName, sanitizeFileNamePart } from "./file-name";
import { bibtexValue, formatItems, type ExportItem } from "./items";

function item(overrides: Partial<ExportItem>): ExportItem {
  return {
    id: "i",
    itemType: "JOURNAL_ARTICLE",
    genre: null,
    publisher: null,
    publisherPlace: null,
    edition: null,
    eventTitle: null,
    eventPlace: null,
    eventDate: null,
    number: null,
    jurisdiction: null,
    url: null,
    issuedDate: null,
    accessedDate: null,
    language: null,
    funding: null,
    moreAuthors: false,
    titleZh: null,
    titleEn: null,
    journalZh: null,
    journalEn: null,
    year: null,
    volume: null,
    issue: null,
    pages: null,
    doi: null,
    keywordsZh: [],
    keywordsEn: [],
    abstractZh: null,
    abstractEn: null,
    identifiers: [],
    screeningState: "UNSCREENED",
    authors: [],
    stage: { nameZh: "待读", nameEn: "To read" },
    exclusionReason: null,
    themes: [],
    assignments: [],
    screeningDecision: null,
    ...overrides,
  } as ExportItem;
}

const zhAuthor = (nameZh: string) => ({ role: "AUTHOR" as const, nameZh, nameEn: null, affiliations: [] });
const LONG_ABSTRACT =
  "Resilience governance offers emergency management a perspective that reaches beyond the immediate response, " +
  "towards prevention,\nadaptation and recovery of communities over many years.";

const bilingual = item({
  titleZh: "韧性治理：风险与应急管理的新路径，一个面向基层社区与地方政府的长期综合分析框架研究",
  titleEn: "Resilient Governance: A New Path for Risk and Emergency Management in Communities and Local Governments",
  authors: [zhAuthor("朱正威"), zhAuthor("刘莹莹")],
  journalZh: "行政论坛",
  year: 2020,
  keywordsZh: ["韧性治理", "应急管理"],
  abstractZh: `风险社会背景下，{韧性}治理为应急管理提供了新的视角。${"长".repeat(80)}\n第二段。`,
});

describe("RIS export", () => {
  it("writes one line per tag, never wrapping, and the other-language title as TT", () => {
    const text = formatItems([bilingual, item({ titleEn: "Stress", abstractEn: LONG_ABSTRACT })], "ris");
    for (const line of text.split("\n").filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    expect(text).not.toMatch(/^OP  - /m);
    expect(text).toContain(`TT  - ${bilingual.titleEn}`);
    expect(text).toContain(`AB  - ${LONG_ABSTRACT.replace("\n", " ")}`);
  });

  it("round-trips both titles through our own importer", () => {
    const text = formatItems([bilingual], "ris");
    const [record] = parseImportFile("x.ris", new TextEncoder().encode(text)).records;
    expect(record!.fields.titleZh).toBe(bilingual.titleZh);
    expect(record!.fields.titleEn).toBe(bilingual.titleEn);
    expect(record!.fields.authors.map((a) => a.nameZh)).toEqual(["朱正威", "刘莹莹"]);
    expect(record!.fields.abstractZh).toBe(bilingual.abstractZh!.replace("\n", " "));
  });

  it("still exports an item without any title, which the importer reads back marked title missing", () => {
    const text = formatItems([item({ year: 2001, authors: [zhAuthor("陈靖")] })], "ris");
    expect(text).toMatch(/^TY  - JOUR/);
    const [record] = parseImportFile("x.ris", new TextEncoder().encode(text)).records;
    expect(record!.blocked).toBe(false);
    expect(record!.problems.map((problem) => problem.code)).toContain("titleMissing");
    expect(record!.fields.authors[0]!.nameZh).toBe("陈靖");
  });
});

describe("BibTeX export", () => {
  it("adds abstract and keywords with braces escaped and Chinese kept", () => {
    const text = formatItems([bilingual], "bibtex");
    expect(text).toContain("abstract = {风险社会背景下，\\{韧性\\}治理为应急管理提供了新的视角。");
    expect(text).toContain("keywords = {韧性治理, 应急管理}");
    expect(text.trim().endsWith("}")).toBe(true);
    const [record] = parseImportFile("x.bib", new TextEncoder().encode(text)).records;
    expect(record!.fields.keywordsZh).toEqual(["韧性治理", "应急管理"]);
    expect(record!.fields.abstractZh).toContain("风险社会背景下");
  });

  it("gives keys from the surname in pinyin, the year and the title's first word, unique within the file", () => {
    const text = formatItems(
      [
        item({ titleZh: "区域化党建与基层治理", authors: [zhAuthor("阚道远")], year: 2024 }),
        item({ titleZh: "区域协同", authors: [zhAuthor("阚道远")], year: 2024 }),
        item({ titleZh: "数字治理", authors: [zhAuthor("欧阳修")] }),
        item({
          titleEn: "The stress of the brain-gut axis",
          authors: [{ role: "AUTHOR" as const, nameZh: null, nameEn: "Labanski, A.", affiliations: [] }],
          year: 2020,
        }),
      ],
      "bibtex",
    );
    expect(text.match(/^@\w+\{([^,]+),$/gm)).toEqual([
      "@article{kan2024quyua,",
      "@article{kan2024quyub,",
      "@article{ouyangndshuzi,",
      "@article{labanski2020stress,",
    ]);
  });
});

describe("export file names", () => {
  it("name the review, what the file holds and the date, safe for file systems", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(exportFileName("数字治理: 综述/2026?", "文献库", "ris", now)).toBe(
      "数字治理 综述 2026 · 文献库 · 2026-12-02.ris",
    );
    expect(exportFileName("Digital governance", "Library", "bib", now)).toBe(
      "Digital governance · Library · 2026-12-02.bib",
    );
    // The day in China: 20:00 UTC is already the next day in Beijing.
    expect(exportFileName("x", "编码段落", "csv", new Date("2026-12-02T20:00:00Z"))).toBe(
      "x · 编码段落 · 2026-12-03.csv",
    );
    expect(sanitizeFileNamePart('..a"b<c>\u0001.  ')).toBe("a b c");
    expect(exportFileName("", "Library", "ris", now)).toBe("Library · 2026-12-02.ris");
  });
});

describe("BibTeX values", () => {
  it("keep braces balanced whatever the text holds", () => {
    expect(bibtexValue("a {b} c")).toBe("a \\{b\\} c");
    expect(bibtexValue("x } y {")).toBe("x \\textbraceright{} y \\textbraceleft{}");
    expect(bibtexValue("C:\\path\nnext")).toBe("C:\\textbackslash{}path next");
  });
});
