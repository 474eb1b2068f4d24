// What a new user ran into: CNKI author lists joined by commas, EndNote XML's &#xD; left as text, binary
// uploads shown as garbled GBK, and a cryptic warning for a RIS file cut off before its last ER.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { en, zh } from "@/lib/i18n/sections/transfer";
import { detectBinary } from "./decode";
import { parseImportFile } from "./parse-file";
import { splitAuthors } from "./source-record";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures");
const parseText = (name: string, text: string) => parseImportFile(name, new TextEncoder().encode(text));
const authorsOf = (name: string, text: string) =>
  parseText(name, text).records.map((record) => record.fields.authors.map((a) => a.nameZh ?? a.nameEn));

function refusal(run: () => unknown): { code: string; details: unknown } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("Chinese author lists", () => {
  it("splits NoteExpress authors on , ， 、 and ;", () => {
    const text = [
      "{Reference Type}: Journal Article",
      "{Title}: 基于深度学习的图像识别",
      "{Author}: 谢昕,王小增",
      "",
      "{Reference Type}: Journal Article",
      "{Title}: 中医药研究",
      "{Author}: 穆仙丽,赵宗江，魏晨、李四;",
      "",
    ].join("\r\n");
    expect(authorsOf("cnki.net", text)).toEqual([
      ["谢昕", "王小增"],
      ["穆仙丽", "赵宗江", "魏晨", "李四"],
    ]);
  });

  it("splits the comma-joined authors of the real CNKI NoteExpress file", () => {
    const file = parseImportFile("mixed.net", readFileSync(path.join(FIXTURES, "cnki2bibtex_mixed.net")));
    const lists = file.records.map((record) => record.fields.authors.map((a) => a.nameZh ?? a.nameEn));
    expect(lists).toContainEqual(["谢昕", "王小增"]);
    expect(lists).toContainEqual(["穆仙丽", "赵宗江", "魏晨"]);
    expect(lists.flat().some((name) => /[,，、;]/.test(name ?? ""))).toBe(false);
  });

  it("splits RefWorks A1 and .enw %A lines that hold several Chinese names", () => {
    expect(authorsOf("cnki.txt", "RT Journal Article\nT1 标题\nA1 谢昕,王小增\nYR 2019\n")).toEqual([
      ["谢昕", "王小增"],
    ]);
    expect(authorsOf("cnki.enw", "%0 Journal Article\n%T 标题\n%A 穆仙丽,赵宗江,魏晨\n%A 李四\n")).toEqual([
      ["穆仙丽", "赵宗江", "魏晨", "李四"],
    ]);
  });

  it("splits RIS AU lines with several Chinese names but keeps Zotero's “朱, 正威” and Latin names whole", () => {
    const ris = (authors: string[]) =>
      `TY  - JOUR\n${authors.map((a) => `AU  - ${a}\n`).join("")}TI  - 标题\nPY  - 2019\nER  - \n`;
    expect(authorsOf("a.ris", ris(["谢昕,王小增"]))).toEqual([["谢昕", "王小增"]]);
    expect(authorsOf("a.ris", ris(["穆仙丽;赵宗江;魏晨"]))).toEqual([["穆仙丽", "赵宗江", "魏晨"]]);
    expect(authorsOf("a.ris", ris(["朱, 正威", "刘, 莹莹"]))).toEqual([["朱正威", "刘莹莹"]]);
    expect(authorsOf("a.ris", ris(["Smith, John", "Doe, K."]))).toEqual([["Smith, John", "Doe, K."]]);
  });

  it("keeps Western “Surname, Given” names, separated by semicolons", () => {
    expect(splitAuthors("Smith, John; Doe, Jane", true)).toEqual(["Smith, John", "Doe, Jane"]);
    expect(splitAuthors("谢昕,王小增")).toEqual(["谢昕", "王小增"]);
    expect(splitAuthors("朱, 正威")).toEqual(["朱, 正威"]);
  });
});

describe("EndNote XML character references", () => {
  it("decodes &#xD; and keeps the first ISSN", () => {
    const file = parseImportFile("x.xml", readFileSync(path.join(FIXTURES, "reflib_SpiderCite-demo_endnote.xml")));
    const issns = file.records.map((record) => record.fields.identifiers[0]?.value);
    expect(issns).toContain("1545-9616 (Print)");
    for (const record of file.records) expect(JSON.stringify(record.fields)).not.toMatch(/&#/);
  });

  it("decodes decimal and hex references in every field and joins lines with a space", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><xml><records><record><ref-type name="Journal Article">17</ref-type>' +
      "<titles><title>Pages 1&#x2013;2&#13;second line</title><secondary-title>J &#38; K</secondary-title></titles>" +
      "<dates><year>2001</year></dates><isbn>1234-5678&#13;&#10;8765-4321</isbn></record></records></xml>";
    const [record] = parseText("x.xml", xml).records;
    expect(record!.fields.titleEn).toBe("Pages 1–2 second line");
    expect(record!.fields.journalEn).toBe("J & K");
    expect(record!.fields.identifiers).toEqual([{ type: "ISSN", value: "1234-5678" }]);
  });
});

describe("binary uploads", () => {
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];
  it.each([
    ["image.png", PNG, "image"],
    [
      "image.webp",
      [...new TextEncoder().encode("RIFF"), 0x10, 0, 0, 0, ...new TextEncoder().encode("WEBPVP8 ")],
      "image",
    ],
    ["photo.jpg", [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46], "image"],
    ["anim.gif", [...new TextEncoder().encode("GIF89a"), 1, 0], "image"],
    ["paper.pdf", [...new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n")], "pdf"],
    ["refs.docx", [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], "archive"],
    ["refs.zip", [0x50, 0x4b, 0x03, 0x04, 0x0a, 0, 0, 0], "archive"],
    ["blob.ris", [...new TextEncoder().encode("TY  - JOUR\n"), 0, 1, 2], "binary"],
  ] as const)("refuses %s plainly, naming what it is", (name, bytes, kind) => {
    const result = refusal(() => parseImportFile(name, new Uint8Array(bytes)));
    expect(result.code).toBe("IMPORT_UNKNOWN_FORMAT");
    expect(result.details).toMatchObject({ binary: kind });
    expect((result.details as { seen: string }).seen).not.toMatch(/塒/);
    expect((result.details as { seen: string }).seen).toContain("不是文献导出文件");
    expect((result.details as { seen: string }).seen).not.toContain("{label}");
  });

  it("names the picture's type in what the message shows", () => {
    const result = refusal(() => parseImportFile("image.png", new Uint8Array(PNG)));
    expect((result.details as { seen: string }).seen).toBe(
      "PNG 图片，不是文献导出文件 / a PNG image, not a reference export",
    );
  });

  it("leaves text files, UTF-16 with its BOM, and GBK alone", () => {
    expect(detectBinary(new TextEncoder().encode("TY  - JOUR\n"))).toBeNull();
    expect(detectBinary(new Uint8Array([0xff, 0xfe, 0x54, 0x00, 0x59, 0x00]))).toBeNull();
    expect(detectBinary(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toBeNull();
  });

  it("has a message for it in both languages", () => {
    expect(zh.binaryFile.replace("{kind}", zh.binaryKinds.image)).toContain("不是文献导出文件");
    expect(en.binaryFile.replace("{kind}", en.binaryKinds.pdf)).toContain("not a reference export");
  });
});

describe("a RIS file cut off before its last ER", () => {
  it("warns that the file may be truncated and the last field incomplete", () => {
    const [record] = parseText("cut.ris", "TY  - JOUR\nTI  - A title\nAB  - The abstract stops mid-sen").records;
    expect(record!.blocked).toBe(false);
    expect(record!.problems).toEqual([expect.objectContaining({ code: "missingEnd", severity: "warning" })]);
    expect(zh.problems.missingEnd).toMatch(/截断/);
    expect(zh.problems.missingEnd).toMatch(/不完整/);
    expect(en.problems.missingEnd).toMatch(/cut off/);
  });
});
