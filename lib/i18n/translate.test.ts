import { describe, expect, it } from "vitest";
import { pick, preferredLocale, translator } from "./translate";

describe("preferredLocale", () => {
  it("chooses Chinese for browsers that prefer it", () => {
    expect(preferredLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(preferredLocale("zh-TW")).toBe("zh");
  });
  it("chooses English when English ranks higher", () => expect(preferredLocale("en-US,en;q=0.9,zh;q=0.5")).toBe("en"));
  it("falls back to Chinese", () => {
    expect(preferredLocale(null)).toBe("zh");
    expect(preferredLocale("fr-FR")).toBe("zh");
  });
});

describe("pick", () => {
  it("prefers the reader's language and falls back to the other", () => {
    expect(pick("zh", "中文", "English")).toBe("中文");
    expect(pick("en", "中文", "English")).toBe("English");
    expect(pick("en", "中文", null)).toBe("中文");
    expect(pick("zh", null, null)).toBeNull();
  });
});

describe("translator", () => {
  it("fills placeholders", () => expect(translator("en")("library.count", { n: 5 })).toBe("5 items"));
  it("finds activity kinds, whose names contain dots", () => {
    expect(translator("zh")("activity.item.updated", { who: "林" })).toBe("林 修改了文献元数据");
    expect(translator("en")("activity.item.stageChanged", { who: "Lin", from: "A", to: "B" })).toBe(
      "Lin moved an item from A to B",
    );
  });
  it("shows an unknown key as itself instead of failing", () => {
    expect(translator("en")("activity.no.such.kind" as "activity.title")).toBe("activity.no.such.kind");
  });
  it("shows a placeholder whose value is missing instead of failing", () => {
    expect(translator("en")("activity.item.updated")).toBe("{who} edited an item's metadata");
  });
});
