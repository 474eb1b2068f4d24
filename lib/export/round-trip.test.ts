// Round trips on a mixed library (every item type, Chinese, English and bilingual items): export → import →
// export → import → export gives the same file and the same items, field by field, in RIS, BibTeX, BibLaTeX,
// CSL-JSON and CSV; and the first import already keeps every field the format can hold.
import { describe, expect, it } from "vitest";
import { MIXED_CORPUS } from "./fixtures/mixed-corpus";
import { differences, exportAndReimport, fidelity, type RoundTripFormat } from "./round-trip";
import { referenceCsv } from "./round-trip-csv";

// What a format has no place for: RIS has no tag for "et al." or a conference's date.
const LOST: Record<RoundTripFormat, string[]> = {
  ris: ["english-article-escapes.moreAuthors", "conference.eventDate"],
  bibtex: [],
  biblatex: [],
  "csl-json": [],
  csv: [],
};

describe.each(["ris", "bibtex", "biblatex", "csl-json", "csv"] as const)("%s round trip", (format) => {
  const first = exportAndReimport(MIXED_CORPUS, format, referenceCsv);
  const second = exportAndReimport(first.items, format, referenceCsv);
  const third = exportAndReimport(second.items, format, referenceCsv);

  it("reads every record back, none blocked", () => {
    expect(first.records).toHaveLength(MIXED_CORPUS.length);
    expect(first.records.filter((record) => record.blocked)).toEqual([]);
  });

  it("keeps every field the format can hold", () => {
    const lost = differences(MIXED_CORPUS, first.items).map(([index, field]) => `${MIXED_CORPUS[index]!.id}.${field}`);
    expect(lost).toEqual(LOST[format]);
    const { identical, total } = fidelity(MIXED_CORPUS, first.items);
    expect(identical).toBe(total - LOST[format].length);
  });

  it("is stable: import → export → import → export gives the same items and the same file", () => {
    expect(differences(first.items, second.items)).toEqual([]);
    expect(differences(second.items, third.items)).toEqual([]);
    expect(third.text).toBe(second.text);
  });
});

describe("what the formats write", () => {
  it("escapes BibTeX's special characters and protects particles, Jr and Chinese names", () => {
    const { text } = exportAndReimport(MIXED_CORPUS, "bibtex", referenceCsv);
    expect(text).toContain(
      "title = {Costs of 50\\% \\& more: \\#1 issues with \\$ and \\_ in \\{braced\\} \\textasciitilde{} titles}",
    );
    expect(text).toContain("author = {von den Berg, Hans and {Van de Walle}, Jan and Smith, Jr., John and others}");
    expect(text).toContain("author = {{肖发民} and {欧阳修}}");
    // URLs and DOIs are verbatim: nothing escaped.
    expect(text).toContain("doi = {10.1000/xyz_123}");
    expect(text).toContain("url = {https://data.sh.gov.cn/view/data-resource/index.html?type=1&id=2}");
  });

  it("gives Chinese authors pinyin keys (kan2024quyu) and compound surnames whole", () => {
    const { text } = exportAndReimport(MIXED_CORPUS, "bibtex", referenceCsv);
    expect(text).toMatch(/^@article\{kan2024quyu,$/m);
    expect(text).toMatch(/^@phdthesis\{yin2018yunhuan,$/m);
    expect(text).toMatch(/^@book\{xiao2003fayi,$/m);
    expect(text).toMatch(/^@incollection\{rhodes2006governance,$/m);
  });

  it("writes BibLaTeX's own fields: institution, location, langid, origtitle, entrysubtype, eprint", () => {
    const { text } = exportAndReimport(MIXED_CORPUS, "biblatex", referenceCsv);
    expect(text).toMatch(/@thesis\{yin2018yunhuan,[^@]*institution = \{北京交通大学\}/);
    expect(text).toMatch(/@thesis\{yin2018yunhuan,[^@]*location = \{北京\}/);
    expect(text).toMatch(/@thesis\{yin2018yunhuan,[^@]*langid = \{chinese\}/);
    expect(text).toMatch(/@article\{kan2024quyu,[^@]*origtitle = \{Regionalized Party Building/);
    expect(text).toMatch(/entrysubtype = \{newspaper\}/);
    expect(text).toMatch(/@online\{li2024large,[^@]*eprint = \{2401\.01234\}/);
  });

  it("writes RIS with TT, TA, AD and the type per record", () => {
    const { text } = exportAndReimport(MIXED_CORPUS, "ris", referenceCsv);
    const first = text.split("ER  - ")[0]!;
    expect(first).toContain("TY  - JOUR");
    expect(first).toContain("TT  - Regionalized Party Building and Effective Grassroots Governance");
    expect(first).toContain("TA  - Kan Daoyuan");
    expect(first).toContain("AD  - 中国人民大学马克思主义学院");
    expect(first).toContain("N2  - Taking depopulated villages");
    expect(text).toContain("TY  - THES");
    expect(text).toContain("A3  - 何世伟");
  });

  it("writes CSL-JSON with original-title and the rest in note", () => {
    const { text } = exportAndReimport(MIXED_CORPUS, "csl-json", referenceCsv);
    const [first] = JSON.parse(text) as Record<string, unknown>[];
    expect(first).toMatchObject({
      type: "article-journal",
      "original-title": "Regionalized Party Building and Effective Grassroots Governance",
      "original-container-title": "CASS Journal of Political Science",
    });
    expect(first!.note).toMatch(/^Funding: 国家社会科学基金项目（23BZZ001）\nhuitong: \{/);
  });
});
