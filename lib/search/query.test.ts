import { describe, expect, it } from "vitest";
import { fragment, markAll, matcherPattern } from "./highlight";
import { parseQuery } from "./query";
import { cutWords, hanGrams, hanTsvectorLiteral, latinPart, normalize } from "./segment";

describe("parseQuery", () => {
  it("splits Chinese into jieba's words and keeps English words", () => {
    expect(parseQuery("韧性").include).toEqual([{ type: "han", text: "韧性" }]);
    expect(parseQuery("城乡融合发展与基层韧性").include.map((t) => t.text)).toEqual([
      "城乡",
      "融合",
      "发展",
      "基层",
      "韧性",
    ]);
    expect(parseQuery("Governance of 韧性").include).toEqual([
      { type: "latin", text: "governance" },
      { type: "latin", text: "of" },
      { type: "han", text: "韧性" },
    ]);
  });

  it("separates Chinese and Latin written together", () => {
    expect(parseQuery("AI时代").include).toEqual([
      { type: "latin", text: "ai" },
      { type: "han", text: "时代" },
    ]);
  });

  it("reads straight and curly quoted phrases, and exclusions of words and phrases", () => {
    expect(parseQuery('"urban rural integration" 党建 -韧性 -"digital era"')).toMatchObject({
      include: [
        { type: "phrase", text: "urban rural integration" },
        { type: "han", text: "党建" },
      ],
      exclude: [
        { type: "phrase", text: "digital era" },
        { type: "han", text: "韧性" },
      ],
    });
    expect(parseQuery("“城乡融合发展”").include).toEqual([{ type: "phrase", text: "城乡融合发展" }]);
    // A quoted single English word is just the word; an unclosed quote runs to the end.
    expect(parseQuery('"governance"').include).toEqual([{ type: "latin", text: "governance" }]);
    expect(parseQuery('"基层 治理').include).toEqual([{ type: "phrase", text: "基层 治理" }]);
  });

  it("excludes a Chinese word as written, not word by word", () => {
    expect(parseQuery("党建 -城乡融合").exclude).toEqual([{ type: "han", text: "城乡融合" }]);
  });

  it("drops function characters between words, keeps a lone character, and ignores punctuation", () => {
    expect(parseQuery("城乡与基层").include.map((t) => t.text)).toEqual(["城乡", "基层"]);
    expect(parseQuery("治").include).toEqual([{ type: "han", text: "治" }]);
    expect(parseQuery("「韧性」，").include).toEqual([{ type: "han", text: "韧性" }]);
    expect(parseQuery('  - "" ').include).toEqual([]);
  });

  it("folds full-width letters and case", () => {
    expect(normalize("ＡＩ Governance")).toBe("ai governance");
    expect(parseQuery("ＧＯＶＥＲＮ").include).toEqual([{ type: "latin", text: "govern" }]);
  });
});

describe("segmentation", () => {
  it("jieba segments the review's vocabulary", () => {
    expect(cutWords("区域化党建引领基层治理")).toEqual(expect.arrayContaining(["党建", "引领", "基层", "治理"]));
  });

  it("indexes bigrams, every character and jieba words, with weights, traditional folded", () => {
    expect(hanGrams("基层韧性")).toEqual(["基层", "层韧", "韧性"]);
    const literal = hanTsvectorLiteral([{ text: "基層韌性", weight: "A" }]);
    expect(literal).toContain("'韧性':3A");
    expect(literal).toContain("'性':4A");
    expect(literal).toContain("'基':1A");
    expect(latinPart("党建 Party building 引领")).toBe("  Party building  ");
  });
});

describe("parseQuery: precision, variants and field filters", () => {
  it("keeps a run jieba cannot place as written, never as scattered characters", () => {
    expect(parseQuery("王华").include).toEqual([{ type: "han", text: "王华" }]);
    expect(parseQuery("元治理").include).toEqual([{ type: "han", text: "元治理" }]);
    expect(parseQuery("韧乡").include).toEqual([{ type: "han", text: "韧乡" }]);
    expect(parseQuery("元治理").notes).toEqual([]);
  });

  it("notes a split into words and the function characters left out", () => {
    const query = parseQuery("韧性治理的逻辑");
    expect(query.include.map((t) => t.text)).toEqual(["韧性", "治理", "逻辑"]);
    expect(query.notes).toEqual([
      { type: "ignored", text: "韧性治理的逻辑", chars: ["的"] },
      { type: "split", text: "韧性治理的逻辑", words: ["韧性", "治理", "逻辑"] },
    ]);
    // A function character alone is the query itself.
    expect(parseQuery("的").include).toEqual([{ type: "han", text: "的" }]);
  });

  it("folds traditional characters and full width, and says so", () => {
    const query = parseQuery("韌性 ＡＩ");
    expect(query.include).toEqual([
      { type: "han", text: "韧性" },
      { type: "latin", text: "ai" },
    ]);
    expect(query.notes).toEqual([
      { type: "folded", from: "韌性", to: "韧性" },
      { type: "folded", from: "ＡＩ", to: "ai" },
    ]);
  });

  it("reads identifiers whole", () => {
    expect(parseQuery("10.1145/3463677.3463700").include).toEqual([
      { type: "identifier", text: "10.1145/3463677.3463700" },
    ]);
    expect(parseQuery("1004-0544").include).toEqual([{ type: "identifier", text: "1004-0544" }]);
    expect(parseQuery("23BKS051").include).toEqual([{ type: "identifier", text: "23bks051" }]);
    expect(parseQuery("2020").include).toEqual([{ type: "latin", text: "2020" }]);
  });

  it("reads field filters in English or Chinese, quoted or not", () => {
    const query = parseQuery('党建 author:"Kan Daoyuan" 期刊：治理研究 year:2020..2024 type:thesis theme:韧性');
    expect(query.include).toEqual([{ type: "han", text: "党建" }]);
    expect(query.filters).toEqual({
      authors: ["kan daoyuan"],
      journals: ["治理研究"],
      yearFrom: 2020,
      yearTo: 2024,
      types: ["THESIS"],
      themes: ["韧性"],
      impossible: false,
    });
    expect(parseQuery("year:2023").filters).toMatchObject({ yearFrom: 2023, yearTo: 2023 });
    expect(parseQuery("year:2024-2020").filters).toMatchObject({ yearFrom: 2020, yearTo: 2024 });
    expect(parseQuery("year:2020..").filters).toMatchObject({ yearFrom: 2020, yearTo: undefined });
    expect(parseQuery("type:学位论文").filters.types).toEqual(["THESIS"]);
  });

  it("marks a filter it cannot read instead of dropping it", () => {
    const query = parseQuery("year:soon type:poem");
    expect(query.filters.impossible).toBe(true);
    expect(query.notes).toEqual([
      { type: "badFilter", field: "year", value: "soon" },
      { type: "badFilter", field: "type", value: "poem" },
    ]);
  });
});

describe("highlighting", () => {
  it("marks Chinese words and English words by their stem", () => {
    const pattern = matcherPattern([
      { type: "literal", text: "韧性" },
      { type: "stem", stem: "govern" },
    ]);
    expect(markAll("基层韧性 and Governance, governing", pattern)).toEqual([
      { text: "基层", hit: false },
      { text: "韧性", hit: true },
      { text: " and ", hit: false },
      { text: "Governance", hit: true },
      { text: ", ", hit: false },
      { text: "governing", hit: true },
    ]);
    // A stem only matches at a word start.
    expect(markAll("misgovern", pattern)).toEqual([{ text: "misgovern", hit: false }]);
  });

  it("cuts a fragment around the first hit with ellipses", () => {
    const text = `${"甲".repeat(100)}韧性${"乙".repeat(300)}`;
    const cut = fragment(text, matcherPattern([{ type: "literal", text: "韧性" }]));
    expect(cut.firstHit).toBe(100);
    expect(cut.segments[0]).toEqual({ text: "…", hit: false });
    expect(cut.segments.filter((s) => s.hit)).toEqual([{ text: "韧性", hit: true }]);
    expect(cut.segments.at(-1)).toEqual({ text: "…", hit: false });
  });

  it("centres on the whole query where it occurs rather than on the first word", () => {
    const text = "第一段讨论基层治理。\n最后一段讨论治理共同体的形成。";
    const pattern = matcherPattern([
      { type: "literal", text: "治理" },
      { type: "literal", text: "共同体" },
    ]);
    expect(fragment(text, pattern).firstHit).toBe(7);
    const cut = fragment(text, pattern, 40, 160, ["治理共同体", "共同体"]);
    expect(cut.firstHit).toBe(text.indexOf("治理共同体"));
    expect(cut.firstHitText).toBe("治理共同体");
  });
});
