// GB/T 7714-2015 per document type, against the standard's own examples (§8 and appendix A), rendered from
// item fields through toCslItem and the bundled styles exactly as the synthesis bibliography renders them.
import { describe, expect, it } from "vitest";
import { renderCitations, type CitationStyle } from "@/lib/synthesis/citations";
import { toCslItem, type CitableAuthor, type CitableItem } from "./csl";

const blank: Omit<CitableItem, "id"> = {
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

const zh = (...names: string[]): CitableAuthor[] => names.map((nameZh) => ({ role: "AUTHOR", nameZh, nameEn: null }));
const en = (...names: string[]): CitableAuthor[] => names.map((nameEn) => ({ role: "AUTHOR", nameZh: null, nameEn }));
const as = (role: CitableAuthor["role"], people: CitableAuthor[]) => people.map((person) => ({ ...person, role }));

function render(item: Omit<CitableItem, "id">, style: CitationStyle = "gbt7714-numeric", locator?: string) {
  const result = renderCitations({
    style,
    items: [toCslItem({ ...item, id: "x" })],
    citations: [{ itemId: "x", locator: locator ?? null }],
    locale: "zh-CN",
  });
  return { entry: result.bibliography[0]!.text.replace(/^\[1\] /, ""), label: result.labels[0]! };
}

const entry = (item: Omit<CitableItem, "id">, style: CitationStyle = "gbt7714-numeric") => render(item, style).entry;

describe("GB/T 7714-2015 numeric, one example of the standard per type", () => {
  it("[J] journal article: 等 after three Chinese authors, ': ' before the subtitle", () => {
    expect(
      entry({
        ...blank,
        itemType: "JOURNAL_ARTICLE",
        titleZh: "蓝田生物群：一个认识多细胞生物起源和早期演化的新窗口",
        journalZh: "科学通报",
        year: 2012,
        volume: "55",
        issue: "34",
        pages: "3219",
        authors: zh("袁训来", "陈哲", "肖书海", "万斌"),
      }),
    ).toBe(
      "袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, 2012, 55(34): 3219.",
    );
  });

  it("[J] English journal article with a DOI read in print stays [J]", () => {
    expect(
      entry({
        ...blank,
        itemType: "JOURNAL_ARTICLE",
        titleEn: "Shaking without quaking",
        journalEn: "Science",
        year: 1998,
        volume: "279",
        issue: "5359",
        pages: "2063",
        authors: en("Kanamori, H."),
      }),
    ).toBe("KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.");
  });

  it("[J/OL] online journal article: no leading zero in the issue, access date and URL", () => {
    expect(
      entry({
        ...blank,
        itemType: "JOURNAL_ARTICLE",
        titleZh: "韩国图书馆法",
        journalZh: "图书情报工作",
        year: 2008,
        volume: "52",
        issue: "06",
        pages: "6～12",
        url: "http://www.docin.com/p-400265742.html",
        accessedDate: "2013-10-25",
        authors: zh("李炳穆"),
      }),
    ).toBe(
      "李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-12[2013-10-25]. http://www.docin.com/p-400265742.html.",
    );
  });

  it("[J/OL] English online article with URL and DOI", () => {
    expect(
      entry({
        ...blank,
        itemType: "JOURNAL_ARTICLE",
        titleEn: "Next-generation sequencing: from understanding biology to personalized medicine",
        journalEn: "Biology",
        year: 2013,
        volume: "2",
        issue: "1",
        pages: "378-398",
        url: "http://www.mdpi.com/2079-7737/2/1/378",
        accessedDate: "2013-03-19",
        doi: "10.3390/biology2010378",
        authors: en("Frese, Karen S.", "Katus, Hugo A.", "Meder, Benjamin"),
      }),
    ).toBe(
      "FRESE K S, KATUS H A, MEDER B. Next-generation sequencing: from understanding biology to personalized " +
        "medicine[J/OL]. Biology, 2013, 2(1): 378-398[2013-03-19]. http://www.mdpi.com/2079-7737/2/1/378. " +
        "DOI:10.3390/biology2010378.",
    );
  });

  it("[M] book", () => {
    expect(
      entry({
        ...blank,
        itemType: "BOOK",
        titleZh: "物质结构",
        publisher: "科学出版社",
        publisherPlace: "北京",
        year: 2010,
        authors: zh("徐光宪", "王祥云"),
      }),
    ).toBe("徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.");
  });

  it("[M] translated book: the translator after the title with 译", () => {
    expect(
      entry({
        ...blank,
        itemType: "BOOK",
        titleZh: "经济数学与金融数学",
        publisher: "中国人民大学出版社",
        publisherPlace: "北京",
        year: 2012,
        pages: "235-236",
        authors: [...zh("哈里森·沃尔德伦"), ...as("TRANSLATOR", zh("谢远涛"))],
      }),
    ).toBe("哈里森·沃尔德伦. 经济数学与金融数学[M]. 谢远涛, 译. 北京: 中国人民大学出版社, 2012: 235-236.");
  });

  it("[M] English book with edition and a Jr. author", () => {
    expect(
      entry({
        ...blank,
        itemType: "BOOK",
        titleEn: "Probability, random variable, and random signal principles",
        edition: "4",
        publisher: "McGraw Hill",
        publisherPlace: "New York",
        year: 2001,
        authors: en("Peebles, Peyton Z., Jr."),
      }),
    ).toBe(
      "PEEBLES P Z, Jr. Probability, random variable, and random signal principles[M]. 4th ed. New York: McGraw Hill, 2001.",
    );
  });

  it("[M]// book chapter under the book's editors", () => {
    expect(
      entry({
        ...blank,
        itemType: "BOOK_CHAPTER",
        titleZh: "1998年长江洪水的成因与减灾对策",
        journalZh: "长江流域洪涝灾害与科技对策",
        publisher: "科学出版社",
        publisherPlace: "北京",
        year: 1999,
        pages: "32-36",
        authors: [...zh("程根伟"), ...as("EDITOR", zh("许厚泽", "赵其国"))],
      }),
    ).toBe(
      "程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. 北京: 科学出版社, 1999: 32-36.",
    );
  });

  it("[M]// English chapter, editors with Jr.", () => {
    expect(
      entry({
        ...blank,
        itemType: "BOOK_CHAPTER",
        titleEn: "Pathogenic properties of invading microorganism",
        journalEn: "Pathologic physiology: mechanisms of disease",
        publisher: "Saunders",
        publisherPlace: "Philadelphia",
        year: 1974,
        pages: "745-772",
        authors: [
          ...en("Weinstein, L.", "Swertz, M. N."),
          ...as("EDITOR", en("Sodeman, W. A., Jr.", "Sodeman, W. A.")),
        ],
      }),
    ).toBe(
      "WEINSTEIN L, SWERTZ M N. Pathogenic properties of invading microorganism[M]//SODEMAN W A, Jr, SODEMAN W A. " +
        "Pathologic physiology: mechanisms of disease. Philadelphia: Saunders, 1974: 745-772.",
    );
  });

  it("[C]// conference paper in proceedings edited by an organisation", () => {
    expect(
      entry({
        ...blank,
        itemType: "CONFERENCE_PAPER",
        titleZh: "面向数字素养的高校图书馆数字服务体系研究",
        journalZh: "中国图书馆学会年会论文集：2011年卷",
        publisher: "国家图书馆出版社",
        publisherPlace: "北京",
        year: 2011,
        pages: "45-52",
        authors: [...zh("贾东琴", "柯平"), ...as("EDITOR", zh("中国图书馆学会"))],
      }),
    ).toBe(
      "贾东琴, 柯平. 面向数字素养的高校图书馆数字服务体系研究[C]//中国图书馆学会. 中国图书馆学会年会论文集: 2011年卷. " +
        "北京: 国家图书馆出版社, 2011: 45-52.",
    );
  });

  it("[C] whole proceedings", () => {
    expect(
      entry({
        ...blank,
        itemType: "CONFERENCE_PAPER",
        titleZh: "综合湿地管理：综合湿地管理国际研讨会论文集",
        publisher: "海洋出版社",
        publisherPlace: "北京",
        year: 2012,
        authors: zh("雷光春"),
      }),
    ).toBe("雷光春. 综合湿地管理: 综合湿地管理国际研讨会论文集[C]. 北京: 海洋出版社, 2012.");
  });

  it("[D] thesis: place and degree-granting institution", () => {
    expect(
      entry({
        ...blank,
        itemType: "THESIS",
        genre: "博士学位论文",
        titleZh: "面向中文信息处理的现代汉语并列结构研究",
        publisher: "北京大学",
        publisherPlace: "北京",
        year: 2003,
        authors: [...zh("吴云芳"), ...as("SUPERVISOR", zh("俞士汶"))],
      }),
    ).toBe("吴云芳. 面向中文信息处理的现代汉语并列结构研究[D]. 北京: 北京大学, 2003.");
  });

  it("[D/OL] online thesis with the cited page", () => {
    expect(
      entry({
        ...blank,
        itemType: "THESIS",
        titleZh: "人类活动影响下海河流域典型区水循环变化分析",
        publisher: "清华大学",
        publisherPlace: "北京",
        year: 2011,
        pages: "27",
        url: "http://www.cnki.net/KCMS/detail/detail.aspx?dbcode=CDFD&dbname=CDFD2011&filename=1011254106.nh",
        accessedDate: "2013-10-14",
        authors: zh("马欢"),
      }),
    ).toBe(
      "马欢. 人类活动影响下海河流域典型区水循环变化分析[D/OL]. 北京: 清华大学, 2011: 27[2013-10-14]. " +
        "http://www.cnki.net/KCMS/detail/detail.aspx?dbcode=CDFD&dbname=CDFD2011&filename=1011254106.nh.",
    );
  });

  it("[R] report by an organisation, its name not inverted", () => {
    expect(
      entry({
        ...blank,
        itemType: "REPORT",
        titleEn: "Factors regulating the immune response: report of WHO Scientific Group",
        publisher: "WHO",
        publisherPlace: "Geneva",
        year: 1970,
        authors: en("World Health Organization"),
      }),
    ).toBe(
      "World Health Organization. Factors regulating the immune response: report of WHO Scientific Group[R]. Geneva: WHO, 1970.",
    );
  });

  it("[R/OL] online report: (date of issue)[date of access]", () => {
    expect(
      entry({
        ...blank,
        itemType: "REPORT",
        titleZh: "第29次中国互联网络发展状况统计报告",
        issuedDate: "2012-01-16",
        year: 2012,
        accessedDate: "2013-03-26",
        url: "http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf",
        authors: zh("中国互联网络信息中心"),
      }),
    ).toBe(
      "中国互联网络信息中心. 第29次中国互联网络发展状况统计报告[R/OL]. (2012-01-16)[2013-03-26]. " +
        "http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf.",
    );
  });

  it("[N] newspaper article: date and page", () => {
    expect(
      entry({
        ...blank,
        itemType: "NEWSPAPER_ARTICLE",
        titleZh: "数字革命与竞争国际化",
        journalZh: "中国青年报",
        issuedDate: "2000-11-20",
        year: 2000,
        pages: "15",
        authors: zh("丁文详"),
      }),
    ).toBe("丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).");
  });

  it("[N/OL] online newspaper article with a subtitle after ——", () => {
    expect(
      entry({
        ...blank,
        itemType: "NEWSPAPER_ARTICLE",
        titleZh: "我们的科技一直在追赶——访中国工程院院长周济",
        journalZh: "人民日报",
        issuedDate: "2013-01-12",
        pages: "2",
        accessedDate: "2013-03-20",
        url: "http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_5-02.htm",
        authors: zh("余建斌"),
      }),
    ).toBe(
      "余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 2013-01-12(2)[2013-03-20]. " +
        "http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_5-02.htm.",
    );
  });

  it("[S] standard: its number after the title", () => {
    expect(
      entry({
        ...blank,
        itemType: "STANDARD",
        titleZh: "信息与文献 参考文献著录规则",
        number: "GB/T 7714—2015",
        publisher: "中国标准出版社",
        publisherPlace: "北京",
        year: 2015,
        authors: zh("中华人民共和国国家质量监督检验检疫总局", "中国国家标准化管理委员会"),
      }),
    ).toBe(
      "中华人民共和国国家质量监督检验检疫总局, 中国国家标准化管理委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. " +
        "北京: 中国标准出版社, 2015.",
    );
  });

  it("[P] patent: number after the title, the date of publication", () => {
    expect(
      entry({
        ...blank,
        itemType: "PATENT",
        titleZh: "全智能节电器",
        number: "200610171314.3",
        issuedDate: "2006-12-13",
        year: 2006,
        authors: zh("邓一刚"),
      }),
    ).toBe("邓一刚. 全智能节电器: 200610171314.3[P]. 2006-12-13.");
  });

  it("[P/OL] online patent", () => {
    expect(
      entry({
        ...blank,
        itemType: "PATENT",
        titleZh: "光折变自适应光外差探测方法",
        number: "01128777.2",
        issuedDate: "2002-03-06",
        accessedDate: "2002-05-28",
        url: "http://211.152.9.47/sipoasp/zljs/hyjs-yx-new.asp?recid=01128777.2&leixin=0",
        authors: zh("西安电子科技大学"),
      }),
    ).toBe(
      "西安电子科技大学. 光折变自适应光外差探测方法: 01128777.2[P/OL]. 2002-03-06[2002-05-28]. " +
        "http://211.152.9.47/sipoasp/zljs/hyjs-yx-new.asp?recid=01128777.2&leixin=0.",
    );
  });

  it("[EB/OL] web page: (date of update)[date of access]", () => {
    expect(
      entry({
        ...blank,
        itemType: "WEB_PAGE",
        titleZh: "出版业信息化迈入快车道",
        issuedDate: "2001-12-19",
        accessedDate: "2002-04-15",
        url: "http://www.creader.com/news/20011219/200112190019.html",
        authors: zh("萧钰"),
      }),
    ).toBe(
      "萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.",
    );
  });

  it("[EB/OL] preprint, et al. after three English authors", () => {
    expect(
      entry({
        ...blank,
        itemType: "PREPRINT",
        titleEn: "Attention is all you need",
        publisher: "arXiv",
        number: "arXiv:1706.03762",
        year: 2017,
        url: "https://arxiv.org/abs/1706.03762",
        authors: en("Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit"),
      }),
    ).toBe(
      "VASWANI A, SHAZEER N, PARMAR N, et al. Attention is all you need[EB/OL]. arXiv, 2017. https://arxiv.org/abs/1706.03762.",
    );
  });

  it("[DS/OL] dataset", () => {
    expect(
      entry({
        ...blank,
        itemType: "DATASET",
        titleEn: "Global land cover dataset",
        publisher: "Zenodo",
        year: 2020,
        url: "https://zenodo.org/records/1",
        accessedDate: "2024-01-02",
        authors: en("Jane Smith"),
      }),
    ).toBe("SMITH J. Global land cover dataset[DS/OL]. Zenodo, 2020[2024-01-02]. https://zenodo.org/records/1.");
  });

  it("[Z] other", () => {
    expect(entry({ ...blank, itemType: "OTHER", titleZh: "调查问卷原始记录", year: 1990, authors: zh("张三") })).toBe(
      "张三. 调查问卷原始记录[Z]. 1990.",
    );
  });
});

describe("GB/T 7714-2015: 等 or et al. by the reference's language", () => {
  const fourNames = ["Kan Daoyuan", "Yang Ning", "Li Hua", "Wang Wei"];
  it("a Chinese reference whose names are only romanised still gets 等", () => {
    expect(entry({ ...blank, language: "zh", titleZh: "区域化党建", year: 2024, authors: en(...fourNames) })).toContain(
      "Kan Daoyuan, Yang Ning, Li Hua, 等.",
    );
  });

  it("an English reference by Chinese authors gets et al.", () => {
    expect(
      entry({
        ...blank,
        language: "en",
        titleEn: "Regional party building",
        titleZh: "区域化党建",
        year: 2024,
        // Chinese journals print English metadata surname first, in capitals.
        authors: ["KAN Daoyuan", "YANG Ning", "LI Hua", "WANG Wei"].map((nameEn, index) => ({
          role: "AUTHOR",
          nameEn,
          nameZh: `作者${index}`,
        })),
      }),
    ).toMatch(/^KAN D, YANG N, LI H, et al\. Regional party building\[J\]/);
  });
});

describe("GB/T 7714-2015 author-date", () => {
  it("moves the year after the authors and labels with the first author and 等", () => {
    const { entry: text, label } = render(
      {
        ...blank,
        titleZh: "蓝田生物群：一个认识多细胞生物起源和早期演化的新窗口",
        journalZh: "科学通报",
        year: 2012,
        volume: "55",
        issue: "34",
        pages: "3219",
        authors: zh("袁训来", "陈哲", "肖书海", "万斌"),
      },
      "gbt7714-author-date",
    );
    expect(text).toBe(
      "袁训来, 陈哲, 肖书海, 等, 2012. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, 55(34): 3219.",
    );
    expect(label).toBe("(袁训来 等, 2012)");
  });

  it("renders a thesis as [D]", () => {
    expect(
      entry(
        {
          ...blank,
          itemType: "THESIS",
          titleZh: "面向中文信息处理的现代汉语并列结构研究",
          publisher: "北京大学",
          publisherPlace: "北京",
          year: 2003,
          authors: zh("吴云芳"),
        },
        "gbt7714-author-date",
      ),
    ).toBe("吴云芳, 2003. 面向中文信息处理的现代汉语并列结构研究[D]. 北京: 北京大学.");
  });
});

describe("APA 7", () => {
  const chapter: Omit<CitableItem, "id"> = {
    ...blank,
    itemType: "BOOK_CHAPTER",
    titleEn: "Pathogenic properties of invading microorganism",
    journalEn: "Pathologic physiology",
    publisher: "Saunders",
    year: 1974,
    pages: "745～772",
    authors: [...en("Weinstein, L.", "Swertz, M. N."), ...as("EDITOR", en("Sodeman, W. A."))],
  };

  it("writes page ranges with an en dash and pp. for a chapter, p. for a locator, even in a Chinese interface", () => {
    const { entry: text, label } = render(chapter, "apa", "12");
    expect(text).toBe(
      "Weinstein, L., & Swertz, M. N. (1974). Pathogenic properties of invading microorganism. " +
        "In W. A. Sodeman (Ed.), Pathologic physiology (pp. 745–772). Saunders.",
    );
    expect(label).toBe("(Weinstein & Swertz, 1974, p. 12)");
  });

  it("joins Chinese names without & and writes 等 for three or more", () => {
    const two = render(
      {
        ...blank,
        titleZh: "韧性治理",
        journalZh: "行政论坛",
        year: 2020,
        volume: "27",
        issue: "05",
        pages: "81-87",
        authors: zh("朱正威", "刘莹莹"),
      },
      "apa",
    );
    expect(two.entry).toBe("朱正威, 刘莹莹. (2020). 韧性治理. 行政论坛, 27(5), 81–87.");
    expect(two.label).toBe("(朱正威, 刘莹莹, 2020)");
    const three = render({ ...blank, titleZh: "党建", year: 2024, authors: zh("欧阳修", "司马光", "张三") }, "apa");
    expect(three.label).toBe("(欧阳修 等, 2024)");
    expect(three.entry).not.toContain("&");
  });
});
