import { describe, expect, it } from "vitest";
import { matchPdf, type MatchableItem } from "./match";

const items: MatchableItem[] = [
  {
    id: "a",
    titleZh: "区域化党建引领县域内城乡融合发展的行动策略",
    titleEn: "Action Strategies of Regional Party Building",
    doi: "10.1234/abc.2024.01",
    year: 2024,
    authorNames: ["孙肖远"],
  },
  {
    id: "b",
    titleZh: null,
    titleEn: "Regional Party Building and Coordinated Urban-Rural Development",
    doi: null,
    year: 2023,
    authorNames: ["Li Ming"],
  },
  { id: "c", titleZh: "引言", titleEn: null, doi: null, year: null, authorNames: [] },
];

describe("matchPdf", () => {
  it("matches by DOI first, whatever the case", () => {
    expect(matchPdf({ title: null, doi: "10.1234/ABC.2024.01", head: "" }, items)).toEqual({ itemId: "a", by: "doi" });
  });

  it("matches a Chinese title found in the opening text, spaces and punctuation aside", () => {
    const head = "南京社会科学 2024年第3期\n区域化党建引领县域内城乡融合 发展的行动策略\n孙肖远\n摘要：……";
    expect(matchPdf({ title: null, doi: null, head }, items)).toEqual({ itemId: "a", by: "title" });
  });

  it("matches an English title given as the PDF's own title, ignoring case", () => {
    expect(
      matchPdf(
        { title: "REGIONAL PARTY BUILDING AND COORDINATED URBAN–RURAL DEVELOPMENT", doi: null, head: "" },
        items,
      ),
    ).toEqual({ itemId: "b", by: "title" });
  });

  it("does not match on short generic titles or unrelated text", () => {
    expect(matchPdf({ title: "引言", doi: null, head: "引言 本文讨论……" }, items)).toBeNull();
    expect(matchPdf({ title: "Something else", doi: "10.9999/none", head: "unrelated" }, items)).toBeNull();
  });
});
