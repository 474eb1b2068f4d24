// Our GB/T 7714 numeric output against the reference implementation (citeproc-js running the bilingual GB/T
// style from lib/synthesis/csl as published, with none of our mapping in between), on a 130-reference set of
// all 13 item types in Chinese and English. Every entry must be identical, or differ only by a deviation
// lib/synthesis/csl/README.md documents. `npm run bench:gbt` prints the figures, also against shared/csl.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatBibliographyFile } from "./format-file";
import { renderWithCiteproc, withDeliberateDeviations } from "./reference-implementation";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "gbt-mixed-types.json");
const STYLE = path.resolve(import.meta.dirname, "..", "synthesis", "csl", "gb-t-7714-2015-numeric-bilingual.csl");

describe("GB/T 7714 numeric against citeproc-js with the published style", () => {
  it("covers every item type in both languages and differs only by documented deviations", () => {
    const bytes = readFileSync(FIXTURE);
    const items = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThanOrEqual(100);
    expect(new Set(items.map((item) => item.type)).size).toBe(13);
    expect(new Set(items.map((item) => item.language))).toEqual(new Set(["zh-CN", "en-US"]));
    // The published style, minus our one documented change to its medium-id macro, is what citeproc runs.
    const published = readFileSync(STYLE, "utf8").replace(
      /<else-if variable="URL">\s*<!-- Huitong:[^>]*-->\s*<text value="OL"\/>\s*<\/else-if>\s*<else-if variable="DOI">[\s\S]*?<\/else-if>/,
      '<else-if variable="URL DOI" match="any"><text value="OL"/></else-if>',
    );
    expect(published).not.toContain("Huitong");
    const ours = formatBibliographyFile("gbt-mixed-types.json", bytes, { style: "gbt7714-numeric", locale: "zh-CN" });
    const theirs = renderWithCiteproc(items, published);
    const strip = (text: string) => text.replace(/^\[\d+\]\s*/, "");
    const unexplained = items.flatMap((item, index) => {
      const our = strip(ours.entries[index]!.text);
      const their = strip(theirs[index]!.text);
      return our === their || our === withDeliberateDeviations(their, String(item.type))
        ? []
        : [{ id: item.id, our, their }];
    });
    expect(unexplained).toEqual([]);
    const identical = items.filter((_, index) => strip(ours.entries[index]!.text) === strip(theirs[index]!.text));
    expect(identical.length).toBeGreaterThanOrEqual(110);
  });
});
