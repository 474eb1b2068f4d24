// Import fidelity, one small file per case (./fixtures, written for these tests): the item type and its
// type-specific fields, translated titles that never replace the title, long author lists, NoteExpress's
// full-width colons and {Date}, CNKI and Wanfang fields, wide spaces, LaTeX, "others", one record per %0, and
// the new formats (CSV with its column mapping, MEDLINE, CNKI E-Study, key-less and Mendeley BibTeX, RIS
// with one space before the dash).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemFieldsSchema, MAX_AUTHORS } from "@/lib/items/item-fields";
import { parseImportFile, type ParsedRecord } from "./parse-file";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures");
const parse = (name: string, options = {}) => parseImportFile(name, readFileSync(path.join(FIXTURES, name)), options);
const codes = (record: ParsedRecord) => record.problems.map((problem) => problem.code);

describe("item types and type-specific fields (RIS)", () => {
  const records = parse("ris-types.ris").records;
  const byType = (type: string) => records.find((record) => record.reference.itemType === type)!;

  it("keeps a thesis's institution, place, degree, supervisor, URL, accessed date and language", () => {
    const thesis = byType("THESIS");
    expect(thesis.reference).toMatchObject({
      publisher: "北京大学",
      publisherPlace: "北京",
      genre: "博士学位论文",
      url: "https://kns.cnki.net/thesis/1",
      accessedDate: "2024-03-05",
      language: "zh",
    });
    expect(thesis.fields.journalZh).toBeNull();
    expect(thesis.contributors).toEqual([{ role: "SUPERVISOR", nameZh: "李四", nameEn: null }]);
  });

  it("keeps a chapter's book, editor, publisher, place, edition, pages and ISBN", () => {
    const chapter = byType("BOOK_CHAPTER");
    expect(chapter.fields).toMatchObject({ journalEn: "The Handbook of Governance", pages: "12-34" });
    expect(chapter.fields.identifiers).toContainEqual({ type: "ISBN", value: "978-0-19-879010-1" });
    expect(chapter.reference).toMatchObject({
      publisher: "Oxford University Press",
      publisherPlace: "Oxford",
      edition: "2",
    });
    expect(chapter.contributors).toEqual([{ role: "EDITOR", nameZh: null, nameEn: "Roe, Richard" }]);
  });

  it("keeps a conference paper's proceedings, conference name, place and date", () => {
    const paper = byType("CONFERENCE_PAPER");
    expect(paper.fields.journalEn).toBe("Proceedings of the International Conference on Urban Governance");
    expect(paper.reference).toMatchObject({
      eventTitle: "International Conference on Urban Governance",
      eventPlace: "Shanghai",
      issuedDate: "2022-10-15",
    });
  });

  it("keeps report, standard and patent numbers, the patent's country and date, a web page's URL", () => {
    expect(byType("REPORT").reference).toMatchObject({ number: "RR-1234", publisher: "RAND" });
    expect(byType("STANDARD").reference).toMatchObject({ number: "GB/T 7714—2015", publisher: "中国标准出版社" });
    expect(byType("PATENT").reference).toMatchObject({
      number: "CN108722921A",
      jurisdiction: "CN",
      issuedDate: "2018-11-02",
    });
    expect(byType("WEB_PAGE").reference).toMatchObject({ url: "https://data.sh.gov.cn/", accessedDate: "2024-01-15" });
    expect(byType("NEWSPAPER_ARTICLE").reference.issuedDate).toBe("2019-01-09");
  });

  it("keeps the ideographic space (U+3000) inside a title", () => {
    expect(byType("STANDARD").fields.titleZh).toBe("信息与文献\u3000参考文献著录规则");
  });
});

describe("RIS", () => {
  it("reads TT as the translated title, never as the main title", () => {
    const [chinese, english] = parse("ris-translated-title.ris").records;
    expect(chinese!.fields).toMatchObject({
      titleZh: "区域化党建与基层有效治理",
      titleEn: "Regionalized Party Building and Effective Grassroots Governance",
    });
    expect(english!.fields).toMatchObject({
      titleEn: "Digital Governance and Lightening the Grassroots Load",
      titleZh: "数字治理与基层减负",
    });
  });

  it("keeps all 601 authors and a very long name, cutting only that name with a warning", () => {
    const [record] = parse("ris-long-authors.ris").records;
    expect(record!.blocked).toBe(false);
    expect(record!.fields.authors).toHaveLength(601);
    expect(record!.fields.authors[599]!.nameEn).toBe("Author599, Given");
    const long = record!.fields.authors[600]!.nameEn!;
    expect(long).toMatch(/^The Global Burden of Disease Study/);
    expect(long.endsWith("…")).toBe(true);
    expect(record!.problems).toContainEqual(expect.objectContaining({ code: "nameTruncated", severity: "warning" }));
    // What the import keeps, the edit form's schema accepts: saving the item later does not fail on its authors.
    expect(itemFieldsSchema.safeParse(record!.fields).success).toBe(true);
  });

  it("keeps MAX_AUTHORS authors of a longer list, prints the rest as et al. and says how many were left out", () => {
    const names = Array.from({ length: MAX_AUTHORS + 37 }, (_, n) => `AU  - Author${n + 1}, Given`).join("\n");
    const file = `TY  - JOUR\nTI  - A consortium paper\n${names}\nPY  - 2021\nER  - \n`;
    const [record] = parseImportFile("consortium.ris", new TextEncoder().encode(file)).records;
    expect(record!.blocked).toBe(false);
    expect(record!.fields.authors).toHaveLength(MAX_AUTHORS);
    expect(record!.fields.authors.at(-1)!.nameEn).toBe(`Author${MAX_AUTHORS}, Given`);
    expect(record!.reference.moreAuthors).toBe(true);
    expect(record!.problems).toContainEqual(
      expect.objectContaining({ code: "authorsTruncated", severity: "warning", detail: "37" }),
    );
    expect(itemFieldsSchema.safeParse(record!.fields).success).toBe(true);
  });

  it("reads tags with one space before the dash", () => {
    const file = parse("ris-one-space.ris");
    expect(file.format).toBe("ris");
    expect(file.records).toHaveLength(2);
    expect(file.records[0]!.fields).toMatchObject({ doi: "10.1000/one-space", year: 2021 });
    expect(file.records[1]!.reference.itemType).toBe("BOOK");
  });
});

describe("NoteExpress (Wanfang, CNKI)", () => {
  const [article, thesis, newspaper] = parse("noteexpress-wanfang.net").records;

  it("reads fields written with a full-width colon, and the year from {Date}", () => {
    expect(article!.fields.abstractZh).toBe("本文讨论基层治理现代化的路径。");
    expect(article!.fields.keywordsZh).toEqual(["基层治理", "现代化"]);
    expect(article!.fields.year).toBe(2021);
    expect(article!.reference.issuedDate).toBe("2021-05-20");
    expect(newspaper!.fields.year).toBe(2019);
    expect(newspaper!.reference).toMatchObject({ itemType: "NEWSPAPER_ARTICLE", issuedDate: "2019-01-09" });
  });

  it("pairs translated authors and affiliations with the authors, and keeps the translated title and journal", () => {
    expect(article!.fields.authors.map(({ nameZh, nameEn, affiliations }) => [nameZh, nameEn, affiliations])).toEqual([
      ["王小明", "Wang Xiaoming", ["北京大学政府管理学院"]],
      ["李华", "Li Hua", ["清华大学公共管理学院"]],
    ]);
    expect(article!.fields).toMatchObject({
      titleEn: "Paths to the Modernisation of Grassroots Governance",
      journalZh: "中国行政管理",
      journalEn: "Chinese Public Administration",
      funding: "国家社会科学基金(21BZZ001)",
    });
    expect(article!.reference.url).toBe("https://d.wanfangdata.com.cn/periodical/zgxzgl202105003");
  });

  it("reads a thesis's supervisor, institution and degree, and keeps its wide space", () => {
    expect(thesis!.fields.titleZh).toBe("铁路调车作业标准\u3000基本规定研究");
    expect(thesis!.reference).toMatchObject({ itemType: "THESIS", publisher: "北京交通大学", genre: "博士" });
    expect(thesis!.contributors).toEqual([{ role: "SUPERVISOR", nameZh: "何世伟", nameEn: null }]);
  });
});

describe("EndNote tagged (.enw, CNKI)", () => {
  const file = parse("cnki-thesis.enw");

  it("makes one record per %0 record, even when %0 repeats in a record's header", () => {
    expect(file.records).toHaveLength(2);
    expect(file.records[1]!.fields.titleZh).toBe("基于灰色关联分析法的铁路物流服务方案评价");
  });

  it("reads the supervisor (%Y), degree (%9), institution (%I), affiliations (%+) and URL", () => {
    const [thesis, article] = file.records;
    expect(thesis!.reference).toMatchObject({
      itemType: "THESIS",
      publisher: "北京交通大学",
      publisherPlace: "北京",
      genre: "博士",
      url: "https://kns.cnki.net/KCMS/detail/detail.aspx?filename=1018123456.nh",
    });
    expect(thesis!.contributors).toEqual([{ role: "SUPERVISOR", nameZh: "何世伟", nameEn: null }]);
    expect(thesis!.fields.authors[0]!.affiliations).toEqual(["北京交通大学交通运输学院"]);
    // CNKI numbers affiliations; the numbers are dropped and each goes to its author.
    expect(article!.fields.authors.map((author) => author.affiliations)).toEqual([
      ["中国铁道科学研究院 研究生部"],
      ["中国铁道科学研究院集团有限公司 运输及经济研究所"],
    ]);
    expect(article!.fields.identifiers).toContainEqual({ type: "CN", value: "11-1949/U" });
  });
});

describe("BibTeX", () => {
  it("decodes LaTeX in titles and journals and reads 'others' as et al., not an author", () => {
    const [first, second] = parse("bibtex-latex.bib").records;
    expect(first!.fields.titleEn).toBe(
      "Fe₃O₄ nanoparticles at 5\u2009mm: α· β and ± 2 % error in österreich and cafés",
    );
    expect(first!.fields.journalEn).toBe("Journal of Physics & Chemistry");
    expect(first!.fields.authors.map((author) => author.nameEn)).toEqual(["Müller, Jörg"]);
    expect(first!.reference.moreAuthors).toBe(true);
    expect(codes(first!)).toContain("etAl");
    expect(second!.fields.titleEn).toBe("Niño effects on in vivo T2 mapping");
    // Particles and Jr survive in BibTeX's own name order.
    expect(second!.fields.authors.map((author) => author.nameEn)).toEqual([
      "von den Berg, Hans",
      "Van de Walle, Jan",
      "Smith, Jr., John",
    ]);
  });

  it("reads entries without a citation key and Mendeley's underscore types", () => {
    const file = parse("bibtex-mendeley.bib");
    expect(file.records.map((record) => [record.reference.itemType, record.fields.titleEn, record.blocked])).toEqual([
      ["BOOK_CHAPTER", "Governance networks", false],
      ["WEB_PAGE", "Open Government Data", false],
      ["JOURNAL_ARTICLE", "The rise of smart cities", false],
      ["NEWSPAPER_ARTICLE", "City councils go digital", false],
    ]);
    expect(file.records[0]!.fields.journalEn).toBe("Handbook of Public Policy");
    expect(file.records[0]!.reference).toMatchObject({ publisher: "Sage", publisherPlace: "London" });
    expect(file.records[1]!.reference).toMatchObject({ url: "https://example.org/ogd", accessedDate: "2024-02-01" });
    expect(file.records.flatMap(codes)).not.toContain("unknownType");
  });
});

describe("CSV and TSV", () => {
  it("recognises an ASReview export and maps its columns", () => {
    const file = parse("asreview-export.csv");
    expect(file.format).toBe("csv");
    expect(file.csv).toMatchObject({ tool: "asreview", delimiter: "," });
    expect(file.csv!.mapping).toEqual([
      "ignore",
      "title",
      "abstract",
      "authors",
      "keywords",
      "year",
      "doi",
      "url",
      "ignore",
    ]);
    expect(file.records[0]!.fields).toMatchObject({
      titleEn: "Machine learning for screening",
      abstractEn: "Active learning reduces the screening load, a lot.",
      keywordsEn: ["screening", "active learning"],
      doi: "10.1000/asr.1",
    });
    expect(file.records[0]!.fields.authors.map((author) => author.nameEn)).toEqual(["Smith, John", "Doe, Jane"]);
    expect(file.records[1]!.fields.titleEn).toBe('Quotes "inside" a title');
    expect(file.records[1]!.line).toBe(3);
  });

  it("recognises Rayyan (authors joined by 'and'), Covidence and Scopus (BOM, page start and end, affiliations)", () => {
    const rayyan = parse("rayyan-export.csv");
    expect(rayyan.csv!.tool).toBe("rayyan");
    expect(rayyan.records[0]!.fields.authors.map((author) => author.nameEn)).toEqual(["Smith J.", "Doe A."]);
    expect(rayyan.records[0]!.fields).toMatchObject({ journalEn: "Radiology", pages: "498-503" });
    const covidence = parse("covidence-export.csv");
    expect(covidence.csv!.tool).toBe("covidence");
    expect(covidence.records[0]!.fields).toMatchObject({ year: 2013, doi: "10.1002/14651858.CD004366.pub6" });
    expect(covidence.records[0]!.fields.authors).toHaveLength(3);
    const scopus = parse("scopus-export.csv");
    expect(scopus.encoding).toBe("utf-8-bom");
    expect(scopus.csv!.tool).toBe("scopus");
    expect(scopus.records[0]!.fields).toMatchObject({ pages: "1-12", journalEn: "Cities" });
    expect(scopus.records[0]!.fields.authors.map((author) => author.affiliations)).toEqual([
      ["Peking University, Beijing, China"],
      ["Tsinghua University, Beijing, China"],
    ]);
    expect(scopus.records[0]!.reference.language).toBe("en");
  });

  it("recognises a Web of Science tab-delimited export, taking full author names and the document type", () => {
    const file = parse("wos-export.txt");
    expect(file.csv).toMatchObject({ tool: "wos", delimiter: "\t" });
    expect(file.records[0]!.fields.authors.map((author) => author.nameEn)).toEqual([
      "Alceste, Fabiana",
      "Luke, Timothy J.",
    ]);
    expect(file.records[0]!.reference.itemType).toBe("JOURNAL_ARTICLE");
    expect(file.records[0]!.fields).toMatchObject({ pages: "253-267", funding: "NSF [123]" });
  });

  it('reads an Excel sheet saved with a BOM, sep=; and ;, Chinese headers and ="…" text cells', () => {
    const file = parse("excel-semicolon.csv");
    expect(file.csv).toMatchObject({ delimiter: ";", tool: null });
    expect(file.csv!.headers[0]).toBe("题名");
    const [first, second] = file.records;
    expect(first!.fields.titleZh).toBe("韧性治理：风险与应急管理的新路径");
    expect(first!.fields.authors.map((author) => author.nameZh)).toEqual(["朱正威", "刘莹莹"]);
    expect(first!.fields.abstractZh).toBe("本文; 讨论韧性治理");
    expect(second!.fields.titleZh).toBe("0123 零开头的编号");
    expect(second!.fields.doi).toBe("10.1000/excel.1");
  });

  it("parses with the mapping the user chose instead of the guessed one", () => {
    const guessed = parse("asreview-export.csv").csv!.mapping;
    const mapping = [...guessed];
    mapping[2] = "ignore"; // the abstract column left out
    mapping[0] = "pmid";
    const file = parse("asreview-export.csv", { csvMapping: mapping });
    expect(file.csv!.mapping).toEqual(mapping);
    expect(file.records[0]!.fields.abstractEn).toBeNull();
    expect(file.records[0]!.fields.identifiers).toContainEqual({ type: "PMID", value: "1" });
  });
});

describe("PubMed MEDLINE (.nbib) and CNKI E-Study", () => {
  it("reads MEDLINE: wrapped lines, full names with their affiliations, the DOI among LIDs, the date", () => {
    const file = parse("pubmed.nbib");
    expect(file.format).toBe("nbib");
    expect(file.records).toHaveLength(2);
    const [first] = file.records;
    expect(first!.fields.titleEn).toBe(
      "Effect of a digital intervention on depressive symptoms: a randomized controlled trial.",
    );
    expect(first!.fields.authors.map(({ nameEn, affiliations }) => [nameEn, affiliations])).toEqual([
      ["Smith, John A", ["Department of Psychiatry, University of Example, Boston, MA, USA."]],
      ["Wang, Li", ["School of Public Health, Peking University, Beijing, China."]],
    ]);
    expect(first!.fields).toMatchObject({ doi: "10.1001/jama.2019.1234", journalEn: "JAMA", year: 2019, issue: "5" });
    expect(first!.fields.identifiers).toContainEqual({ type: "PMID", value: "31452104" });
    expect(first!.reference).toMatchObject({ issuedDate: "2019-09-03", language: "en" });
  });

  it("reads CNKI E-Study: a journal article and a doctoral thesis with its supervisor and university", () => {
    const file = parse("cnki-estudy.txt");
    expect(file.format).toBe("cnki-estudy");
    const [article, thesis] = file.records;
    expect(article!.fields).toMatchObject({
      titleZh: "医学综述撰写中的注意事项",
      journalZh: "中国科技信息",
      issue: "07",
    });
    expect(article!.fields.authors[0]).toMatchObject({ nameZh: "施洋", affiliations: ["新疆医科大学学报编辑部"] });
    expect(article!.reference.issuedDate).toBe("2013-04-01");
    expect(thesis!.reference).toMatchObject({ itemType: "THESIS", publisher: "北京交通大学", genre: "博士" });
    expect(thesis!.contributors).toEqual([{ role: "SUPERVISOR", nameZh: "何世伟", nameEn: null }]);
  });
});

describe("CSL-JSON (Zotero)", () => {
  const json = (items: unknown[]) =>
    parseImportFile("library.json", new TextEncoder().encode(JSON.stringify(items))).records;

  it("reads CSL variables from Zotero's Extra lines as citeproc-js does, without overriding real fields", () => {
    const [thesis, article] = json([
      {
        id: "a",
        type: "thesis",
        title: "融合星载GNSS-R和SAR数据的土壤湿度反演方法研究",
        author: [{ literal: "王琦" }],
        publisher: "武汉大学",
        "publisher-place": "武汉",
        note: "page: 87\ntex.entrytype: phdthesis\nnumber: 1",
        issued: { "date-parts": [[2022]] },
      },
      {
        id: "b",
        type: "article-journal",
        title: "Sample structure prediction",
        author: [{ family: "Shinotsuka", given: "Hiroshi" }],
        "container-title": "Journal of electron spectroscopy",
        volume: "267",
        note: "number: 147370\nvolume: 999",
        issued: { "date-parts": [[2023]] },
      },
    ]);
    expect(thesis!.fields.pages).toBe("87");
    // A journal article's article number is printed where its pages would be (GB/T "267: 147370").
    expect(article!.fields.pages).toBe("147370");
    expect(article!.fields.volume).toBe("267");
  });

  it("takes a chapter's book editors from container-author and a film's director as its author", () => {
    const [chapter, film] = json([
      {
        id: "c",
        type: "chapter",
        title: "题词",
        author: [{ literal: "李约瑟" }],
        "container-author": [{ literal: "苏克福" }, { literal: "管成学" }],
        "container-title": "苏颂与《本草图经》研究",
        issued: { "date-parts": [[1991]] },
      },
      { id: "d", type: "motion_picture", title: "《庄子》导读", director: [{ literal: "杨立华" }] },
    ]);
    expect(chapter!.contributors.map((person) => [person.role, person.nameZh])).toEqual([
      ["EDITOR", "苏克福"],
      ["EDITOR", "管成学"],
    ]);
    expect(film!.fields.authors.map((author) => author.nameZh)).toEqual(["杨立华"]);
  });
});
