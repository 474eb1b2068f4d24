import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PDFJS_ASSETS, PDFJS_VERSION } from "./assets";
import { pdfjsFile } from "./pdfjs-files";

describe("pdf.js files served to the browser", () => {
  it("names the installed version, so cached files change with it", () => {
    const installed = JSON.parse(readFileSync(path.resolve("node_modules/pdfjs-dist/package.json"), "utf8"));
    expect(PDFJS_VERSION).toBe(installed.version);
  });
  it("serves the library, the worker, a Chinese CMap and a standard font from the package", () => {
    const strip = (url: string) => url.replace(`/pdfjs/${PDFJS_VERSION}/`, "");
    for (const relative of [
      strip(PDFJS_ASSETS.library),
      strip(PDFJS_ASSETS.worker),
      `${strip(PDFJS_ASSETS.cMapUrl)}UniGB-UCS2-H.bcmap`,
      `${strip(PDFJS_ASSETS.standardFontDataUrl)}FoxitSerif.pfb`,
    ]) {
      const found = pdfjsFile(relative);
      expect(found, relative).not.toBeNull();
      expect(existsSync(found!.file), relative).toBe(true);
    }
    expect(pdfjsFile("build/pdf.worker.min.mjs")!.contentType).toBe("text/javascript; charset=utf-8");
  });
  it("serves nothing else", () => {
    expect(pdfjsFile("package.json")).toBeNull();
    expect(pdfjsFile("cmaps/../../../package.json")).toBeNull();
    expect(pdfjsFile("build/pdf.mjs.map")).toBeNull();
    expect(pdfjsFile("legacy/build/pdf.mjs")).toBeNull();
  });
});
