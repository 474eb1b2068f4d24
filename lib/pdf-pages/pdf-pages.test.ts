import { describe, expect, it } from "vitest";
import { findInLayer } from "./find-in-page";
import {
  alignPage,
  layerSpanToText,
  textOffsetAtOrAfter,
  textOffsetBefore,
  textSpanToLayerRuns,
} from "./page-alignment";
import { pageLocator, pageOfOffset, pagesOfSpan, pageRange, printedPageOffset } from "./page-of-offset";
import { offsetMap } from "./text-mapping";

describe("offset → page", () => {
  const starts = [0, 100, 250, 250, 400];
  it("finds the page holding an offset", () => {
    expect(pageOfOffset(starts, 0)).toBe(1);
    expect(pageOfOffset(starts, 99)).toBe(1);
    expect(pageOfOffset(starts, 100)).toBe(2);
    expect(pageOfOffset(starts, 249)).toBe(2);
    expect(pageOfOffset(starts, 399)).toBe(4);
    expect(pageOfOffset(starts, 10_000)).toBe(5);
  });
  it("gives an empty page's offset to the page that holds the character", () => {
    // Page 3 is empty (a figure): offset 250 is page 4's first character.
    expect(pageOfOffset(starts, 250)).toBe(4);
  });
  it("has no page without pages", () => {
    expect(pageOfOffset([], 5)).toBeNull();
  });
  it("spans pages", () => {
    expect(pagesOfSpan(starts, 90, 110)).toEqual({ first: 1, last: 2 });
    expect(pagesOfSpan(starts, 90, 100)).toEqual({ first: 1, last: 1 });
    expect(pageRange(starts, 2, 500)).toEqual({ start: 100, end: 250 });
    expect(pageRange(starts, 5, 500)).toEqual({ start: 400, end: 500 });
  });
  it("prints the paper's own page number when the range and the PDF agree", () => {
    expect(printedPageOffset("45-52", 8)).toEqual({ first: 45, cover: 0 });
    expect(printedPageOffset("45–52", 9)).toEqual({ first: 45, cover: 1 });
    expect(printedPageOffset("45-52", 20)).toBeNull();
    expect(printedPageOffset("e1234", 3)).toBeNull();
    expect(pageLocator(3, "45-52", 8)).toBe("47");
    expect(pageLocator(1, "45-52", 9)).toBe("1");
    expect(pageLocator(2, "45-52", 9)).toBe("45");
    expect(pageLocator(3, null, 8)).toBe("3");
    expect(pageLocator(3, "45-52", 30)).toBe("3");
  });
});

describe("full text ↔ extracted text offsets", () => {
  it("is the identity for equal texts", () => {
    const map = offsetMap("同一段文字", "同一段文字");
    expect(map.identity).toBe(true);
    expect(map.map(3)).toBe(3);
  });
  it("follows a correction", () => {
    const extracted = "基层治理是国家治理的基石。党建引领基层治理。";
    const corrected = "基层社会治理是国家治理的基石。党建引领基层治理。";
    const map = offsetMap(corrected, extracted);
    const at = corrected.indexOf("党建");
    expect(extracted.slice(map.map(at), map.map(at + 4))).toBe("党建引领");
    const back = offsetMap(extracted, corrected);
    expect(corrected.slice(back.map(extracted.indexOf("党建")), back.map(extracted.indexOf("党建") + 4))).toBe(
      "党建引领",
    );
  });
});

describe("page alignment", () => {
  // pdf.js gives a running header, lines split with spaces and a page number; the extraction dropped them.
  const layer = "中国行政管理 2024年第3期 党建引领基层 治理的 实践逻辑与 路径选择 45";
  const extracted = "前一页的文字。党建引领基层治理的实践逻辑与路径选择后一页";
  const pageStart = extracted.indexOf("党建");
  const pageEnd = extracted.indexOf("后一页");
  const alignment = alignPage(layer, extracted, pageStart, pageEnd);

  it("maps a selection on the page to the extracted text", () => {
    const from = layer.indexOf("基层");
    const to = layer.indexOf("逻辑") + 2;
    const span = layerSpanToText(alignment, from, to)!;
    expect(extracted.slice(span.start, span.end)).toBe("基层治理的实践逻辑");
  });
  it("maps selection ends that fall on spaces or a header", () => {
    const start = textOffsetAtOrAfter(alignment, 0)!;
    expect(extracted.slice(start, start + 2)).toBe("党建");
    const end = textOffsetBefore(alignment, layer.length)!;
    expect(extracted.slice(end - 2, end)).toBe("选择");
    expect(layerSpanToText(alignment, 0, layer.indexOf("党建"))).toBeNull();
  });
  it("maps a coded span back to runs on the page, joined over spaces", () => {
    const start = extracted.indexOf("基层治理");
    const runs = textSpanToLayerRuns(alignment, start, start + "基层治理的实践".length);
    expect(runs).toHaveLength(1);
    expect(layer.slice(runs[0]!.start, runs[0]!.end)).toBe("基层 治理的 实践");
  });
  it("clips a span that continues on another page", () => {
    const runs = textSpanToLayerRuns(alignment, 0, pageStart + 2);
    expect(runs.map((run) => layer.slice(run.start, run.end))).toEqual(["党建"]);
  });
  it("leaves characters only one side has unmapped", () => {
    expect(alignment.layerToText[layer.indexOf("45")]).toBe(-1);
    expect(alignment.textToLayer[0]).toBe(layer.indexOf("党"));
  });
});

describe("find in the page", () => {
  it("matches across the pieces pdf.js splits Chinese text into", () => {
    const layer = "党建引领基层 治理的 实践逻辑";
    const found = findInLayer(layer, "基层治理");
    expect(found).toHaveLength(1);
    expect(layer.slice(found[0]!.start, found[0]!.end)).toBe("基层 治理");
  });
  it("ignores case in Latin text and finds every occurrence", () => {
    expect(findInLayer("Governance and governance", "GOVERNANCE")).toHaveLength(2);
    expect(findInLayer("abc", "  ")).toEqual([]);
  });
});
