import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderCitations } from "./citations";
import { toCslItem, type CitableItem, type CslItem } from "@/lib/bibliography/csl";

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

const zhu = toCslItem({
  ...blank,
  id: "zhu",
  titleZh: "韧性治理:风险与应急管理的新路径",
  journalZh: "行政论坛",
  year: 2020,
  volume: "27",
  issue: "5",
  pages: "81-87",
  authors: [
    { nameZh: "朱正威", nameEn: null },
    { nameZh: "刘莹莹", nameEn: null },
  ],
});

const many = toCslItem({
  ...blank,
  id: "many",
  titleZh: "党建引领基层治理",
  journalZh: "治理研究",
  year: 2024,
  authors: ["欧阳修", "司马光", "张三", "李四"].map((nameZh) => ({ nameZh, nameEn: null })),
});

const ansell = toCslItem({
  ...blank,
  id: "ansell",
  titleEn: "Collaborative governance in theory and practice",
  journalEn: "Journal of Public Administration Research and Theory",
  year: 2008,
  volume: "18",
  issue: "4",
  pages: "543-571",
  authors: [
    { nameZh: null, nameEn: "Chris Ansell" },
    { nameZh: null, nameEn: "Alison Gash" },
    { nameZh: null, nameEn: "John Doe" },
    { nameZh: null, nameEn: "Richard Roe" },
  ],
});

const bare = toCslItem({ ...blank, id: "bare" });

const items = [zhu, many, ansell, bare];
const cite = (itemId: string, locator: string | null = null) => ({ itemId, locator });

afterEach(() => vi.restoreAllMocks());

describe("renderCitations — GB/T 7714 numeric", () => {
  it("numbers items by first citation, keeps the number on repeats and puts the page after the bracket", () => {
    const result = renderCitations({
      style: "gbt7714-numeric",
      items,
      citations: [cite("ansell"), cite("zhu"), cite("ansell", "23"), cite("many")],
    });
    expect(result.labels).toEqual(["[1]", "[2]", "[1]23", "[3]"]);
    expect(result.superscript).toBe(true);
    expect(result.bibliography.map((entry) => entry.itemId)).toEqual(["ansell", "zhu", "many"]);
    expect(result.bibliography[1]!.text).toBe(
      "[2] 朱正威, 刘莹莹. 韧性治理: 风险与应急管理的新路径[J]. 行政论坛, 2020, 27(5): 81-87.",
    );
    expect(result.bibliography[0]!.text).toBe(
      "[1] ANSELL C, GASH A, DOE J, et al. Collaborative governance in theory and practice[J]. " +
        "Journal of Public Administration Research and Theory, 2008, 18(4): 543-571.",
    );
    // The bilingual style writes 等 after Chinese names, et al. after English ones.
    expect(result.bibliography[2]!.text).toContain("欧阳修, 司马光, 张三, 等.");
  });

  it("labels citations of unknown items [?] without numbering them or failing", () => {
    const result = renderCitations({
      style: "gbt7714-numeric",
      items,
      citations: [cite("gone"), cite("zhu"), cite("gone", "5")],
    });
    expect(result.labels).toEqual(["[?]", "[1]", "[?]"]);
    expect(result.bibliography.map((entry) => entry.itemId)).toEqual(["zhu"]);
  });

  it("renders an item with no title, authors or year without 'undefined'", () => {
    const result = renderCitations({ style: "gbt7714-numeric", items, citations: [cite("bare")] });
    expect(result.labels).toEqual(["[1]"]);
    for (const entry of result.bibliography) expect(entry.text).not.toMatch(/undefined|null|NaN/);
  });

  it("returns nothing for a synthesis without citations", () => {
    expect(renderCitations({ style: "gbt7714-numeric", items, citations: [] })).toEqual({
      labels: [],
      bibliography: [],
      superscript: true,
    });
  });
});

describe("renderCitations — GB/T 7714 author-date", () => {
  it("labels with author and year, 等 for Chinese and et al. for English, sorted bibliography", () => {
    const result = renderCitations({
      style: "gbt7714-author-date",
      items,
      citations: [cite("zhu", "82"), cite("ansell"), cite("many")],
    });
    expect(result.labels).toEqual(["(朱正威 等, 2020: 82)", "(Ansell et al., 2008)", "(欧阳修 等, 2024)"]);
    expect(result.superscript).toBe(false);
    expect(result.bibliography.map((entry) => entry.itemId)).toHaveLength(3);
    expect(result.bibliography.find((entry) => entry.itemId === "zhu")!.text).toBe(
      "朱正威, 刘莹莹, 2020. 韧性治理: 风险与应急管理的新路径[J]. 行政论坛, 27(5): 81-87.",
    );
  });
});

describe("renderCitations — APA", () => {
  it("renders APA labels with page locators and an alphabetical reference list", () => {
    const result = renderCitations({
      style: "apa",
      items,
      citations: [cite("zhu"), cite("ansell", "12"), cite("bare")],
    });
    expect(result.labels[0]).toBe("(朱正威, 刘莹莹, 2020)");
    expect(result.labels[1]).toBe("(Ansell et al., 2008, p. 12)");
    expect(result.labels[2]).not.toMatch(/undefined/);
    const ansellEntry = result.bibliography.find((entry) => entry.itemId === "ansell")!;
    expect(ansellEntry.text).toBe(
      "Ansell, C., Gash, A., Doe, J., & Roe, R. (2008). Collaborative governance in theory and practice. " +
        "Journal of Public Administration Research and Theory, 18(4), 543–571.",
    );
    expect(result.bibliography[0]!.itemId).toBe("ansell");
    expect(result.bibliography.find((entry) => entry.itemId === "zhu")!.text).toBe(
      "朱正威, 刘莹莹. (2020). 韧性治理:风险与应急管理的新路径. 行政论坛, 27(5), 81–87.",
    );
  });
});

describe("renderCitations — document-wide state", () => {
  it("disambiguates same-author same-year items consistently across all their citations", () => {
    const second: CslItem = { ...zhu, id: "zhu-b", title: "韧性治理的另一条路径" };
    const result = renderCitations({
      style: "gbt7714-author-date",
      items: [zhu, second],
      citations: [cite("zhu"), cite("zhu-b"), cite("zhu")],
    });
    expect(result.labels).toEqual(["(朱正威 等, 2020a)", "(朱正威 等, 2020b)", "(朱正威 等, 2020a)"]);
    expect(result.bibliography.map((entry) => [entry.itemId, entry.text.split(".")[0]])).toEqual([
      ["zhu", "朱正威, 刘莹莹, 2020a"],
      ["zhu-b", "朱正威, 刘莹莹, 2020b"],
    ]);
  });

  it("relies on no bundled style varying a citation by its position (ibid., subsequent)", () => {
    const directory = path.join(import.meta.dirname, "csl");
    for (const file of readdirSync(directory).filter((name) => name.endsWith(".csl"))) {
      expect(readFileSync(path.join(directory, file), "utf8"), file).not.toMatch(/\bposition="/);
    }
  });
});

describe("renderCitations — engine reuse", () => {
  it("reflects changed item data between calls and prints nothing", () => {
    const log = vi.spyOn(console, "log");
    const warn = vi.spyOn(console, "warn");
    const error = vi.spyOn(console, "error");
    const before = structuredClone(items);
    const first = renderCitations({ style: "gbt7714-numeric", items, citations: [cite("zhu")] });
    expect(items).toEqual(before);
    const retitled: CslItem = { ...zhu, title: "新的题名" };
    const second = renderCitations({ style: "gbt7714-numeric", items: [retitled], citations: [cite("zhu")] });
    expect(first.bibliography[0]!.text).toContain("韧性治理");
    expect(second.bibliography[0]!.text).toContain("新的题名");
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it("renders 200 citations over 100 items in every style", () => {
    const pool: CslItem[] = Array.from({ length: 100 }, (_, index) =>
      toCslItem({
        ...blank,
        id: `item-${index}`,
        titleZh: `标题${index}`,
        journalZh: "治理研究",
        year: 2000 + (index % 25),
        authors: [{ nameZh: `作者${index % 37}`, nameEn: null }],
      }),
    );
    const citations = Array.from({ length: 200 }, (_, index) => cite(`item-${(index * 7) % 100}`));
    for (const style of ["gbt7714-numeric", "gbt7714-author-date", "apa"] as const) {
      // Speed is measured by bench/synthesis.ts; here only the result of a large synthesis is checked.
      const result = renderCitations({ style, items: pool, citations });
      expect(result.labels).toHaveLength(200);
      expect(result.bibliography).toHaveLength(100);
    }
  });
});

describe("renderCitations — an author list that names only some authors (moreAuthors)", () => {
  const zhNames = ["张三", "李四", "王五", "赵六"];
  const enNames = ["John Smith", "Alice Doe", "Bob Roe", "Carl Poe"];
  const truncated = (id: string, language: "zh" | "en", named: number, moreAuthors = true) =>
    toCslItem({
      ...blank,
      id,
      moreAuthors,
      year: 2020,
      volume: "1",
      issue: "2",
      pages: "3-4",
      ...(language === "zh" ? { titleZh: "标题", journalZh: "期刊" } : { titleEn: "Title", journalEn: "Journal" }),
      authors: (language === "zh" ? zhNames : enNames)
        .slice(0, named)
        .map((name) => (language === "zh" ? { nameZh: name, nameEn: null } : { nameZh: null, nameEn: name })),
    });
  const render = (style: "gbt7714-numeric" | "gbt7714-author-date" | "apa", item: CslItem) =>
    renderCitations({ style, items: [item], citations: [cite(item.id)] });

  it("GB/T numeric: 等 after Chinese names and et al. after English ones, however many are named", () => {
    expect(render("gbt7714-numeric", truncated("a", "zh", 3)).bibliography[0]!.text).toBe(
      "[1] 张三, 李四, 王五, 等. 标题[J]. 期刊, 2020, 1(2): 3-4.",
    );
    expect(render("gbt7714-numeric", truncated("b", "en", 3)).bibliography[0]!.text).toBe(
      "[1] SMITH J, DOE A, ROE B, et al. Title[J]. Journal, 2020, 1(2): 3-4.",
    );
    expect(render("gbt7714-numeric", truncated("c", "zh", 1)).bibliography[0]!.text).toBe(
      "[1] 张三, 等. 标题[J]. 期刊, 2020, 1(2): 3-4.",
    );
    expect(render("gbt7714-numeric", truncated("d", "en", 2)).bibliography[0]!.text).toBe(
      "[1] SMITH J, DOE A, et al. Title[J]. Journal, 2020, 1(2): 3-4.",
    );
    // Four named and more: the style's own truncation after three, once.
    expect(render("gbt7714-numeric", truncated("e", "en", 4)).bibliography[0]!.text).toBe(
      "[1] SMITH J, DOE A, ROE B, et al. Title[J]. Journal, 2020, 1(2): 3-4.",
    );
  });

  it("without the flag a short list prints complete", () => {
    expect(render("gbt7714-numeric", truncated("f", "zh", 2, false)).bibliography[0]!.text).toBe(
      "[1] 张三, 李四. 标题[J]. 期刊, 2020, 1(2): 3-4.",
    );
  });

  it("GB/T author-date: in the list and in the text", () => {
    const zh = render("gbt7714-author-date", truncated("a", "zh", 2));
    expect(zh.bibliography[0]!.text).toBe("张三, 李四, 等, 2020. 标题[J]. 期刊, 1(2): 3-4.");
    expect(zh.labels).toEqual(["(张三 等, 2020)"]);
    const en = render("gbt7714-author-date", truncated("b", "en", 1));
    expect(en.bibliography[0]!.text).toBe("SMITH J, et al., 2020. Title[J]. Journal, 1(2): 3-4.");
    expect(en.labels).toEqual(["(Smith et al., 2020)"]);
  });

  it("APA 7: the named authors then et al. (等 for Chinese), and et al. in text from the first author", () => {
    const en = render("apa", truncated("a", "en", 2));
    expect(en.bibliography[0]!.text).toBe("Smith, J., Doe, A., et al. (2020). Title. Journal, 1(2), 3–4.");
    expect(en.labels).toEqual(["(Smith et al., 2020)"]);
    const one = render("apa", truncated("b", "en", 1));
    expect(one.bibliography[0]!.text).toBe("Smith, J., et al. (2020). Title. Journal, 1(2), 3–4.");
    expect(one.labels).toEqual(["(Smith et al., 2020)"]);
    const zh = render("apa", truncated("c", "zh", 1));
    expect(zh.bibliography[0]!.text).toBe("张三 等. (2020). 标题. 期刊, 1(2), 3–4.");
    expect(zh.labels).toEqual(["(张三 等, 2020)"]);
  });

  it("APA 7 with twenty named authors and more: the first 19, the ellipsis, then et al.", () => {
    const item = toCslItem({
      ...blank,
      id: "big",
      moreAuthors: true,
      titleEn: "Title",
      journalEn: "Journal",
      year: 2020,
      authors: Array.from({ length: 20 }, (_, n) => ({ nameZh: null, nameEn: `Given Author${n + 1}` })),
    });
    const text = render("apa", item).bibliography[0]!.text;
    expect(text).toContain("Author19, G., … et al. (2020)");
    expect(text).not.toContain("Author20");
  });
});
