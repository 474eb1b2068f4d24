import { describe, expect, it } from "vitest";
import {
  CODEBOOK_PALETTE,
  codebookGuid,
  codebookToCsv,
  codebookToQdc,
  parseCodebookCsv,
  parseQdc,
  type CodebookProblem,
  type CodebookTheme,
} from "./codebook-exchange";

/** Most tests check lines and messages; the kinds the interface translates are checked once, below. */
const withoutKind = ({ kind: _kind, detail: _detail, ...rest }: CodebookProblem) => rest;

const HEADER = "name_zh,name_en,color,definition_zh,definition_en,inclusion_notes,parent_name_zh";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function theme(overrides: Partial<CodebookTheme> & Pick<CodebookTheme, "key" | "nameZh">): CodebookTheme {
  return {
    nameEn: null,
    color: "#0f766e",
    definitionZh: null,
    definitionEn: null,
    inclusionNotes: null,
    parentKey: null,
    ...overrides,
  };
}

// The child comes first on purpose: exports must still put the parent ahead of it.
const SAMPLE: CodebookTheme[] = [
  theme({
    key: "db-child",
    nameZh: '社区参与，"自下而上"',
    nameEn: "Community participation, bottom-up",
    color: "#1d4ed8",
    definitionZh: "居民参与决策。\n第二行：包括听证会",
    definitionEn: 'Residents take part in "decisions",\nincluding hearings',
    inclusionNotes: "Only empirical studies, not essays",
    parentKey: "db-parent",
  }),
  theme({
    key: "db-parent",
    nameZh: "韧性治理",
    nameEn: "Resilience governance",
    color: "#c2410c",
    definitionZh: "城市应对冲击的治理能力",
  }),
  theme({ key: "db-other", nameZh: "A & B <测试>", color: "#7e22ce", inclusionNotes: "Inclusion: nested marker" }),
];

/** What the themes look like once a file has re-keyed them; sorted so the comparison ignores file order. */
function rekeyed(themes: CodebookTheme[], keyOf: (theme: CodebookTheme) => string): CodebookTheme[] {
  const byKey = new Map(themes.map((t) => [t.key, t]));
  return themes
    .map((t) => {
      const parent = t.parentKey !== null ? byKey.get(t.parentKey) : undefined;
      return { ...t, key: keyOf(t), parentKey: parent ? keyOf(parent) : null };
    })
    .sort((a, b) => a.nameZh.localeCompare(b.nameZh));
}

function sortedByName(themes: CodebookTheme[]): CodebookTheme[] {
  return [...themes].sort((a, b) => a.nameZh.localeCompare(b.nameZh));
}

describe("codebookToCsv", () => {
  it("writes a BOM, the fixed header, CRLF rows and parents before children", () => {
    const csv = codebookToCsv(SAMPLE);
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.indexOf("韧性治理,Resilience governance")).toBeLessThan(csv.indexOf("社区参与"));
    expect(csv).toContain('"社区参与，""自下而上"""');
    expect(csv).toContain('"Community participation, bottom-up"');
    expect(csv).toContain('"居民参与决策。\n第二行：包括听证会"');
    // Null cells stay empty and the parent is named by its Chinese name.
    expect(csv).toContain("\r\nA & B <测试>,,#7e22ce,,,Inclusion: nested marker,\r\n");
    expect(csv).toMatch(/,韧性治理\r\n/);
  });

  it("keeps the given order for themes that are not waiting on a parent", () => {
    const themes = [
      theme({ key: "1", nameZh: "甲" }),
      theme({ key: "2", nameZh: "乙" }),
      theme({ key: "3", nameZh: "丙" }),
    ];
    const lines = codebookToCsv(themes).split("\r\n");
    expect(lines.slice(1, 4).map((line) => line.split(",")[0])).toEqual(["甲", "乙", "丙"]);
  });
});

describe("parseCodebookCsv", () => {
  it("round-trips an export", () => {
    const parsed = parseCodebookCsv(codebookToCsv(SAMPLE));
    expect(parsed.problems).toEqual([]);
    expect(sortedByName(parsed.themes)).toEqual(rekeyed(SAMPLE, (t) => t.nameZh));
    expect(parsed.themes.map((t) => t.nameZh)).toEqual(["韧性治理", '社区参与，"自下而上"', "A & B <测试>"]);
  });

  it("reads BOM + CRLF files and plain LF files alike", () => {
    const body = [HEADER, "韧性,Resilience,#C2410C,定义,,,", "子主题,,#0F766E,,,,韧性", ""];
    const crlf = parseCodebookCsv(`\uFEFF${body.join("\r\n")}`);
    const lf = parseCodebookCsv(body.join("\n"));
    expect(crlf.problems).toEqual([]);
    expect(crlf).toEqual(lf);
    expect(crlf.themes).toEqual([
      theme({ key: "韧性", nameZh: "韧性", nameEn: "Resilience", color: "#c2410c", definitionZh: "定义" }),
      theme({ key: "子主题", nameZh: "子主题", color: "#0f766e", parentKey: "韧性" }),
    ]);
  });

  it("accepts headers in any order and case, with optional columns left out", () => {
    const csv = ["PARENT_NAME_ZH, Name_ZH ,Name_En", ",  甲  ,A", "甲,乙,", "甲,丙,C", "乙,丁,"].join("\r\n");
    const parsed = parseCodebookCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.themes).toEqual([
      theme({ key: "甲", nameZh: "甲", nameEn: "A", color: CODEBOOK_PALETTE[0] }),
      theme({ key: "乙", nameZh: "乙", color: CODEBOOK_PALETTE[1], parentKey: "甲" }),
      theme({ key: "丙", nameZh: "丙", nameEn: "C", color: CODEBOOK_PALETTE[2], parentKey: "甲" }),
      theme({ key: "丁", nameZh: "丁", color: CODEBOOK_PALETTE[3], parentKey: "乙" }),
    ]);
  });

  it("cycles through the palette for rows without a colour", () => {
    const rows = Array.from({ length: 10 }, (_, i) => `主题${i}`);
    const parsed = parseCodebookCsv(["name_zh", ...rows].join("\n"));
    expect(new Set(CODEBOOK_PALETTE).size).toBe(8);
    expect(parsed.themes.map((t) => t.color)).toEqual([...CODEBOOK_PALETTE, CODEBOOK_PALETTE[0], CODEBOOK_PALETTE[1]]);
  });

  it("matches parent names case-insensitively and ignores blank lines", () => {
    const parsed = parseCodebookCsv("name_zh,parent_name_zh\nHealth,\n\n, \nSub, health \n");
    expect(parsed.problems).toEqual([]);
    expect(parsed.themes.map((t) => [t.nameZh, t.parentKey])).toEqual([
      ["Health", null],
      ["Sub", "Health"],
    ]);
  });

  it("reports a blank name on its line", () => {
    const parsed = parseCodebookCsv(`${HEADER}\n甲,,,,,,\n  ,B,,,,,\n`);
    expect(parsed.problems.map(withoutKind)).toEqual([{ line: 3, field: "name_zh", message: "name_zh is empty" }]);
    expect(parsed.themes.map((t) => t.nameZh)).toEqual(["甲"]);
  });

  it("reports a duplicate name (trimmed, any case) on the later row", () => {
    const parsed = parseCodebookCsv("name_zh,name_en\nTrust,a\n乙,b\n  trust ,c\n");
    expect(parsed.problems.map(withoutKind)).toEqual([
      { line: 4, field: "name_zh", message: 'duplicate name "trust" (first on line 2)' },
    ]);
    expect(parsed.themes.map((t) => t.nameEn)).toEqual(["a", "b"]);
  });

  it("reports an unknown parent", () => {
    const parsed = parseCodebookCsv("name_zh,parent_name_zh\n甲,\n乙,不存在\n");
    expect(parsed.problems.map(withoutKind)).toEqual([
      { line: 3, field: "parent_name_zh", message: 'parent "不存在" is not a theme in this file' },
    ]);
    expect(parsed.themes.map((t) => t.nameZh)).toEqual(["甲"]);
  });

  it("reports a bad colour and leaves out its children without blaming them", () => {
    const parsed = parseCodebookCsv("name_zh,color,parent_name_zh\n甲,#12345,\n乙,#abcdef,甲\n丙,red,\n丁,#ABCDEF,\n");
    expect(parsed.problems.map(withoutKind)).toEqual([
      { line: 2, field: "color", message: "colour must be #rrggbb" },
      { line: 4, field: "color", message: "colour must be #rrggbb" },
    ]);
    expect(parsed.themes).toEqual([theme({ key: "丁", nameZh: "丁", color: "#abcdef" })]);
  });

  it("reports parent cycles once, on the last row of the cycle, and self-parenting", () => {
    const parsed = parseCodebookCsv("name_zh,parent_name_zh\n甲,丙\n乙,甲\n丙,乙\n丁,丁\n戊,\n己,乙\n");
    expect(parsed.problems.map(withoutKind)).toEqual([
      { line: 4, field: "parent_name_zh", message: "parent links form a cycle: 甲 → 丙 → 乙 → 甲" },
      { line: 5, field: "parent_name_zh", message: "a theme cannot be its own parent" },
    ]);
    expect(parsed.themes.map((t) => t.nameZh)).toEqual(["戊"]);
  });

  it("counts file lines, not records, when cells span lines", () => {
    const parsed = parseCodebookCsv(`${HEADER}\r\n甲,,,"第一行\r\n第二行\r\n第三行",,,\r\n乙,,bad,,,,\r\n`);
    expect(parsed.problems.map(withoutKind)).toEqual([{ line: 5, field: "color", message: "colour must be #rrggbb" }]);
    expect(parsed.themes[0]?.definitionZh).toBe("第一行\n第二行\n第三行");
  });

  it("refuses a file with an unclosed quote, pointing at the row where it opens", () => {
    const parsed = parseCodebookCsv('name_zh,definition_zh\n甲,ok\n乙,"never closed\n丙,x\n');
    expect(parsed).toEqual({
      themes: [],
      problems: [{ line: 3, field: "file", kind: "unclosedQuote", message: "unclosed quote" }],
    });
  });

  it("refuses other malformed quoting with the parser's line", () => {
    const parsed = parseCodebookCsv('name_zh,definition_zh\n甲,"closed"then text\n');
    expect(parsed.themes).toEqual([]);
    expect(parsed.problems.map(withoutKind)).toEqual([
      { line: 2, field: "file", message: "unexpected text after a closing quote" },
    ]);
  });

  it("refuses an empty file", () => {
    for (const text of ["", "\uFEFF", "\r\n\r\n", " , \n"]) {
      expect(parseCodebookCsv(text)).toEqual({
        themes: [],
        problems: [{ line: null, field: "file", kind: "emptyFile", message: "the file is empty" }],
      });
    }
  });

  it("refuses a header without name_zh", () => {
    expect(parseCodebookCsv("name,color\n甲,#000000\n")).toEqual({
      themes: [],
      problems: [{ line: 1, field: "file", kind: "noNameColumn", message: "no name_zh column in the header" }],
    });
  });

  it("flags a header with no rows under it", () => {
    expect(parseCodebookCsv(`${HEADER}\r\n`).problems.map(withoutKind)).toEqual([
      { line: 1, field: "file", message: "the file has no themes" },
    ]);
  });
});

describe("codebookToQdc", () => {
  it("writes a REFI-QDA codebook with nested codes, uppercase colours and escaped text", () => {
    const xml = codebookToQdc(SAMPLE);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Huitong">');
    expect(xml).toContain("<Sets/>");
    expect(xml).toContain(
      `<Code guid="${codebookGuid("db-parent")}" name="韧性治理" isCodable="true" color="#C2410C">`,
    );
    expect(xml).toContain('name="A &amp; B &lt;测试&gt;"');
    expect(xml).toContain('name="社区参与，&quot;自下而上&quot;"');
    // The child sits inside its parent's element.
    const parentStart = xml.indexOf('name="韧性治理"');
    const childStart = xml.indexOf('name="社区参与');
    const parentEnd = xml.indexOf("</Code>", parentStart);
    expect(childStart).toBeGreaterThan(parentStart);
    expect(childStart).toBeLessThan(parentEnd);
    expect(xml).toContain(
      [
        "<Description>居民参与决策。",
        "第二行：包括听证会",
        "English name: Community participation, bottom-up",
        "English definition: Residents take part in &quot;decisions&quot;,",
        "including hearings",
        "Inclusion: Only empirical studies, not essays</Description>",
      ].join("\n"),
    );
  });

  it("derives stable version-5 guids from keys", () => {
    expect(codebookGuid("db-parent")).toMatch(UUID);
    expect(codebookGuid("db-parent")).toBe(codebookGuid("db-parent"));
    expect(codebookGuid("db-parent")).not.toBe(codebookGuid("db-child"));
    expect(codebookToQdc(SAMPLE)).toBe(codebookToQdc(SAMPLE));
    const guids = [...codebookToQdc(SAMPLE).matchAll(/guid="([^"]+)"/g)].map((match) => match[1]);
    expect(guids).toHaveLength(3);
    for (const guid of guids) expect(guid).toMatch(UUID);
  });

  it("writes an empty codebook", () => {
    expect(parseQdc(codebookToQdc([])).problems.map(withoutKind)).toEqual([
      { line: null, field: "file", message: "the file has no codes" },
    ]);
  });
});

describe("parseQdc", () => {
  it("round-trips an export, keyed by guid", () => {
    const parsed = parseQdc(codebookToQdc(SAMPLE));
    expect(parsed.problems).toEqual([]);
    expect(sortedByName(parsed.themes)).toEqual(rekeyed(SAMPLE, (t) => codebookGuid(t.key)));
  });

  it("reads an NVivo-style codebook with a namespace prefix and deep nesting", () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:1.0" origin="NVivo 14">
  <qdc:Codes>
    <qdc:Code guid="A1B2C3D4-0000-4000-8000-000000000001" name="Governance" isCodable="true" color="#FF8000">
      <qdc:Description>How decisions get made</qdc:Description>
      <qdc:Code guid="A1B2C3D4-0000-4000-8000-000000000002" name="Participation" isCodable="false">
        <qdc:Code guid="A1B2C3D4-0000-4000-8000-000000000003" name="Hearings &#x542C;&#35777;" isCodable="true" color="#00aa00">
          <qdc:Description><![CDATA[Public hearings & town halls]]></qdc:Description>
        </qdc:Code>
      </qdc:Code>
    </qdc:Code>
    <!-- a comment between codes -->
    <qdc:Code guid="A1B2C3D4-0000-4000-8000-000000000004" name="Trust" isCodable="true"/>
  </qdc:Codes>
  <qdc:Sets/>
</qdc:CodeBook>`;
    const parsed = parseQdc(xml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.themes).toEqual([
      theme({
        key: "A1B2C3D4-0000-4000-8000-000000000001",
        nameZh: "Governance",
        color: "#ff8000",
        definitionZh: "How decisions get made",
      }),
      theme({
        key: "A1B2C3D4-0000-4000-8000-000000000002",
        nameZh: "Participation",
        color: CODEBOOK_PALETTE[1],
        parentKey: "A1B2C3D4-0000-4000-8000-000000000001",
      }),
      theme({
        key: "A1B2C3D4-0000-4000-8000-000000000003",
        nameZh: "Hearings 听证",
        color: "#00aa00",
        definitionZh: "Public hearings & town halls",
        parentKey: "A1B2C3D4-0000-4000-8000-000000000002",
      }),
      theme({ key: "A1B2C3D4-0000-4000-8000-000000000004", nameZh: "Trust", color: CODEBOOK_PALETTE[3] }),
    ]);
  });

  it("splits the description lines this module writes, even when written by hand", () => {
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
      <Code guid="g1" name="信任" color="#abc">
        <Description>对机构的信任
English name: Trust
Inclusion: 实证研究
Inclusion: 第二条</Description>
      </Code>
      <Code guid="g2" name="其他"><Description>English definition: Only English</Description></Code>
    </Codes></CodeBook>`;
    const parsed = parseQdc(xml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.themes[0]).toMatchObject({
      color: "#aabbcc",
      definitionZh: "对机构的信任",
      nameEn: "Trust",
      definitionEn: null,
      inclusionNotes: "实证研究\nInclusion: 第二条",
    });
    expect(parsed.themes[1]).toMatchObject({ definitionZh: null, nameEn: null, definitionEn: "Only English" });
  });

  it("makes keys from the path when codes have no guid", () => {
    const parsed = parseQdc(
      '<CodeBook><Codes><Code name="a"/><Code name="b"><Code name="c"/></Code></Codes></CodeBook>',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.themes.map((t) => [t.key, t.nameZh, t.parentKey])).toEqual([
      ["path:0", "a", null],
      ["path:1", "b", null],
      ["path:1.0", "c", "path:1"],
    ]);
  });

  it("refuses text that is not XML", () => {
    const parsed = parseQdc("name_zh,color\n甲,#000000\n");
    expect(parsed.themes).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ field: "file", line: 1 });
    expect(parsed.problems[0]?.message).toMatch(/^not valid XML/);
  });

  it("refuses broken XML with the line of the fault", () => {
    const parsed = parseQdc('<CodeBook>\n<Codes>\n<Code name="a">\n</Codes>\n</CodeBook>');
    expect(parsed.themes).toEqual([]);
    expect(parsed.problems[0]).toMatchObject({ field: "file", line: 4 });
  });

  it("refuses an empty file", () => {
    expect(parseQdc("  \n")).toEqual({
      themes: [],
      problems: [{ line: null, field: "file", kind: "emptyFile", message: "the file is empty" }],
    });
  });

  it("refuses a document whose root is not CodeBook", () => {
    expect(parseQdc('<?xml version="1.0"?><Project><CodeBook><Codes/></CodeBook></Project>')).toEqual({
      themes: [],
      problems: [
        { line: null, field: "file", kind: "notCodebook", message: "root element is <Project>, expected <CodeBook>" },
      ],
    });
  });

  it("refuses a codebook without Codes", () => {
    expect(parseQdc('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Sets/></CodeBook>').problems.map(withoutKind)).toEqual(
      [{ line: null, field: "file", message: "no <Codes> element" }],
    );
  });

  it("reports a nameless code and leaves out its children", () => {
    const xml = [
      "<CodeBook><Codes>",
      '<Code guid="g1" name="甲"/>',
      '<Code guid="g2" name="  ">',
      '  <Code guid="g3" name="乙"/>',
      "</Code>",
      "</Codes></CodeBook>",
    ].join("\n");
    const parsed = parseQdc(xml);
    expect(parsed.problems.map(withoutKind)).toEqual([{ line: 3, field: "name", message: "code has no name" }]);
    expect(parsed.themes.map((t) => t.nameZh)).toEqual(["甲"]);
  });

  it("reports duplicate names case-insensitively, wherever they are nested", () => {
    const xml = [
      "<CodeBook><Codes>",
      '<Code guid="g1" name="Trust"><Code guid="g2" name="其他"/></Code>',
      '<Code guid="g3" name="Policy">',
      '  <Code guid="g4" name="trust"/>',
      "</Code>",
      '<Code guid="g1" name="Unique"/>',
      "</Codes></CodeBook>",
    ].join("\n");
    const parsed = parseQdc(xml);
    expect(parsed.problems.map(withoutKind)).toEqual([
      { line: 4, field: "name", message: 'duplicate name "trust" (first on line 2)' },
      { line: 6, field: "guid", message: 'duplicate guid "g1"' },
    ]);
    expect(parsed.themes.map((t) => t.nameZh)).toEqual(["Trust", "其他", "Policy"]);
  });
});

describe("importing under existing themes", () => {
  it("accepts a parent the review already has", () => {
    const parsed = parseCodebookCsv("name_zh,parent_name_zh\n网格治理,基层韧性\n", (name) =>
      name === "基层韧性" ? "existing-id" : null,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.themes).toEqual([expect.objectContaining({ nameZh: "网格治理", parentKey: "existing-id" })]);
  });
});

describe("problem kinds", () => {
  it("name what is wrong so the interface can say it in the reader's language", () => {
    const parsed = parseCodebookCsv("name_zh,color,parent_name_zh\n,#123456,\n甲,#12345,\n乙,,丙\n甲,,\n");
    expect(parsed.problems.map((problem) => [problem.line, problem.kind, problem.detail])).toEqual([
      [2, "blankName", undefined],
      [3, "badColour", undefined],
      [4, "unknownParent", "丙"],
      [5, "duplicateName", "甲"],
    ]);
    expect(parseQdc("<Other/>").problems[0]!.kind).toBe("notCodebook");
    expect(parseQdc("not xml").problems[0]!.kind).toBe("notXml");
  });
});
