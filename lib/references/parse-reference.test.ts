import { describe, expect, it } from "vitest";
import { normalizePunctuation, parseReference, splitMarker } from "./parse-reference";

describe("parseReference — GB/T 7714", () => {
  it("reads the example from the specification field by field", () => {
    const ref = parseReference("[1]朱正威,刘莹莹.韧性治理:风险与应急管理的新路径[J].行政论坛,2020,27(05):81-87.");
    expect(ref).toMatchObject({
      number: 1,
      type: "journal",
      typeCode: "J",
      authors: ["朱正威", "刘莹莹"],
      etAl: false,
      title: "韧性治理:风险与应急管理的新路径",
      container: "行政论坛",
      year: 2020,
      volume: "27",
      issue: "05",
      pages: "81-87",
      doi: null,
      language: "zh",
    });
    expect(ref.raw).toBe("朱正威,刘莹莹.韧性治理:风险与应急管理的新路径[J].行政论坛,2020,27(05):81-87.");
  });

  it("reads a journal article printed without a volume and with pages continued elsewhere", () => {
    const ref = parseReference(
      "[3]唐皇凤,王豪.可控的韧性治理:新时代基层治理现代化的模式选择[J].探索与争鸣,2019,(12):53-62+158.",
    );
    expect(ref).toMatchObject({ volume: null, issue: "12", pages: "53-62+158", year: 2019, container: "探索与争鸣" });
  });

  it("keeps quotation marks and dashes inside a title", () => {
    const ref = parseReference(
      "[5]陈振明.“乌卡时代”公共治理的实践变化与模式重构——有效应对高风险社会的治理挑战[J].东南学术,2023,(06):68-77+247.",
    );
    expect(ref.title).toBe("“乌卡时代”公共治理的实践变化与模式重构——有效应对高风险社会的治理挑战");
    expect(ref.authors).toEqual(["陈振明"]);
  });

  it("accepts full-width punctuation and spaces anywhere", () => {
    const ref = parseReference(
      "［2］张勤，宋青励．韧性治理：新时代基层社区治理发展的新路径［J］．理论探讨，2021，（05）：152-160．",
    );
    expect(ref).toMatchObject({
      number: 2,
      authors: ["张勤", "宋青励"],
      title: "韧性治理:新时代基层社区治理发展的新路径",
      container: "理论探讨",
      year: 2021,
      issue: "05",
      pages: "152-160",
    });
    const spaced = parseReference(
      "[1] 朱正威, 刘莹莹. 韧性治理: 风险与应急管理的新路径 [J]. 行政论坛, 2020, 27 (05): 81 - 87.",
    );
    expect(spaced).toMatchObject({
      title: "韧性治理: 风险与应急管理的新路径",
      volume: "27",
      issue: "05",
      pages: "81-87",
    });
  });

  it("joins a reference broken across lines", () => {
    const ref = parseReference("[13]王华.从六个方面\n提升基层党组织组织力[J].中国党政干部论坛,\n2018,(03):79-81.");
    expect(ref).toMatchObject({ title: "从六个方面提升基层党组织组织力", container: "中国党政干部论坛", year: 2018 });
    const english = parseReference(
      "[2]SMITH J. Community resilience and local gov-\nernance[J]. Policy Studies, 2019, 3(1): 1-9.",
    );
    expect(english.title).toBe("Community resilience and local governance");
  });

  it("marks 等 and et al.", () => {
    expect(parseReference("[4]李一,王二,等.社区治理[J].社会学研究,2018,33(2):1-20.")).toMatchObject({
      authors: ["李一", "王二"],
      etAl: true,
      title: "社区治理",
    });
    const english = parseReference(
      "[11]SMITH J, BROWN K B, et al. Community resilience and governance[J]. Journal of Public Policy, 2020, 27(5): 81-87. DOI:10.1017/S0143814X20000012.",
    );
    expect(english).toMatchObject({
      authors: ["SMITH J", "BROWN K B"],
      etAl: true,
      title: "Community resilience and governance",
      container: "Journal of Public Policy",
      volume: "27",
      issue: "5",
      doi: "10.1017/S0143814X20000012",
      language: "en",
    });
  });

  it("reads a DOI printed as a link at the end", () => {
    const ref = parseReference(
      "[7]陈靖.区域化党建与基层有效治理[J].理论月刊,2025,(1):5-14.https://doi.org/10.14180/j.cnki.1004-0544.2025.01.001.",
    );
    expect(ref.doi).toBe("10.14180/j.cnki.1004-0544.2025.01.001");
    expect(ref.url).toBeNull();
    expect(ref.pages).toBe("5-14");
  });

  it("reads a book with place, publisher, year and pages, and an edition", () => {
    expect(parseReference("[4] 习近平. 习近平谈治国理政: 第2卷[M]. 北京: 外文出版社, 2017: 12-15.")).toMatchObject({
      type: "book",
      authors: ["习近平"],
      title: "习近平谈治国理政: 第2卷",
      place: "北京",
      publisher: "外文出版社",
      year: 2017,
      pages: "12-15",
      container: null,
    });
    expect(parseReference("[2]陈振明.公共管理学[M].2版.北京:中国人民大学出版社,2017.")).toMatchObject({
      edition: "2版",
      place: "北京",
      publisher: "中国人民大学出版社",
      year: 2017,
    });
    expect(
      parseReference("[3]OSTROM E. Governing the commons[M]. Cambridge: Cambridge University Press, 1990."),
    ).toMatchObject({
      type: "book",
      authors: ["OSTROM E"],
      place: "Cambridge",
      publisher: "Cambridge University Press",
      year: 1990,
    });
  });

  it("reads a thesis", () => {
    expect(parseReference("[5]王五.基层治理研究[D].北京:北京大学,2019.")).toMatchObject({
      type: "thesis",
      title: "基层治理研究",
      place: "北京",
      publisher: "北京大学",
      year: 2019,
    });
  });

  it("reads a paper in a collection with its editors", () => {
    expect(
      parseReference(
        "[6]钟文,赵六,等.社区韧性评价[C]//中国城市规划学会.城市时代 协同规划:2013中国城市规划年会论文集.青岛:青岛出版社,2013:1-12.",
      ),
    ).toMatchObject({
      type: "conference",
      etAl: true,
      title: "社区韧性评价",
      editors: ["中国城市规划学会"],
      container: "城市时代 协同规划:2013中国城市规划年会论文集",
      place: "青岛",
      publisher: "青岛出版社",
      year: 2013,
      pages: "1-12",
    });
    expect(
      parseReference(
        "[8]ROBERTS A. Resilience[M]//SMITH J, ed. Handbook of governance. New York: Springer, 2010: 1-10.",
      ),
    ).toMatchObject({ type: "book", editors: ["SMITH J"], container: "Handbook of governance", publisher: "Springer" });
  });

  it("reads a newspaper article with its date and page", () => {
    expect(parseReference("[7]丁文祥.数字革命与竞争国际化[N].中国青年报,2000-11-20(15).")).toMatchObject({
      type: "newspaper",
      container: "中国青年报",
      date: "2000-11-20",
      pages: "15",
      year: 2000,
      volume: null,
    });
  });

  it("reads an online source with its publication and access dates and its link", () => {
    expect(
      parseReference(
        "[8]中共中央 国务院.关于加强基层治理体系和治理能力现代化建设的意见[EB/OL].(2021-07-11)[2024-03-01].http://www.gov.cn/zhengce/2021-07/11/content_5624201.htm.",
      ),
    ).toMatchObject({
      type: "online",
      typeCode: "EB/OL",
      authors: ["中共中央 国务院"],
      title: "关于加强基层治理体系和治理能力现代化建设的意见",
      date: "2021-07-11",
      accessed: "2024-03-01",
      url: "http://www.gov.cn/zhengce/2021-07/11/content_5624201.htm",
      year: 2021,
    });
    const accessedOnly = parseReference("[9]民政部.社区治理数据[EB/OL].[2023-05-01].https://www.mca.gov.cn/data.html");
    expect(accessedOnly).toMatchObject({ date: null, accessed: "2023-05-01", year: null });
  });

  it("reads a report, a standard, a patent and a Z-type document", () => {
    expect(parseReference("[1]国务院发展研究中心.中国城镇化报告[R].北京:国务院发展研究中心,2019.")).toMatchObject({
      type: "report",
      publisher: "国务院发展研究中心",
      year: 2019,
    });
    expect(
      parseReference("[9]国家标准化管理委员会.信息与文献 参考文献著录规则:GB/T 7714-2015[S].北京:中国标准出版社,2015."),
    ).toMatchObject({ type: "standard", title: "信息与文献 参考文献著录规则:GB/T 7714-2015", year: 2015 });
    expect(parseReference("[10]姜锡洲.一种温热外敷药制备方案:中国,88105607.3[P].1989-07-26.")).toMatchObject({
      type: "patent",
      date: "1989-07-26",
      year: 1989,
    });
    expect(parseReference("[12]中共中央办公厅.关于加强社区治理的通知[Z].2017.")).toMatchObject({
      type: "other",
      typeCode: "Z",
    });
  });
});

describe("parseReference — other styles", () => {
  it("reads an APA journal article with a DOI link", () => {
    expect(
      parseReference(
        "Zhu, Z., & Liu, Y. (2020). Resilience governance: A new path. Public Administration Review, 27(5), 81–87. https://doi.org/10.1111/puar.13000",
      ),
    ).toMatchObject({
      number: null,
      type: "journal",
      authors: ["Zhu, Z.", "Liu, Y."],
      title: "Resilience governance: A new path",
      container: "Public Administration Review",
      year: 2020,
      volume: "27",
      issue: "5",
      pages: "81–87",
      doi: "10.1111/puar.13000",
    });
  });

  it("reads an APA book and three authors", () => {
    expect(
      parseReference(
        "Putnam, R. D. (2000). Bowling alone: The collapse and revival of American community. Simon & Schuster.",
      ),
    ).toMatchObject({ type: "book", authors: ["Putnam, R. D."], publisher: "Simon & Schuster", year: 2000 });
    expect(
      parseReference(
        "3. Aldrich, D. P., Meyer, M. A., & Page-Tan, C. M. (2018). Social capital and resilience. Risk Analysis, 38(4), 1–12.",
      ),
    ).toMatchObject({ number: 3, authors: ["Aldrich, D. P.", "Meyer, M. A.", "Page-Tan, C. M."], volume: "38" });
  });

  it("reads Chicago and MLA forms with a quoted title", () => {
    expect(
      parseReference(
        'Kan, Daoyuan, and Ning Yang. "Regional Party Building." Governance Studies 40, no. 3 (2024): 127–41.',
      ),
    ).toMatchObject({
      type: "journal",
      authors: ["Kan, Daoyuan", "Ning Yang"],
      title: "Regional Party Building",
      container: "Governance Studies",
      volume: "40",
      issue: "3",
      year: 2024,
      pages: "127–41",
    });
    expect(
      parseReference("Kan, Daoyuan. “Regional Party Building.” Governance Studies, vol. 40, no. 3, 2024, pp. 127-41."),
    ).toMatchObject({ container: "Governance Studies", volume: "40", issue: "3", year: 2024, pages: "127-41" });
  });

  it("reads Chinese notes in the 《》 style", () => {
    expect(
      parseReference("①习近平:《在庆祝中国共产党成立100周年大会上的讲话》,北京:人民出版社2021年版,第12页。"),
    ).toMatchObject({
      number: 1,
      type: "book",
      authors: ["习近平"],
      title: "在庆祝中国共产党成立100周年大会上的讲话",
      place: "北京",
      publisher: "人民出版社",
      year: 2021,
      pages: "12",
    });
    expect(
      parseReference("②朱正威、刘莹莹:《韧性治理:风险与应急管理的新路径》,《行政论坛》2020年第5期。"),
    ).toMatchObject({
      number: 2,
      type: "journal",
      authors: ["朱正威", "刘莹莹"],
      container: "行政论坛",
      year: 2020,
      issue: "5",
    });
    expect(parseReference("③李四:《基层治理的新探索》,《人民日报》2023年5月8日。")).toMatchObject({
      type: "newspaper",
      date: "2023-05-08",
    });
  });

  it("keeps what it cannot read as raw text of unknown type, without invented fields", () => {
    const ref = parseReference("[12]这是一条无法解析的文字");
    expect(ref).toMatchObject({
      number: 12,
      raw: "这是一条无法解析的文字",
      type: "unknown",
      authors: [],
      title: null,
      year: null,
      container: null,
    });
    const link = parseReference("[14]参见 https://example.org/report");
    expect(link).toMatchObject({ type: "unknown", url: "https://example.org/report", title: null, year: null });
  });

  it("does not take a year or a decimal for a list number", () => {
    expect(splitMarker("2020. Something").number).toBeNull();
    expect(splitMarker("12. Smith").number).toBe(12);
    expect(splitMarker("⑫ 注释").number).toBe(12);
    expect(splitMarker("（3）王五").number).toBe(3);
  });

  it("normalizes full-width punctuation", () => {
    expect(normalizePunctuation("行政论坛，2020，27（05）：81-87．")).toBe("行政论坛,2020,27(05):81-87.");
  });
});
