import { describe, expect, it } from "vitest";
import { renderPrismaSvg } from "./prisma-diagram";
import { prismaLabels } from "./prisma-labels";

const counts = {
  identified: 12,
  identifiedBySource: [{ source: "DATABASE_EXPORT" as const, count: 11 }],
  identifiedByOtherMethods: 1,
  duplicatesRemoved: 2,
  screened: 8,
  awaitingScreening: 2,
  stoppedByRule: false,
  excludedAtScreening: 3,
  excludedAtScreeningByReason: [{ labelZh: "主题<不相关>", labelEn: "Off-topic & more", count: 3 }],
  assessedForEligibility: 5,
  excludedAfterScreening: 1,
  excludedAfterScreeningByReason: [{ labelZh: "无法获取全文", labelEn: "Full text unavailable", count: 1 }],
  included: 4,
};

describe("renderPrismaSvg", () => {
  it("draws a standalone SVG with every count, in the reader's language, with text escaped", () => {
    const svg = renderPrismaSvg(counts, prismaLabels("en"));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const text of ["Records identified", "n = 12", "n = 2", "n = 8", "n = 3", "n = 5", "n = 1", "n = 4"]) {
      expect(svg).toContain(text);
    }
    expect(svg).toContain("Off-topic &amp; more: 3");
    expect(svg).toContain("Other methods (citation searching): 1");
    expect(svg).not.toContain("<不相关>");
    expect(renderPrismaSvg(counts, prismaLabels("zh"))).toContain("主题&lt;不相关&gt;: 3");
    expect(renderPrismaSvg(counts, prismaLabels("zh"))).toContain("纳入综述的研究");
  });
});
