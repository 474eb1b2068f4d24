import { describe, expect, it } from "vitest";
import { authorFamilyKey, duplicateKeys, normalizeDoi, normalizeTitle } from "./duplicate-key";
import { findDuplicates } from "./duplicates";

describe("normalizeDoi", () => {
  it("strips resolver prefixes and labels and lowercases", () => {
    expect(normalizeDoi("https://doi.org/10.1016/J.PSYNEUEN.2019.104501")).toBe("10.1016/j.psyneuen.2019.104501");
    expect(normalizeDoi("http://dx.doi.org/10.1002/cpp.2398")).toBe("10.1002/cpp.2398");
    expect(normalizeDoi("doi: 10.1002/cpp.2398 ")).toBe("10.1002/cpp.2398");
    expect(normalizeDoi("１０.１００２/cpp.2398")).toBe("10.1002/cpp.2398");
  });
  it("is null for what is not a DOI", () => {
    expect(normalizeDoi("")).toBeNull();
    expect(normalizeDoi("n/a")).toBeNull();
    expect(normalizeDoi(null)).toBeNull();
  });
});

describe("normalizeTitle", () => {
  it("erases full-width punctuation and spacing in Chinese titles", () => {
    const cnki = "区域党建一体化驱动跨域协同治理：作用机制与实践框架——基于长三角一体化实践的研究";
    const wanfang = "区域党建一体化驱动跨域协同治理: 作用机制与实践框架 -- 基于长三角一体化实践的研究";
    expect(normalizeTitle(cnki)).toBe(normalizeTitle(wanfang));
    expect(normalizeTitle("“过疏化”乡村（案例）")).toBe(normalizeTitle('"过疏化"乡村(案例)'));
    expect(normalizeTitle("ＡＢＣ　治理")).toBe("abc治理");
  });
  it("lowercases Latin text and drops markup", () => {
    expect(normalizeTitle("The <i>Brain-Gut</i> Axis.")).toBe("thebraingutaxis");
  });
  it("keeps different titles apart", () => {
    expect(normalizeTitle("韧性治理")).not.toBe(normalizeTitle("韧性社区"));
  });
});

describe("authorFamilyKey", () => {
  it("reads family names in both orders and keeps Chinese names whole", () => {
    expect(authorFamilyKey("Smith, John")).toBe("smith");
    expect(authorFamilyKey("John Smith")).toBe("smith");
    expect(authorFamilyKey("朱 正威")).toBe("朱正威");
  });
});

describe("duplicateKeys", () => {
  it("combines title, year and first author, and skips very short titles", () => {
    expect(
      duplicateKeys({ doi: null, title: "韧性治理：新路径", year: 2020, firstAuthor: "朱正威" }).titleYearAuthor,
    ).toBe("韧性治理新路径|2020|朱正威");
    expect(duplicateKeys({ doi: null, title: "绪论", year: 2020, firstAuthor: null }).titleYearAuthor).toBeNull();
  });
});

describe("findDuplicates", () => {
  const paper = (title: string, extra: Partial<{ doi: string; year: number; author: string }> = {}) => ({
    titleZh: title,
    titleEn: null,
    year: extra.year ?? 2020,
    doi: extra.doi ?? null,
    authors: [{ nameZh: extra.author ?? "朱正威", nameEn: null }],
  });
  it("finds matches in the review by DOI before title, then within the file", () => {
    const existing = [
      { id: "a", ...paper("韧性治理：风险与应急管理的新路径") },
      { id: "b", ...paper("完全不同的标题内容", { doi: "10.1234/xyz" }) },
    ];
    const result = findDuplicates(
      [
        paper("韧性治理: 风险与应急管理的新路径"),
        paper("另一个标题但同一个DOI", { doi: "https://doi.org/10.1234/XYZ" }),
        paper("新文献的标题在这里"),
        paper("新文献的标题在这里。"),
        paper("新文献的标题在这里", { year: 2021 }),
      ],
      existing,
    );
    expect(result).toEqual([
      { in: "review", itemId: "a", by: "title" },
      // Same DOI, different title: a supplement's abstracts share one DOI; not a duplicate.
      null,
      null,
      { in: "file", index: 2, by: "title" },
      null,
    ]);
  });
});

describe("findDuplicates a reviewer can trust", () => {
  const record = (fields: {
    titleZh?: string;
    titleEn?: string;
    doi?: string;
    year?: number;
    author?: { nameZh?: string; nameEn?: string };
  }) => ({
    titleZh: fields.titleZh ?? null,
    titleEn: fields.titleEn ?? null,
    year: fields.year ?? 2024,
    doi: fields.doi ?? null,
    authors: [{ nameZh: fields.author?.nameZh ?? null, nameEn: fields.author?.nameEn ?? null }],
  });

  it("takes a DOI match only when the titles agree, with or without the subtitle", () => {
    const existing = [
      { id: "a", ...record({ titleZh: "区域化党建与基层有效治理：过疏化乡村的治理单元重构", doi: "10.1234/x" }) },
    ];
    expect(
      findDuplicates(
        [
          record({ titleZh: "区域化党建与基层有效治理", doi: "10.1234/X" }),
          record({ titleZh: "区域化党建与基层有效治理: 过疏化乡村的治理单元重构", doi: "https://doi.org/10.1234/x" }),
          // A conference abstract in the same supplement: same DOI, another paper.
          record({ titleZh: "数字治理与基层减负的实证研究", doi: "10.1234/x" }),
        ],
        existing,
      ),
    ).toEqual([{ in: "review", itemId: "a", by: "doi" }, { in: "review", itemId: "a", by: "doi" }, null]);
  });

  it("matches title + year + first author across subtitle variants, scripts and the other language's title", () => {
    const existing = [
      {
        id: "sub",
        ...record({ titleZh: "韧性治理：风险与应急管理的新路径", author: { nameZh: "朱正威" }, year: 2020 }),
      },
      {
        id: "en",
        ...record({
          titleEn: "Regionalized Party Building and Grassroots Governance",
          author: { nameEn: "Kan, Daoyuan" },
        }),
      },
      { id: "trad", ...record({ titleZh: "區域黨建一體化驅動跨域協同治理", author: { nameZh: "陈靖" } }) },
    ];
    expect(
      findDuplicates(
        [
          // The same paper without its subtitle.
          record({ titleZh: "韧性治理", author: { nameZh: "朱正威" }, year: 2020 }),
          // A CNKI record: Chinese title (TI), English title (TT), both name forms.
          record({
            titleZh: "区域化党建与基层治理",
            titleEn: "Regionalized party building and grassroots governance.",
            author: { nameZh: "阚道远", nameEn: "Kan, Daoyuan" },
          }),
          // Simplified against traditional characters.
          record({ titleZh: "区域党建一体化驱动跨域协同治理", author: { nameZh: "陈靖" } }),
          // Same main title, another year: not the same paper.
          record({ titleZh: "韧性治理", author: { nameZh: "朱正威" }, year: 2021 }),
        ],
        existing,
      ),
    ).toEqual([
      { in: "review", itemId: "sub", by: "title" },
      { in: "review", itemId: "en", by: "title" },
      { in: "review", itemId: "trad", by: "title" },
      null,
    ]);
  });
});
