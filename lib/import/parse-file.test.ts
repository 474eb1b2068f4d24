// The parsers on real export files (copied into ./fixtures, see its README) and on CNKI-style samples:
// fields land where the item shows them, Chinese survives every encoding, problems name line and field,
// and a file that cannot be read is refused with a reason.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { decodeUpload } from "./decode";
import { detectFormat } from "./detect";
import { MAX_IMPORT_BYTES, parseImportFile, type ParsedFile } from "./parse-file";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures");
const SHARED = path.resolve(import.meta.dirname, "../../../shared/fixtures");

function parseFixture(name: string): ParsedFile {
  return parseImportFile(name, readFileSync(path.join(FIXTURES, name)));
}

function parseText(name: string, text: string): ParsedFile {
  return parseImportFile(name, new TextEncoder().encode(text));
}

function refusal(run: () => unknown): { code: string; details: unknown } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("RIS", () => {
  it("reads a Web of Science export: authors, journal, year from PY beside a month-only DA, DOI, keywords", () => {
    const file = parseFixture("asreview_web_of_science.ris");
    expect(file.format).toBe("ris");
    expect(file.records).toHaveLength(10);
    const first = file.records[0]!;
    expect(first.line).toBe(1);
    expect(first.fields.titleEn).toBe(
      "Holding Yourself Captive: Perceptions of Custody During Interviews and Interrogations",
    );
    expect(first.fields.authors.slice(0, 2).map((author) => author.nameEn)).toEqual(["Alceste, F", "Luke, TJ"]);
    expect(first.fields.journalEn).toBe("JOURNAL OF APPLIED RESEARCH IN MEMORY AND COGNITION");
    expect(first.fields.year).toBe(2018);
    expect(first.fields.doi).toBe("10.1016/j.jarmac.2018.03.001");
    expect(first.fields.keywordsEn).toContain("Police custody");
    expect(file.records.every((record) => !record.blocked)).toBe(true);
  });

  it("reads an Embase export saved with a BOM", () => {
    const file = parseFixture("asreview_embase.ris");
    expect(file.encoding).toBe("utf-8-bom");
    expect(file.records).toHaveLength(6);
    expect(file.records[0]!.fields.titleEn).toMatch(/^Duplication cysts/);
    expect(file.records[0]!.fields.doi).toBe("10.4103/2303-9027.138783");
  });

  it("reports a year that is not a number on its line, and keeps the record", () => {
    const [record] = parseFixture("asreview_faulty_year.ris").records;
    expect(record!.fields.year).toBeNull();
    expect(record!.blocked).toBe(false);
    expect(record!.problems).toContainEqual(
      expect.objectContaining({ line: 3, field: "PY", code: "yearNotNumber", severity: "warning" }),
    );
  });

  it("imports records without a title but with an abstract, marked title missing on the record's line", () => {
    const file = parseFixture("asreview_baseline_empty_values.ris");
    expect(file.records.filter((record) => record.blocked)).toHaveLength(0);
    const untitled = file.records.filter((record) => !record.fields.titleEn && !record.fields.titleZh);
    expect(untitled).toHaveLength(2);
    expect(untitled[0]!.problems).toContainEqual(
      expect.objectContaining({ code: "titleMissing", severity: "warning", line: untitled[0]!.line }),
    );
    expect(untitled[0]!.fields.abstractEn).toMatch(/^Lorem ipsum/);
  });

  it("blocks a record with neither a title nor anything else that identifies it", () => {
    const file = parseText("bare.ris", "TY  - JOUR\nVL  - 3\nER  - \n");
    expect(file.records[0]!.blocked).toBe(true);
    expect(file.records[0]!.problems).toContainEqual(
      expect.objectContaining({ code: "missingTitle", severity: "error", line: 1 }),
    );
  });

  it("reads a CNKI RIS export of Chinese articles into the Chinese fields", () => {
    const file = parseFixture("cnki-sample.ris");
    expect(file.records).toHaveLength(4);
    const first = file.records[0]!.fields;
    expect(first.titleZh).toBe("韧性治理：风险与应急管理的新路径");
    expect(first.titleEn).toBeNull();
    expect(first.authors.map((author) => author.nameZh)).toEqual(["朱正威", "刘莹莹"]);
    expect(first.journalZh).toBe("行政论坛");
    expect(first.pages).toBe("81-87");
    expect(first.keywordsZh).toEqual(["韧性治理", "应急管理"]);
    expect(first.identifiers).toEqual([{ type: "ISSN", value: "1005-460X" }]);
  });

  it("reports an unknown reference type and a record without ER", () => {
    const file = parseText("odd.ris", "TY  - WHATEVER\nTI  - Something odd\nPY  - 2020\n");
    expect(file.records[0]!.problems.map((problem) => [problem.line, problem.field, problem.code])).toEqual([
      [1, "TY", "unknownType"],
      [1, "ER", "missingEnd"],
    ]);
  });
});

describe("BibTeX and BibLaTeX", () => {
  it("keeps Chinese titles, names and publishers of a Better BibTeX export", () => {
    const file = parseFixture("bbt_zh-CN-2391_zh.biblatex.bib");
    expect(file.format).toBe("bibtex");
    const first = file.records[0]!.fields;
    expect(first.titleZh).toBe("法医学铁道损伤图谱");
    expect(first.authors[0]!.nameZh).toBe("肖发民");
    // A book's publisher is its publisher, not its journal.
    expect(file.records[0]!.reference).toMatchObject({ itemType: "BOOK", publisher: "郑州大学出版社" });
    expect(first.journalZh).toBeNull();
    expect(first.year).toBe(2003);
  });

  it("reads a CNKI record converted to BibTeX, splitting CNKI's ;; keyword lists", () => {
    const file = parseFixture("cnki2bibtex_mixed_expected-title-keys.bib");
    const first = file.records[0]!;
    expect(first.fields.titleZh).toBe("基于深度信念网络资源需求预测的虚拟网络功能动态迁移算法");
    expect(first.fields.authors.map((author) => author.nameZh)).toEqual(["唐伦", "赵培培", "赵国繁", "陈前斌"]);
    expect(first.fields.keywordsZh).toEqual(["虚拟网络功能", "预测", "迁移", "深度学习"]);
    expect(first.problems).toContainEqual(expect.objectContaining({ code: "yearNotNumber", detail: "Null" }));
  });

  it("reads entries despite a missing comma", () => {
    const file = parseFixture("bibtexparser_article_missing_coma.bib");
    expect(file.records.map((record) => record.fields.authors[0]?.nameEn)).toEqual([
      "Cesar, Jean",
      "Baltazar, Jean",
      "Aimar, Jean",
      "Doute, Jean",
    ]);
  });

  it("reports a broken entry on its line and still reads the others", () => {
    const file = parseText(
      "broken.bib",
      "@article{good,\n  title = {完好的条目},\n  year = {2021}\n}\n\n@article{bad,\n  title = {没有结束,\n  year = 2020\n\n@article{after,\n  title = {Another one},\n  year = {2019}\n}\n",
    );
    expect(file.records).toHaveLength(3);
    expect(file.records[0]!.fields.titleZh).toBe("完好的条目");
    expect(file.records[1]!.blocked).toBe(true);
    expect(file.records[1]!.problems[0]).toMatchObject({ line: 6, code: "unparsable", severity: "error" });
    expect(file.records[2]!.fields.titleEn).toBe("Another one");
  });
});

describe("CNKI tagged formats", () => {
  it("reads a CNKI NoteExpress export", () => {
    const file = parseFixture("cnki2bibtex_mixed.net");
    expect(file.format).toBe("noteexpress");
    expect(file.records).toHaveLength(12);
    const first = file.records[0]!.fields;
    expect(first.titleZh).toBe("基于深度信念网络资源需求预测的虚拟网络功能动态迁移算法");
    expect(first.authors.map((author) => author.nameZh)).toEqual(["唐伦", "赵培培", "赵国繁", "陈前斌"]);
    expect(first.journalZh).toBe("电子与信息学报");
    expect(first.keywordsZh).toEqual(["虚拟网络功能", "预测", "迁移", "深度学习"]);
    expect(first.identifiers).toEqual([
      { type: "ISSN", value: "1009-5896" },
      { type: "CN", value: "11-4494/TN" },
    ]);
  });

  it("reads a CNKI EndNote (.enw) export and reports the record without a title", () => {
    const file = parseFixture("cnki-sample.enw");
    expect(file.format).toBe("endnote");
    expect(file.records.map((record) => record.fields.titleZh)).toEqual([
      "韧性治理：风险与应急管理的新路径",
      '区域化党建与基层有效治理："过疏化"乡村的治理单元重构',
      "数字治理与基层减负",
      null,
    ]);
    const [first, , conference, untitled] = file.records;
    expect(first!.fields).toMatchObject({
      journalZh: "行政论坛",
      year: 2020,
      volume: "27",
      issue: "05",
      pages: "81-87",
    });
    expect(conference!.fields.authors.map((author) => author.nameZh)).toEqual(["王晓明", "李华"]);
    expect(conference!.fields.year).toBe(2023);
    expect(untitled!.blocked).toBe(true);
    expect(untitled!.problems).toEqual([
      expect.objectContaining({ line: 39, field: "%D", code: "yearNotNumber", detail: "二〇二一" }),
      expect.objectContaining({ line: 36, field: "title", code: "missingTitle", severity: "error" }),
    ]);
  });

  it("reads a CNKI RefWorks export, with its lower-case volume tag and page range in OP", () => {
    const file = parseFixture("cnki-sample-refworks.txt");
    expect(file.format).toBe("refworks");
    expect(file.records).toHaveLength(2);
    expect(file.records[0]!.fields).toMatchObject({
      titleZh: "韧性治理：风险与应急管理的新路径",
      journalZh: "行政论坛",
      year: 2020,
      volume: "27",
      issue: "05",
      pages: "81-87",
    });
    expect(file.records[1]!.fields.doi).toBe("10.15944/j.cnki.33-1010/d.2024.03.001");
  });
});

describe("EndNote XML and CSL-JSON", () => {
  it("reads an EndNote XML library", () => {
    const file = parseFixture("reflib_SpiderCite-demo_endnote.xml");
    expect(file.format).toBe("endnote-xml");
    expect(file.records).toHaveLength(10);
    const first = file.records[0]!.fields;
    expect(first.titleEn).toMatch(/^A multicenter, randomized, split-face clinical trial/);
    expect(first.authors[0]!.nameEn).toBe("Antoniou, C.");
    expect(first.journalEn).toBe("Int J Dermatol");
    expect(first.year).toBe(2016);
    expect(first.doi).toBe("10.1111/ijd.13349");
  });

  it("reads CSL-JSON with Chinese literal names", () => {
    const file = parseFixture("zotero-chinese_gbt7714-sample.json");
    expect(file.format).toBe("csl-json");
    expect(file.records[0]!.fields).toMatchObject({ titleZh: "全唐五代诗格汇考", year: 2002 });
    expect(file.records[0]!.fields.authors[0]!.nameZh).toBe("张伯伟");
    expect(file.records[0]!.line).toBe(2);
  });
});

describe("encodings", () => {
  const ris = "TY  - JOUR\nAU  - 朱正威\nTI  - 韧性治理：风险与应急管理的新路径\nJO  - 行政论坛\nPY  - 2020\nER  - \n";

  it("decodes a GBK file (as older CNKI and NoteExpress exports are saved)", () => {
    const gbk = new Uint8Array(
      // 韧性治理 in GBK, written out as bytes so the test does not depend on an encoder.
      [0xc8, 0xcd, 0xd0, 0xd4, 0xd6, 0xce, 0xc0, 0xed],
    );
    expect(decodeUpload(gbk)).toEqual({ text: "韧性治理", encoding: "gb18030" });
  });

  it("imports a GB18030-encoded RIS file with Chinese intact", () => {
    const bytes = encodeGb18030(ris);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const file = parseImportFile("cnki.ris", bytes);
    expect(file.encoding).toBe("gb18030");
    expect(file.records[0]!.fields.titleZh).toBe("韧性治理：风险与应急管理的新路径");
    expect(file.records[0]!.fields.authors[0]!.nameZh).toBe("朱正威");
  });

  it("imports UTF-16 with a BOM", () => {
    const body = new Uint8Array(ris.length * 2 + 2);
    body.set([0xff, 0xfe]);
    for (let index = 0; index < ris.length; index++) {
      const code = ris.charCodeAt(index);
      body[2 + index * 2] = code & 0xff;
      body[3 + index * 2] = code >> 8;
    }
    const file = parseImportFile("utf16.ris", body);
    expect(file.encoding).toBe("utf-16le");
    expect(file.records[0]!.fields.journalZh).toBe("行政论坛");
  });
});

describe("files that are refused", () => {
  it("an empty file", () => {
    expect(refusal(() => parseText("empty.ris", "")).code).toBe("IMPORT_EMPTY");
    expect(refusal(() => parseText("blank.ris", " \n\r\n ")).code).toBe("IMPORT_EMPTY");
  });

  it("an unknown format, naming what the file starts with", () => {
    const result = refusal(() => parseText("notes.txt", "Meeting notes\nAgenda: import references\n"));
    expect(result).toEqual({ code: "IMPORT_UNKNOWN_FORMAT", details: { seen: "Meeting notes" } });
  });

  it("a file over the size limit", () => {
    const result = refusal(() => parseImportFile("huge.ris", new Uint8Array(MAX_IMPORT_BYTES + 1)));
    expect(result).toEqual({
      code: "IMPORT_TOO_LARGE",
      details: { size: MAX_IMPORT_BYTES + 1, limit: MAX_IMPORT_BYTES },
    });
  });

  it("malformed CSL-JSON and EndNote XML, with the line of the fault", () => {
    const json = refusal(() => parseText("broken.json", '[\n  {"type": "book",\n   "title": "残缺"\n'));
    expect(json.code).toBe("IMPORT_MALFORMED");
    expect(json.details).toMatchObject({ format: "csl-json" });
    const xml = refusal(() =>
      parseText("broken.xml", '<?xml version="1.0"?>\n<xml><records><record>\n<titles><title>残缺</titles>\n'),
    );
    expect(xml.code).toBe("IMPORT_MALFORMED");
    expect(xml.details).toMatchObject({ format: "endnote-xml", line: 3 });
  });

  it("a file in a known format with no records in it", () => {
    expect(refusal(() => parseText("only-strings.bib", "@string{j = {Journal}}\n")).code).toBe("IMPORT_NO_RECORDS");
  });
});

describe("detectFormat", () => {
  it("recognises each format by content", () => {
    expect(detectFormat("\uFEFFTY  - JOUR\r\n")).toEqual({ format: "ris" });
    expect(detectFormat("% comment\n@article{x,\n")).toEqual({ format: "bibtex" });
    expect(detectFormat("{Reference Type}: Journal Article\n")).toEqual({ format: "noteexpress" });
    expect(detectFormat("%0 Journal Article\n%T 标题\n")).toEqual({ format: "endnote" });
    expect(detectFormat("RT Journal Article\nA1 张三\nT1 标题\n")).toEqual({ format: "refworks" });
    expect(detectFormat('[{"id": "a", "type": "book"}]')).toEqual({ format: "csl-json" });
    expect(detectFormat('<?xml version="1.0"?><xml><records><record>')).toEqual({ format: "endnote-xml" });
  });
});

// The full set of real exports gathered for the project, when this checkout sits beside it.
describe.skipIf(!existsSync(SHARED))("every shared real export file", () => {
  const files = existsSync(SHARED)
    ? readdirSync(SHARED, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== "big")
        .flatMap((dir) => readdirSync(path.join(SHARED, dir.name)).map((name) => path.join(dir.name, name)))
        .filter((name) => !name.endsWith(".md"))
    : [];
  it.each(files)("%s parses into records, most of them importable", (name) => {
    const file = parseImportFile(name, readFileSync(path.join(SHARED, name)));
    expect(file.records.length).toBeGreaterThan(0);
    if (!name.includes("reference_types") && !name.includes("empty_values")) {
      expect(file.records.filter((record) => !record.blocked).length).toBeGreaterThan(file.records.length / 2);
    }
  });
});
if (!existsSync(SHARED)) console.warn(`skipping the shared real-file sweep: ${SHARED} is absent`);

/** GB18030 bytes of a text holding only ASCII and the characters of these tests' Chinese sample. */
function encodeGb18030(text: string): Uint8Array {
  // Build the table by decoding every two-byte GBK code once: Node has a GB18030 decoder but no encoder.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = table.get(char);
      if (!code) throw new Error(`no GBK code for ${char}`);
      bytes.push(...code);
    }
  }
  return new Uint8Array(bytes);
}
