// The library query against a real database: each filter, sorting, paging, free text in Chinese, select-all.
import { beforeAll, describe, expect, it } from "vitest";
import { assignItems } from "@/lib/assignments/commands";
import type { Database } from "@/lib/db/client";
import { runDueJobs } from "@/lib/jobs/worker";
import { searchIndexJob } from "@/lib/search/jobs";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { tagItems } from "@/lib/themes/commands";
import { libraryQueryString, listLibraryPage, parseLibraryParams, resolveLibraryIds } from "./query";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let url: string;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;
let other: Awaited<ReturnType<typeof createReviewWithTeam>>;
let themeId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  team = await createReviewWithTeam(db, "lib");
  other = await createReviewWithTeam(db, "other");
  await db.reviewItem.delete({ where: { id: team.itemId } });
  const rows = [
    {
      key: "a",
      titleZh: "城乡融合与基层治理",
      year: 2021,
      journalZh: "政治学研究",
      keywordsZh: ["韧性治理"],
      author: "王晓",
    },
    {
      key: "b",
      titleZh: "区域化党建",
      titleEn: "Regional Party Building",
      year: 2024,
      journalZh: "治理研究",
      author: "李明",
    },
    { key: "c", titleZh: null, titleEn: "Resilient Communities", year: null, journalEn: "Urban Studies", author: null },
    { key: "d", titleZh: "跨域协同", year: 2019, journalZh: "政治学研究", keywordsZh: ["跨域治理"], author: "张三" },
  ];
  for (const [index, row] of rows.entries()) {
    const item = await db.reviewItem.create({
      data: {
        reviewId: team.reviewId,
        stageId: team.stages[index % 2]!.id,
        titleZh: row.titleZh,
        titleEn: row.titleEn ?? null,
        year: row.year,
        journalZh: row.journalZh ?? null,
        journalEn: row.journalEn ?? null,
        keywordsZh: row.keywordsZh ?? [],
        sourceKind: "MANUAL",
        createdAt: new Date(Date.UTC(2026, 0, index + 1)),
        authors: row.author ? { create: { position: 0, nameZh: row.author } } : undefined,
      },
    });
    ids[row.key] = item.id;
  }
  themeId = (await db.theme.create({ data: { reviewId: team.reviewId, nameZh: "韧性", color: "#0f766e" } })).id;
});

const page = async (raw: Record<string, string>) =>
  listLibraryPage(await accessTo(team.users.VIEWER.id, team.reviewId), parseLibraryParams(raw));
const titles = async (raw: Record<string, string>) => (await page(raw)).items.map((item) => item.id);

describe("library query", () => {
  it("pages newest first by default and counts everything", async () => {
    const result = await page({});
    expect(result.total).toBe(4);
    expect(result.items.map((i) => i.id)).toEqual([ids.d, ids.c, ids.b, ids.a]);
  });

  it("finds free text in titles, journals, keywords and author names, in Chinese and English", async () => {
    expect(await titles({ q: "治理" })).toEqual(expect.arrayContaining([ids.a, ids.b, ids.d]));
    expect(await titles({ q: "治理" })).toHaveLength(3);
    expect(await titles({ q: "resilient" })).toEqual([ids.c]);
    expect(await titles({ q: "李明" })).toEqual([ids.b]);
    expect(await titles({ q: "100%_" })).toEqual([]);
  });

  it("folds traditional characters, full width and pinyin names through the search index", async () => {
    await runDueJobs(url, db, [searchIndexJob]);
    expect(await titles({ q: "城鄉融合" })).toEqual([ids.a]);
    expect(await titles({ q: "韌性" })).toEqual([ids.a]);
    expect(await titles({ q: "ＲＥＳＩＬＩＥＮＴ" })).toEqual([ids.c]);
    expect(await titles({ q: "li ming" })).toEqual([ids.b]);
  });

  it("filters by stage, year range, journal, missing field, screening state, theme and assignee", async () => {
    expect(await titles({ stage: team.stages[1]!.id })).toEqual([ids.d, ids.b]);
    expect(await titles({ yearFrom: "2020", yearTo: "2023" })).toEqual([ids.a]);
    expect(await titles({ journal: "政治学" })).toEqual([ids.d, ids.a]);
    expect(await titles({ missing: "authors" })).toEqual([ids.c]);
    expect(await titles({ missing: "year" })).toEqual([ids.c]);
    expect(await titles({ screening: "CONFLICT" })).toEqual([]);
    await tagItems(await accessTo(team.users.EDITOR.id, team.reviewId), {
      reviewId: team.reviewId,
      itemIds: [ids.a!],
      themeIds: [themeId],
      mode: "add",
    });
    expect(await titles({ theme: themeId })).toEqual([ids.a]);
    await assignItems(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      itemIds: [ids.b!],
      userIds: [team.users.EDITOR.id],
      mode: "add",
    });
    expect(await titles({ assignee: team.users.EDITOR.id })).toEqual([ids.b]);
    expect(
      (
        await listLibraryPage(
          await accessTo(team.users.EDITOR.id, team.reviewId),
          parseLibraryParams({ assignee: "me" }),
        )
      ).items.map((i) => i.id),
    ).toEqual([ids.b]);
    expect(await titles({ assignee: "none" })).toHaveLength(3);
  });

  it("sorts by year with missing years last, and pages", async () => {
    expect(await titles({ sort: "year", dir: "asc" })).toEqual([ids.d, ids.a, ids.b, ids.c]);
    expect(await titles({ sort: "year", dir: "desc" })).toEqual([ids.b, ids.a, ids.d, ids.c]);
    const rest = await page({ sort: "year", dir: "asc", size: "50", page: "9" });
    expect(rest.page).toBe(1);
  });

  it("ignores malformed parameters instead of failing", async () => {
    const params = parseLibraryParams({
      sort: "drop table",
      size: "7",
      page: "-3",
      yearFrom: "abc",
      screening: "NOPE",
    });
    expect(params).toMatchObject({ sort: "added", size: 50, page: 1, yearFrom: undefined, screening: undefined });
    expect(libraryQueryString({ ...params, q: "治理" })).toBe(`?q=${encodeURIComponent("治理")}`);
  });

  it("resolves every matching id for select-all, and nothing for outsiders", async () => {
    expect(
      await resolveLibraryIds(await accessTo(team.users.EDITOR.id, team.reviewId), parseLibraryParams({ q: "治理" })),
    ).toHaveLength(3);
    await expect(
      accessTo(other.users.OWNER.id, team.reviewId).then((access) => resolveLibraryIds(access, parseLibraryParams({}))),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("tagging items", () => {
  it("refuses viewers, foreign themes and foreign items, changing nothing", async () => {
    const before = await db.itemTheme.count();
    const foreignTheme = await db.theme.create({
      data: { reviewId: other.reviewId, nameZh: "外部", color: "#000000" },
    });
    await expect(
      tagItems(await accessTo(team.users.VIEWER.id, team.reviewId), {
        reviewId: team.reviewId,
        itemIds: [ids.b!],
        themeIds: [themeId],
        mode: "add",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      tagItems(await accessTo(team.users.OWNER.id, team.reviewId), {
        reviewId: team.reviewId,
        itemIds: [ids.b!],
        themeIds: [foreignTheme.id],
        mode: "add",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      tagItems(await accessTo(team.users.OWNER.id, team.reviewId), {
        reviewId: team.reviewId,
        itemIds: [other.itemId],
        themeIds: [themeId],
        mode: "add",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.itemTheme.count()).toBe(before);
    const removed = await tagItems(await accessTo(team.users.OWNER.id, team.reviewId), {
      reviewId: team.reviewId,
      itemIds: [ids.a!],
      themeIds: [themeId],
      mode: "remove",
    });
    expect(removed).toEqual({ changed: 1 });
  });
});

describe("library params", () => {
  it("read a reversed year range as the years between", () => {
    expect(parseLibraryParams({ yearFrom: "2030", yearTo: "2000" })).toMatchObject({ yearFrom: 2000, yearTo: 2030 });
    expect(parseLibraryParams({ yearFrom: "2010" }).yearTo).toBeUndefined();
  });
});
