import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatBibliographyFile } from "./format-file";

const fixture = readFileSync(path.join(import.meta.dirname, "fixtures", "mixed-types.ris"));

describe("formatBibliographyFile (npm run bibliography)", () => {
  it("prints one GB/T entry per record, in file order, each with its type's code", () => {
    const result = formatBibliographyFile("mixed-types.ris", fixture, { style: "gbt7714-numeric", locale: "zh-CN" });
    expect(result.format).toBe("ris");
    expect(result.skipped).toEqual([]);
    const codes = result.entries.map((entry) => /\[([A-Z]+(?:\/OL)?)\]/.exec(entry.text.replace(/^\[\d+\] /, ""))?.[1]);
    // The web page's URL is imported now, which makes it an online reference: [EB/OL].
    expect(codes).toEqual(["J", "J", "D", "M", "M", "C", "R", "N", "S", "P", "EB/OL", "Z"]);
    expect(result.entries.map((entry) => entry.text.match(/^\[(\d+)\]/)?.[1])).toEqual(
      Array.from({ length: 12 }, (_, index) => String(index + 1)),
    );
    expect(result.entries[0]!.text).toBe(
      "[1] 袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, 2012, 55(34): 3219.",
    );
    expect(result.entries[1]!.text).toBe("[2] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.");
    expect(result.entries[0]!.missing).toEqual([]);
    expect(result.entries.find((entry) => entry.text.includes("[Z]"))!.text).toBe(
      "[12] 张三. 调查问卷原始记录[Z]. 1990.",
    );
  });

  it("orders APA alphabetically and writes English terms", () => {
    const result = formatBibliographyFile("mixed-types.ris", fixture, { style: "apa", locale: "zh-CN" });
    expect(result.entries).toHaveLength(12);
    expect(result.entries[0]!.text).toBe("Kanamori, H. (1998). Shaking without quaking. Science, 279(5359), 2063.");
    for (const entry of result.entries) expect(entry.text).not.toMatch(/&\s*\p{Script=Han}|页/u);
  });

  it("reports a record the importer keeps out instead of printing it", () => {
    const text = "TY  - JOUR\nPY  - 2020\nER  - \n\nTY  - JOUR\nTI  - 有题名\nPY  - 2020\nER  - \n";
    const result = formatBibliographyFile("x.ris", new TextEncoder().encode(text), {
      style: "gbt7714-numeric",
      locale: "zh-CN",
    });
    expect(result.entries.map((entry) => entry.text)).toEqual(["[1] 有题名[J]. 2020."]);
    expect(result.entries[0]!.missing).toEqual(["author", "container", "volumeIssue", "pages"]);
    expect(result.skipped).toEqual([{ line: 1, reasons: ["missingTitle"] }]);
  });

  it("prints et al. after a BibTeX list that ends in 'and others', as the app's citations do", () => {
    const text =
      "@article{a, title={Shaking without quaking}, author={Kanamori, Hiroo and Brodsky, Emily and others}, " +
      "journal={Science}, year={1998}, volume={279}, pages={2063}}\n" +
      "@article{b, title={蓝田生物群}, author={袁训来 and others}, journal={科学通报}, year={2012}}\n";
    const encoded = new TextEncoder().encode(text);
    const gbt = formatBibliographyFile("x.bib", encoded, { style: "gbt7714-numeric", locale: "zh-CN" });
    expect(gbt.entries.map((entry) => entry.text)).toEqual([
      "[1] KANAMORI H, BRODSKY E, et al. Shaking without quaking[J]. Science, 1998, 279: 2063.",
      "[2] 袁训来, 等. 蓝田生物群[J]. 科学通报, 2012.",
    ]);
    const apa = formatBibliographyFile("x.bib", encoded, { style: "apa", locale: "en-US" });
    expect(apa.entries[0]!.text).toBe(
      "Kanamori, H., Brodsky, E., et al. (1998). Shaking without quaking. Science, 279, 2063.",
    );
  });
});
