// Exports against a real database: the formats read back by our own importer (a round trip keeps titles,
// authors and DOIs), Chinese intact in BibTeX, the review's state in CSV, scopes, and coded passages.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { parseImportFile } from "@/lib/import/parse-file";
import { createItem } from "@/lib/items/commands";
import { EMPTY_ITEM_FIELDS, type ItemFields } from "@/lib/items/item-fields";
import { parseLibraryParams } from "@/lib/library/query";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { codingsCsv, loadCodingsForExport } from "./codings-csv";
import { CSV_COLUMNS, formatItems, itemsCsv, loadExportItems, type ExportFormat } from "./items";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
const ids: string[] = [];

const author = (nameZh: string | null, nameEn: string | null) => ({
  nameZh,
  nameEn,
  affiliations: [],
  corresponding: false,
  bio: null,
});

const PAPERS: ItemFields[] = [
  {
    ...EMPTY_ITEM_FIELDS,
    titleZh: "韧性治理：风险与应急管理的新路径",
    titleEn: "Resilient Governance: A New Path for Risk and Emergency Management",
    authors: [author("朱正威", "Zhu Zhengwei"), author("刘莹莹", null)],
    journalZh: "行政论坛",
    year: 2020,
    volume: "27",
    issue: "05",
    pages: "81-87",
    doi: "10.16637/j.cnki.23-1360/d.2020.05.009",
    keywordsZh: ["韧性治理", "应急管理"],
    abstractZh: "风险社会背景下，韧性治理为应急管理提供了新的视角。",
  },
  {
    ...EMPTY_ITEM_FIELDS,
    titleEn: "Stress and the brain-gut axis",
    authors: [author(null, "Labanski, A."), author(null, "Langhorst, J.")],
    journalEn: "Psychoneuroendocrinology",
    year: 2020,
    doi: "10.1016/j.psyneuen.2019.104501",
    keywordsEn: ["Brain-gut axis"],
  },
  {
    ...EMPTY_ITEM_FIELDS,
    titleZh: "区域化党建与基层有效治理",
    authors: [author("陈靖", null)],
    journalZh: "理论月刊",
    year: 2025,
  },
];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "ex");
  // The team fixture's own item would only add noise to the round trip.
  await db.reviewItem.update({ where: { id: team.itemId }, data: { deletedAt: new Date() } });
  for (const fields of PAPERS) {
    ids.push(
      (await createItem(await accessTo(team.users.OWNER.id, team.reviewId), { reviewId: team.reviewId, fields }))
        .itemId,
    );
  }
  const theme = await db.theme.create({
    data: { reviewId: team.reviewId, nameZh: "韧性", nameEn: "Resilience", color: "#0f766e" },
  });
  await db.itemTheme.create({ data: { itemId: ids[0]!, themeId: theme.id } });
  await db.itemAssignment.create({ data: { itemId: ids[0]!, userId: team.users.EDITOR.id } });
  await db.coding.create({
    data: {
      reviewId: team.reviewId,
      itemId: ids[0]!,
      field: "ABSTRACT_ZH",
      start: 9,
      end: 13,
      quote: "韧性治理",
      prefix: "风险社会背景下，",
      suffix: "为应急管理",
      memo: "核心概念",
      createdById: team.users.EDITOR.id,
      themes: { create: { themeId: theme.id } },
    },
  });
});

function reimport(format: Exclude<ExportFormat, "csv">, text: string) {
  const file = parseImportFile(`export.${format}`, new TextEncoder().encode(text));
  return file.records.map((record) => ({
    title: record.fields.titleZh ?? record.fields.titleEn,
    authors: record.fields.authors.map((a) => a.nameZh ?? a.nameEn),
    doi: record.fields.doi,
    year: record.fields.year,
    blocked: record.blocked,
  }));
}

const expected = [
  {
    title: "区域化党建与基层有效治理",
    authors: ["陈靖"],
    doi: null,
    year: 2025,
    blocked: false,
  },
  {
    title: "Stress and the brain-gut axis",
    authors: ["Labanski, A.", "Langhorst, J."],
    doi: "10.1016/j.psyneuen.2019.104501",
    year: 2020,
    blocked: false,
  },
  {
    title: "韧性治理：风险与应急管理的新路径",
    authors: ["朱正威", "刘莹莹"],
    doi: "10.16637/j.cnki.23-1360/d.2020.05.009",
    year: 2020,
    blocked: false,
  },
];

describe("round trips through our own importer", () => {
  it.each(["ris", "bibtex", "csl-json"] as const)("%s keeps titles, authors, years and DOIs", async (format) => {
    const items = await loadExportItems(await accessTo(team.users.VIEWER.id, team.reviewId), { kind: "all" });
    const text = formatItems(items, format);
    expect(reimport(format, text)).toEqual(expected);
  });

  it("RIS keeps journal, pages, keywords and the abstract of a Chinese item", async () => {
    const items = await loadExportItems(await accessTo(team.users.OWNER.id, team.reviewId), {
      kind: "selected",
      itemIds: [ids[0]!],
    });
    const [record] = parseImportFile("x.ris", new TextEncoder().encode(formatItems(items, "ris"))).records;
    expect(record!.fields).toMatchObject({
      journalZh: "行政论坛",
      volume: "27",
      issue: "05",
      pages: "81-87",
      keywordsZh: ["韧性治理", "应急管理"],
      abstractZh: "风险社会背景下，韧性治理为应急管理提供了新的视角。",
    });
  });

  it("BibTeX writes Chinese as Chinese and gives every entry a key", async () => {
    const items = await loadExportItems(await accessTo(team.users.OWNER.id, team.reviewId), { kind: "all" });
    const text = formatItems(items, "bibtex");
    expect(text).toContain("title = {韧性治理：风险与应急管理的新路径}");
    expect(text).not.toContain("undefined");
    expect(text.match(/^@article\{[A-Za-z]+\d{4}[a-z]*,$/gm)).toHaveLength(3);
  });
});

describe("scopes", () => {
  it("exports the selected items, or the library's filter, and nothing from another review", async () => {
    const selected = await loadExportItems(await accessTo(team.users.OWNER.id, team.reviewId), {
      kind: "selected",
      itemIds: [ids[1]!],
    });
    expect(selected.map((item) => item.id)).toEqual([ids[1]]);
    const filtered = await loadExportItems(await accessTo(team.users.OWNER.id, team.reviewId), {
      kind: "filter",
      params: parseLibraryParams({ q: "治理" }),
    });
    expect(filtered.map((item) => item.id).sort()).toEqual([ids[0], ids[2]].sort());
    const other = await createReviewWithTeam(db, "ex2");
    const foreign = await loadExportItems(await accessTo(other.users.OWNER.id, other.reviewId), {
      kind: "selected",
      itemIds: ids,
    });
    expect(foreign).toEqual([]);
    await expect(
      accessTo(other.users.OWNER.id, team.reviewId).then((access) => loadExportItems(access, { kind: "all" })),
    ).rejects.toSatisfy((error) => isAppError(error) && error.code === "NOT_FOUND");
  });
});

describe("CSV", () => {
  it("has the review's stage, themes, assignees and screening state, readable by Excel", async () => {
    const items = await loadExportItems(await accessTo(team.users.OWNER.id, team.reviewId), { kind: "all" });
    const csv = itemsCsv(items, "zh", {
      columns: Object.fromEntries(CSV_COLUMNS.map((column) => [column, column])) as Record<
        (typeof CSV_COLUMNS)[number],
        string
      >,
      screening: (state) => `state:${state}`,
      decision: (choice) => `decision:${choice}`,
    });
    expect(csv.startsWith("\uFEFFtitleZh,titleEn,itemType,authors,")).toBe(true);
    const line = csv.split("\n").find((row) => row.startsWith("韧性治理"))!;
    expect(line).toContain("朱正威; 刘莹莹");
    expect(line).toContain(team.stages[0]!.nameZh);
    expect(line).toContain("韧性");
    expect(line).toContain("ex-editor");
    expect(line).toContain("state:UNSCREENED");
  });

  it("coded passages: quote, item, field, themes, memo and coder", async () => {
    const csv = codingsCsv(await loadCodingsForExport(await accessTo(team.users.VIEWER.id, team.reviewId)), "zh", {
      columns: {
        item: "文献",
        authors: "作者",
        year: "年份",
        field: "位置",
        quote: "引文",
        themes: "主题",
        memo: "备忘",
        coder: "编码者",
        codedAt: "编码时间",
        orphaned: "失落",
      },
      field: (field) => (field === "ABSTRACT_ZH" ? "中文摘要" : field),
      yes: "是",
    });
    const [header, row] = csv.replace("\uFEFF", "").trim().split("\n");
    expect(header).toBe("文献,作者,年份,位置,引文,主题,备忘,编码者,编码时间,失落");
    expect(row).toMatch(
      /^韧性治理：风险与应急管理的新路径,朱正威; 刘莹莹,2020,中文摘要,韧性治理,韧性,核心概念,ex-editor,/,
    );
  });
});
