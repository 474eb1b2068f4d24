// Adding, editing (with the version check) and trashing items against a real database: what succeeds,
// what is refused, and that a refusal writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { getPrismaFlow } from "@/lib/screening/prisma-flow";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createItem, restoreItems, trashItems, updateItem, type EditConflict } from "./commands";
import { EMPTY_ITEM_FIELDS, MAX_AUTHORS, type ItemFields } from "./item-fields";
import { getItem, getItemForEdit, listDuplicateCandidates, listTrash } from "./queries";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "ia");
  b = await createReviewWithTeam(db, "ib");
});

const paper: ItemFields = {
  ...EMPTY_ITEM_FIELDS,
  titleZh: "韧性治理：风险与应急管理的新路径",
  authors: [
    {
      nameZh: "朱正威",
      nameEn: "Zhu Zhengwei",
      affiliations: ["西安交通大学公共政策与管理学院"],
      corresponding: true,
      bio: "教授",
    },
    { nameZh: "刘莹莹", nameEn: null, affiliations: [], corresponding: false, bio: null },
  ],
  journalZh: "行政论坛",
  year: 2020,
  volume: "27",
  issue: "05",
  pages: "81-87",
  keywordsZh: ["韧性治理", "应急管理"],
};

async function snapshot() {
  const [items, authors, changes, events] = await Promise.all([
    db.reviewItem.findMany({ orderBy: { id: "asc" } }),
    db.itemAuthor.count(),
    db.statusChange.count(),
    db.activityEvent.count(),
  ]);
  return { items, authors, changes, events };
}

describe("adding an item", () => {
  it("puts it in the first stage with its authors, history and activity", async () => {
    const { itemId } = await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: paper,
    });
    const { item } = await getItem(await accessTo(a.users.VIEWER.id, a.reviewId), itemId);
    expect(item.stageId).toBe(a.stages[0]!.id);
    expect(item.sourceKind).toBe("MANUAL");
    expect(item.authors.map((author) => author.nameZh)).toEqual(["朱正威", "刘莹莹"]);
    expect(item.authors[0]!.affiliations).toEqual(["西安交通大学公共政策与管理学院"]);
    expect(item.authors[0]!.bio).toBe("教授");
    expect(await db.statusChange.count({ where: { itemId, fromStageId: null } })).toBe(1);
    expect(await db.activityEvent.count({ where: { subjectId: itemId, kind: "item.created" } })).toBe(1);
  });

  it("normalizes what people type: DOI links, repeated keywords, blank strings", async () => {
    const { itemId } = await createItem(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: {
        titleEn: "  Resilient governance  ",
        doi: "https://doi.org/10.1234/ABC.5",
        keywordsEn: ["a", " a ", ""],
        abstractZh: "   ",
      },
    });
    const { fields } = await getItemForEdit(await accessTo(a.users.OWNER.id, a.reviewId), itemId);
    expect(fields.titleEn).toBe("Resilient governance");
    expect(fields.doi).toBe("10.1234/ABC.5");
    expect(fields.keywordsEn).toEqual(["a"]);
    expect(fields.abstractZh).toBeNull();
  });

  it("refuses an item without a title, a bad year or DOI, a nameless author, and a viewer — writing nothing", async () => {
    const before = await snapshot();
    const attempts: [string, unknown, string][] = [
      [a.users.EDITOR.id, { reviewId: a.reviewId, fields: { titleZh: " " } }, "INVALID_INPUT"],
      [a.users.EDITOR.id, { reviewId: a.reviewId, fields: { titleZh: "x", year: 20201 } }, "INVALID_INPUT"],
      [a.users.EDITOR.id, { reviewId: a.reviewId, fields: { titleZh: "x", doi: "not a doi" } }, "INVALID_INPUT"],
      [
        a.users.EDITOR.id,
        {
          reviewId: a.reviewId,
          fields: { titleZh: "x", authors: [{ nameZh: "", nameEn: null, affiliations: ["单位"] }] },
        },
        "INVALID_INPUT",
      ],
      [
        a.users.EDITOR.id,
        { reviewId: a.reviewId, fields: { titleZh: "x", dates: { received: "2020-13-45" } } },
        "INVALID_INPUT",
      ],
      [a.users.VIEWER.id, { reviewId: a.reviewId, fields: paper }, "FORBIDDEN"],
      [a.users.SUPERVISOR.id, { reviewId: a.reviewId, fields: paper }, "FORBIDDEN"],
      [b.users.OWNER.id, { reviewId: a.reviewId, fields: paper }, "NOT_FOUND"],
    ];
    for (const [userId, input, code] of attempts) {
      await expect(accessTo(userId, a.reviewId).then((access) => createItem(access, input))).rejects.toMatchObject({
        code,
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a received date after the publication date, naming the order as the problem", async () => {
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        createItem(access, {
          reviewId: a.reviewId,
          fields: { titleZh: "x", dates: { received: "2024-05-01", published: "2024-01-01" } },
        }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { "fields.dates.order": expect.any(Array) } });
  });

  it("names the fields that are wrong", async () => {
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        createItem(access, { reviewId: a.reviewId, fields: { titleZh: "x", year: "abc", doi: "1234" } }),
      ),
    ).rejects.toMatchObject({ fields: { "fields.year": expect.any(Array), "fields.doi": expect.any(Array) } });
  });
});

describe("editing an item", () => {
  it("saves every field, bumps the version and records which fields changed", async () => {
    const { itemId } = await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: paper,
    });
    const start = await getItemForEdit(await accessTo(a.users.EDITOR.id, a.reviewId), itemId);
    const edited: ItemFields = {
      ...start.fields,
      titleEn: "Resilience Governance",
      authors: [
        start.fields.authors[1]!,
        { ...start.fields.authors[0]!, affiliations: ["西安交通大学", "应急管理研究院"] },
      ],
      abstractZh: "摘要",
      identifiers: [{ type: "ISSN", value: "1005-460X" }],
      dates: { received: "2020-05-01", published: null, online: null },
      fullText: "第一段\n\n第二段",
    };
    const saved = await updateItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      version: start.version,
      fields: edited,
    });
    expect(saved.version).toBe(start.version + 1);
    expect([...saved.changed].sort()).toEqual(["abstractZh", "authors", "dates", "fullText", "identifiers", "titleEn"]);
    const after = await getItemForEdit(await accessTo(a.users.EDITOR.id, a.reviewId), itemId);
    expect(after.fields).toEqual(edited);
    // Reordering authors keeps everything each one carries, their notes included.
    expect(after.fields.authors[1]!.bio).toBe("教授");
    const event = await db.activityEvent.findFirst({ where: { subjectId: itemId, kind: "item.updated" } });
    expect((event!.data as { fields: string[] }).fields).toContain("authors");
  });

  it("saves an item with more authors than the old limit of 500, as an import keeps them, and refuses more than MAX_AUTHORS", async () => {
    const { itemId } = await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: paper,
    });
    const start = await getItemForEdit(await accessTo(a.users.EDITOR.id, a.reviewId), itemId);
    const authors = Array.from({ length: 1200 }, (_, n) => ({
      nameZh: null,
      nameEn: `Author${n + 1}, Given`,
      affiliations: [],
      corresponding: false,
      bio: null,
    }));
    const saved = await updateItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      version: start.version,
      fields: { ...start.fields, authors },
    });
    const after = await getItemForEdit(await accessTo(a.users.EDITOR.id, a.reviewId), itemId);
    expect(after.fields.authors).toHaveLength(1200);
    expect(after.fields.authors[1199]!.nameEn).toBe("Author1200, Given");
    const tooMany = Array.from({ length: MAX_AUTHORS + 1 }, (_, n) => ({ ...authors[0]!, nameEn: `A${n}` }));
    await expect(
      updateItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
        reviewId: a.reviewId,
        itemId,
        version: saved.version,
        fields: { ...after.fields, authors: tooMany },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await getItemForEdit(await accessTo(a.users.EDITOR.id, a.reviewId), itemId)).fields.authors).toHaveLength(
      1200,
    );
  });

  it("refuses the second of two saves from the same version and hands back the other person's values", async () => {
    const { itemId } = await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: paper,
    });
    const start = await getItemForEdit(await accessTo(a.users.EDITOR.id, a.reviewId), itemId);
    await updateItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      version: start.version,
      fields: { ...start.fields, pages: "81-88" },
    });
    const before = await snapshot();
    const second = updateItem(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      version: start.version,
      fields: { ...start.fields, year: 2021 },
    });
    await expect(second).rejects.toMatchObject({ code: "EDIT_CONFLICT" });
    const error = await second.catch((e: { details: EditConflict }) => e);
    const details = (error as { details: EditConflict }).details;
    expect(details.version).toBe(start.version + 1);
    expect(details.theirs.pages).toBe("81-88");
    expect(details.theirs.year).toBe(2020);
    expect(details.savedBy).toBe("ia-editor");
    expect(await snapshot()).toEqual(before);

    // Saving the merge against the version the conflict reported goes through.
    await updateItem(await accessTo(a.users.OWNER.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      version: details.version,
      fields: { ...details.theirs, year: 2021 },
    });
    const merged = await getItemForEdit(await accessTo(a.users.OWNER.id, a.reviewId), itemId);
    expect([merged.fields.pages, merged.fields.year]).toEqual(["81-88", 2021]);
  });

  it("lets a stage change happen during an edit without a conflict", async () => {
    const { itemId } = await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: paper,
    });
    const start = await getItemForEdit(await accessTo(a.users.EDITOR.id, a.reviewId), itemId);
    await db.reviewItem.update({ where: { id: itemId }, data: { stageId: a.stages[1]!.id } });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        updateItem(access, {
          reviewId: a.reviewId,
          itemId,
          version: start.version,
          fields: { ...start.fields, pages: "1" },
        }),
      ),
    ).resolves.toMatchObject({ changed: ["pages"] });
  });

  it("refuses viewers, supervisors, other reviews and trashed items, writing nothing", async () => {
    const { itemId } = await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: paper,
    });
    const start = await getItemForEdit(await accessTo(a.users.EDITOR.id, a.reviewId), itemId);
    const input = { reviewId: a.reviewId, itemId, version: start.version, fields: { ...start.fields, pages: "9" } };
    const before = await snapshot();
    await expect(
      accessTo(a.users.VIEWER.id, input.reviewId).then((access) => updateItem(access, input)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      accessTo(a.users.SUPERVISOR.id, input.reviewId).then((access) => updateItem(access, input)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      accessTo(b.users.OWNER.id, input.reviewId).then((access) => updateItem(access, input)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      accessTo(b.users.OWNER.id, b.reviewId).then((access) => updateItem(access, { ...input, reviewId: b.reviewId })),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshot()).toEqual(before);
    await trashItems(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, itemIds: [itemId] });
    await expect(
      accessTo(a.users.EDITOR.id, input.reviewId).then((access) => updateItem(access, input)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the trash", () => {
  it("hides trashed items, restores them, and counts duplicates for PRISMA", async () => {
    const kept = (
      await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
        reviewId: a.reviewId,
        fields: { ...paper, doi: "10.9999/dup.1" },
      })
    ).itemId;
    const copy = (
      await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
        reviewId: a.reviewId,
        fields: { ...paper, titleZh: "韧性治理： 风险与应急管理的新路径。", doi: null },
      })
    ).itemId;
    const candidates = await listDuplicateCandidates(await accessTo(a.users.EDITOR.id, a.reviewId), copy);
    expect(candidates[0]).toMatchObject({ likely: true });
    expect(candidates.filter((c) => c.likely).map((c) => c.id)).toContain(kept);

    const flowBefore = await getPrismaFlow(await accessTo(a.users.OWNER.id, a.reviewId));
    await trashItems(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemIds: [copy],
      duplicateOfId: kept,
    });
    const flowAfter = await getPrismaFlow(await accessTo(a.users.OWNER.id, a.reviewId));
    expect(flowAfter.duplicatesRemoved).toBe(flowBefore.duplicatesRemoved + 1);
    expect(flowAfter.identified).toBe(flowBefore.identified);

    const trash = await listTrash(await accessTo(a.users.VIEWER.id, a.reviewId));
    expect(trash.items.find((item) => item.id === copy)).toMatchObject({
      deletedBy: { name: "ia-editor" },
      duplicateOf: { id: kept },
    });
    const { item } = await getItem(await accessTo(a.users.VIEWER.id, a.reviewId), copy);
    expect(item.deletedAt).not.toBeNull();

    await restoreItems(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, itemIds: [copy] });
    expect((await getItem(await accessTo(a.users.VIEWER.id, a.reviewId), copy)).item).toMatchObject({
      deletedAt: null,
      duplicateOfId: null,
    });
    expect((await getPrismaFlow(await accessTo(a.users.OWNER.id, a.reviewId))).duplicatesRemoved).toBe(
      flowBefore.duplicatesRemoved,
    );
    const kinds = await db.activityEvent.findMany({ where: { subjectId: copy }, select: { kind: true } });
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(["item.deleted", "item.restored"]));
  });

  it("refuses a duplicate of itself, a foreign target, viewers and items already trashed — all or nothing", async () => {
    const one = (
      await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, fields: paper })
    ).itemId;
    const two = (
      await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), { reviewId: a.reviewId, fields: paper })
    ).itemId;
    const before = await snapshot();
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        trashItems(access, { reviewId: a.reviewId, itemIds: [one], duplicateOfId: one }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        trashItems(access, { reviewId: a.reviewId, itemIds: [one], duplicateOfId: b.itemId }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      accessTo(a.users.VIEWER.id, a.reviewId).then((access) =>
        trashItems(access, { reviewId: a.reviewId, itemIds: [one] }),
      ),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        trashItems(access, { reviewId: a.reviewId, itemIds: [one, b.itemId] }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        restoreItems(access, { reviewId: a.reviewId, itemIds: [two] }),
      ),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        trashItems(access, { reviewId: a.reviewId, itemIds: [] }),
      ),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("item types and contributors by role", () => {
  const thesis: ItemFields = {
    ...EMPTY_ITEM_FIELDS,
    itemType: "THESIS",
    titleZh: "面向中文信息处理的现代汉语并列结构研究",
    authors: [{ nameZh: "吴云芳", nameEn: null, affiliations: [], corresponding: false, bio: null }],
    contributors: [
      { role: "SUPERVISOR", nameZh: "俞士汶", nameEn: null },
      { role: "EDITOR", nameZh: "某编者", nameEn: null },
    ],
    genre: "博士学位论文",
    publisher: "北京大学",
    publisherPlace: "北京",
    year: 2003,
    accessedDate: "2013-10",
  };

  it("stores the type, its fields and the contributors apart from the authors", async () => {
    const { itemId } = await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: thesis,
    });
    const { item } = await getItem(await accessTo(a.users.VIEWER.id, a.reviewId), itemId);
    expect(item.itemType).toBe("THESIS");
    expect(item.authors.map((author) => author.nameZh)).toEqual(["吴云芳"]);
    expect(item.contributors.map((contributor) => [contributor.role, contributor.nameZh])).toEqual([
      ["EDITOR", "某编者"],
      ["SUPERVISOR", "俞士汶"],
    ]);
    expect(item.missingForCitation).toEqual([]);
    // A thesis has no journal to lack.
    expect(item.missing).not.toContain("journal");
    const { fields } = await getItemForEdit(await accessTo(a.users.EDITOR.id, a.reviewId), itemId);
    expect(fields).toMatchObject({ itemType: "THESIS", publisher: "北京大学", accessedDate: "2013-10" });
    expect(fields.authors).toHaveLength(1);
    expect(fields.contributors).toHaveLength(2);
  });

  it("replaces contributors without touching the authors, and authors without touching contributors", async () => {
    const { itemId } = await createItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      fields: thesis,
    });
    const first = await updateItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      version: 1,
      fields: { ...thesis, contributors: [{ role: "SUPERVISOR", nameZh: "新导师", nameEn: null }] },
    });
    expect(first.changed).toEqual(["contributors"]);
    await updateItem(await accessTo(a.users.EDITOR.id, a.reviewId), {
      reviewId: a.reviewId,
      itemId,
      version: 2,
      fields: {
        ...thesis,
        contributors: [{ role: "SUPERVISOR", nameZh: "新导师", nameEn: null }],
        authors: [{ nameZh: "吴云芳", nameEn: "Wu Yunfang", affiliations: [], corresponding: false, bio: null }],
      },
    });
    const rows = await db.itemAuthor.findMany({ where: { itemId }, orderBy: [{ role: "asc" }, { position: "asc" }] });
    expect(rows.map((row) => [row.role, row.position, row.nameZh, row.nameEn])).toEqual([
      ["AUTHOR", 0, "吴云芳", "Wu Yunfang"],
      ["SUPERVISOR", 0, "新导师", null],
    ]);
  });

  it("refuses a malformed URL or date and writes nothing", async () => {
    const before = await snapshot();
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        createItem(access, { reviewId: a.reviewId, fields: { ...thesis, url: "www.example.com" } }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      accessTo(a.users.EDITOR.id, a.reviewId).then((access) =>
        createItem(access, { reviewId: a.reviewId, fields: { ...thesis, accessedDate: "2013-13-01" } }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await snapshot()).toEqual(before);
  });
});
