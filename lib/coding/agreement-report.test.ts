// Character-level agreement against a real database: two and three coders, passages placed on today's text,
// papers only one coder read left out, and refusals for bad or foreign coders.
import { accessTo } from "@/lib/testing/access";
import { beforeAll, describe, expect, it } from "vitest";
import { createItem, updateItem } from "@/lib/items/commands";
import { getItemForEdit } from "@/lib/items/queries";
import { createReviewWithTeam, createUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTheme } from "@/lib/themes/codebook";
import { agreementCsv } from "./agreement-csv";
import { loadAgreementReport } from "./agreement-report";
import { codePassage } from "./commands";
import { kappaOfTable } from "./kappa";
import { krippendorffAlphaNominal } from "./krippendorff";

let db: Awaited<ReturnType<typeof createTestDatabase>>["db"];
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let other: Awaited<ReturnType<typeof createReviewWithTeam>>;
let third: string;
let shared: string;
let pairOnly: string;
let soloPaper: string;
let resilience: string;
let integration: string;

const sharedText = "韧性治理强调在风险冲击下保持基本功能。城乡融合发展要求打破二元结构。基层治理需要党建引领。";
const pairText = "数字治理提升了公共服务的效率，也带来新的风险。";

async function code(userId: string, itemId: string, text: string, quote: string, themeIds: string[]) {
  const start = text.indexOf(quote);
  await codePassage(await accessTo(userId, team.reviewId), {
    reviewId: team.reviewId,
    itemId,
    field: "FULL_TEXT",
    start,
    end: start + quote.length,
    quote,
    themeIds,
  });
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "agree");
  other = await createReviewWithTeam(db, "agree-other");
  third = (await createUser(db, "agree-third")).id;
  await db.membership.create({ data: { reviewId: team.reviewId, userId: third, role: "EDITOR" } });
  const owner = team.users.OWNER.id;
  const editor = team.users.EDITOR.id;
  const item = async (title: string, fullText: string) =>
    (
      await createItem(await accessTo(owner, team.reviewId), {
        reviewId: team.reviewId,
        fields: { titleZh: title, fullText },
      })
    ).itemId;
  shared = await item('=HYPERLINK("x")', sharedText);
  pairOnly = await item("数字治理", pairText);
  soloPaper = await item("只有一人读过", pairText);
  resilience = (
    await createTheme(await accessTo(owner, team.reviewId), {
      reviewId: team.reviewId,
      nameZh: "韧性",
      color: "#C2410C",
    })
  ).themeId;
  integration = (
    await createTheme(await accessTo(owner, team.reviewId), {
      reviewId: team.reviewId,
      nameZh: "城乡融合",
      color: "#15803d",
    })
  ).themeId;

  // Shared paper: owner and editor overlap on resilience, agree exactly on integration.
  await code(owner, shared, sharedText, "韧性治理强调在风险冲击下", [resilience]);
  await code(editor, shared, sharedText, "在风险冲击下保持基本功能", [resilience]);
  await code(owner, shared, sharedText, "城乡融合发展要求打破二元结构", [integration]);
  await code(editor, shared, sharedText, "城乡融合发展要求打破二元结构", [integration]);
  // The third coder reads the shared paper and the pair-only paper, which the editor never opened.
  await code(third, shared, sharedText, "韧性治理强调在风险冲击下保持基本功能", [resilience]);
  await code(owner, pairOnly, pairText, "公共服务的效率", [resilience]);
  await code(third, pairOnly, pairText, "提升了公共服务的效率", [resilience]);
  // Read by one coder only: nothing to compare.
  await code(owner, soloPaper, pairText, "数字治理", [resilience]);
});

describe("character-level agreement over the whole codebook", () => {
  it("measures two coders character by character on the paper both coded", async () => {
    const report = await loadAgreementReport(await accessTo(team.users.VIEWER.id, team.reviewId), {
      coderIds: [team.users.OWNER.id, team.users.EDITOR.id],
    });
    expect(report.itemIds).toEqual([shared]);
    expect(report.coders.map((coder) => coder.id)).toEqual([team.users.OWNER.id, team.users.EDITOR.id]);
    const cell = report.cells.find((c) => c.themeId === resilience && c.itemId === shared)!;
    // "韧性治理强调在风险冲击下" (12) and "在风险冲击下保持基本功能" (12) share "在风险冲击下" (6).
    const table = { both: 6, firstOnly: 6, secondOnly: 6, neither: sharedText.length - 18 };
    expect(cell.figures.table).toEqual(table);
    expect(cell.figures.coded).toEqual([12, 12]);
    expect(cell.figures.kappa).toBeCloseTo(kappaOfTable(table).kappa!, 10);
    expect(report.cells.find((c) => c.themeId === integration)!.figures.kappa).toBe(1);
    expect(report.overall.kappa).toBeGreaterThan(kappaOfTable(table).kappa!);
    expect(report.overall.alpha).not.toBeNull();
    expect(report.unplaced).toBe(0);
  });

  it("takes a third coder with missing papers into Krippendorff's alpha and Light's kappa", async () => {
    const report = await loadAgreementReport(await accessTo(team.users.OWNER.id, team.reviewId), {
      coderIds: [team.users.OWNER.id, team.users.EDITOR.id, third],
    });
    expect(new Set(report.itemIds)).toEqual(new Set([shared, pairOnly]));
    const theme = report.themes.find((row) => row.themeId === resilience)!.figures;
    expect(theme.table).toBeNull();
    // By hand: each character of both papers, each coder's 1/0, the editor missing on the pair-only paper.
    const covered = (text: string, quote: string, at: number) =>
      at >= text.indexOf(quote) && at < text.indexOf(quote) + quote.length;
    const units = [
      ...Array.from({ length: sharedText.length }, (_, at) => ({
        values: [
          covered(sharedText, "韧性治理强调在风险冲击下", at),
          covered(sharedText, "在风险冲击下保持基本功能", at),
          covered(sharedText, "韧性治理强调在风险冲击下保持基本功能", at),
        ].map((coded) => (coded ? "1" : "0")),
      })),
      ...Array.from({ length: pairText.length }, (_, at) => ({
        values: [
          covered(pairText, "公共服务的效率", at) ? "1" : "0",
          null,
          covered(pairText, "提升了公共服务的效率", at) ? "1" : "0",
        ],
      })),
    ];
    expect(theme.alpha).toBeCloseTo(krippendorffAlphaNominal(units).alpha!, 10);
    expect(theme.coded).toEqual([12 + 7, 12, 18 + 10]);
    expect(report.cells.filter((c) => c.itemId === pairOnly).map((c) => c.themeId)).toEqual([resilience]);
  });

  it("writes the report as CSV with user-written cells neutralised", async () => {
    const report = await loadAgreementReport(await accessTo(team.users.OWNER.id, team.reviewId), {
      coderIds: [team.users.OWNER.id, team.users.EDITOR.id],
    });
    const csv = agreementCsv(
      {
        coders: report.coders,
        overall: report.overall,
        themes: report.themes.map((row) => ({ name: row.theme.nameZh ?? "", figures: row.figures })),
        cells: report.cells.map((row) => ({
          theme: row.theme.nameZh ?? "",
          paper: row.item.titleZh ?? "",
          figures: row.figures,
        })),
      },
      {
        theme: "theme",
        paper: "paper",
        characters: "characters",
        codedBy: (name) => `coded by ${name}`,
        both: "both",
        neither: "neither",
        agreement: "agreement",
        kappa: "kappa",
        alpha: "alpha",
        allThemes: "all themes",
        allPapers: "all papers",
      },
    );
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      `theme,paper,characters,coded by ${report.coders[0]!.name},coded by ${report.coders[1]!.name},both,neither,agreement,kappa,alpha`,
    );
    expect(lines[1]).toMatch(/^all themes,all papers,,,,,,0\.\d+,0\.\d+,0\.\d+$/);
    expect(lines.find((line) => line.startsWith(`韧性,"'=HYPERLINK`))).toBe(
      `韧性,"'=HYPERLINK(""x"")",${sharedText.length},12,12,6,${sharedText.length - 18},${Number(((sharedText.length - 12) / sharedText.length).toFixed(4))},${Number(report.cells[0]!.figures.kappa!.toFixed(4))},${Number(report.cells[0]!.figures.alpha!.toFixed(4))}`,
    );
  });

  it("leaves out a passage whose text was deleted, and counts it", async () => {
    const edit = await getItemForEdit(await accessTo(team.users.OWNER.id, team.reviewId), shared);
    await updateItem(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      itemId: shared,
      version: edit.version,
      fields: { ...edit.fields, fullText: sharedText.replace("城乡融合发展要求打破二元结构。", "") },
    });
    const report = await loadAgreementReport(await accessTo(team.users.OWNER.id, team.reviewId), {
      coderIds: [team.users.OWNER.id, team.users.EDITOR.id],
    });
    expect(report.unplaced).toBe(2);
    expect(report.cells.map((c) => c.themeId)).toEqual([resilience]);
  });

  it("refuses one coder, a repeated coder, a coder from another review and a reader from outside", async () => {
    const ask = async (userId: string, coderIds: string[]) =>
      loadAgreementReport(await accessTo(userId, team.reviewId), { coderIds });
    await expect(ask(team.users.OWNER.id, [team.users.OWNER.id])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(ask(team.users.OWNER.id, [third, third])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(ask(team.users.OWNER.id, [team.users.OWNER.id, other.users.EDITOR.id])).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(ask(other.users.OWNER.id, [team.users.OWNER.id, third])).rejects.toMatchObject({
      code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/),
    });
  });
});
