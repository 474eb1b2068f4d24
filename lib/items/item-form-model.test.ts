import { describe, expect, it } from "vitest";
import { EMPTY_ITEM_FIELDS, itemFieldsSchema, type ItemFields } from "./item-fields";
import { applyMerge, fromFormModel, planMerge, toFormModel } from "./item-form-model";

const base: ItemFields = {
  ...EMPTY_ITEM_FIELDS,
  titleZh: "城乡融合",
  authors: [
    {
      nameZh: "张三",
      nameEn: null,
      affiliations: ["甲大学", "乙研究院"],
      corresponding: true,
      bio: "教授，研究方向为基层治理",
    },
  ],
  year: 2023,
  keywordsZh: ["城乡融合", "基层治理"],
  identifiers: [{ type: "ISSN", value: "1000-0000" }],
  dates: { received: "2023-01-02", published: null, online: null },
};

describe("the item form model", () => {
  it("round-trips every field through the text a person edits", () => {
    expect(itemFieldsSchema.parse(fromFormModel(toFormModel(base)))).toEqual(base);
  });

  it("splits keywords on Chinese and Western separators and identifiers on either colon", () => {
    const model = {
      ...toFormModel(base),
      keywordsZh: "韧性；治理、党建,网格",
      identifiers: "ISSN：1000-0000\nCN: 11-1000/D",
    };
    const fields = itemFieldsSchema.parse(fromFormModel(model));
    expect(fields.keywordsZh).toEqual(["韧性", "治理", "党建", "网格"]);
    expect(fields.identifiers).toEqual([
      { type: "ISSN", value: "1000-0000" },
      { type: "CN", value: "11-1000/D" },
    ]);
  });

  it("drops author rows left blank instead of refusing them", () => {
    const model = toFormModel(base);
    model.authors.push({ nameZh: " ", nameEn: "", affiliations: "", corresponding: false, bio: "" });
    expect(itemFieldsSchema.parse(fromFormModel(model)).authors).toHaveLength(1);
  });
});

describe("merging after an edit conflict", () => {
  const theirs: ItemFields = { ...base, year: 2024, titleZh: "城乡融合发展", pages: "1-9" };
  const mine: ItemFields = { ...base, year: 2022, keywordsZh: ["城乡融合"], pages: "1-9" };

  it("proposes their value where only they changed a field and flags fields both changed", () => {
    const plan = planMerge(base, mine, theirs);
    expect(plan.map((entry) => [entry.field, entry.conflicting, entry.proposed])).toEqual([
      ["titleZh", false, "theirs"],
      ["year", true, "mine"],
    ]);
  });

  it("keeps my own changes and applies the choices", () => {
    const merged = applyMerge(mine, theirs, { titleZh: "theirs", year: "theirs" });
    expect(merged).toEqual({ ...base, titleZh: "城乡融合发展", year: 2024, keywordsZh: ["城乡融合"], pages: "1-9" });
    expect(applyMerge(mine, theirs, { titleZh: "mine", year: "mine" }).year).toBe(2022);
  });
});
