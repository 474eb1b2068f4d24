// Preview and commit against a real database: duplicates against the review and within the file, one
// transaction for the chosen records, and refusals (role, bad selection, bad file, a failure midway) that
// write nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { createItem } from "@/lib/items/commands";
import { EMPTY_ITEM_FIELDS } from "@/lib/items/item-fields";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { commitImport } from "./commit";
import { MAX_IMPORT_BYTES } from "./limits";
import { previewImport } from "./preview";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;
let existingId: string;

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, "fixtures", name)));
const cnkiRis = fixture("cnki-sample.ris");

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function snapshot(reviewId: string) {
  return {
    items: await db.reviewItem.count({ where: { reviewId } }),
    authors: await db.itemAuthor.count({ where: { item: { reviewId } } }),
    changes: await db.statusChange.count({ where: { item: { reviewId } } }),
    events: await db.activityEvent.count({ where: { reviewId, kind: "items.imported" } }),
  };
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  a = await createReviewWithTeam(db, "ima");
  b = await createReviewWithTeam(db, "imb");
  ({ itemId: existingId } = await createItem(await accessTo(a.users.OWNER.id, a.reviewId), {
    reviewId: a.reviewId,
    fields: {
      ...EMPTY_ITEM_FIELDS,
      titleZh: "韧性治理: 风险与应急管理的新路径",
      year: 2020,
      authors: [{ nameZh: "朱正威", nameEn: null, affiliations: [], corresponding: false, bio: null }],
    },
  }));
});

describe("previewImport", () => {
  it("flags a record already in the review and one repeated within the file", async () => {
    const preview = await previewImport(await accessTo(a.users.EDITOR.id, a.reviewId), {
      name: "cnki.ris",
      bytes: cnkiRis,
    });
    expect(preview.format).toBe("ris");
    expect(preview.encoding).toBe("utf-8");
    expect(preview.records.map((record) => record.duplicate)).toEqual([
      expect.objectContaining({ in: "review", itemId: existingId, by: "title" }),
      null,
      null,
      expect.objectContaining({ in: "file", index: 1, by: "title", otherLine: 19 }),
    ]);
    // The other record, side by side: its title, authors and year.
    expect(preview.records[0]!.duplicate!.other).toMatchObject({
      titleZh: "韧性治理: 风险与应急管理的新路径",
      authors: ["朱正威"],
      year: 2020,
    });
    expect(preview.records[3]!.duplicate!.other).toMatchObject({ authors: ["阚道远", "杨宁"], year: 2024 });
    expect(preview.records[1]).toMatchObject({
      line: 19,
      titleZh: "区域党建一体化驱动跨域协同治理:作用机制与实践框架",
      authors: ["阚道远", "杨宁"],
      journal: "治理研究",
      year: 2024,
    });
  });

  it("ignores items in the trash when looking for duplicates", async () => {
    const other = await createReviewWithTeam(db, "imt");
    const { itemId } = await createItem(await accessTo(other.users.OWNER.id, other.reviewId), {
      reviewId: other.reviewId,
      fields: {
        ...EMPTY_ITEM_FIELDS,
        titleZh: "韧性治理：风险与应急管理的新路径",
        year: 2020,
        doi: "10.16637/j.cnki.23-1360/d.2020.05.009",
      },
    });
    const before = await previewImport(await accessTo(other.users.OWNER.id, other.reviewId), {
      name: "c.ris",
      bytes: cnkiRis,
    });
    expect(before.records[0]!.duplicate).toMatchObject({ in: "review", itemId, by: "doi" });
    await db.reviewItem.update({ where: { id: itemId }, data: { deletedAt: new Date() } });
    const after = await previewImport(await accessTo(other.users.OWNER.id, other.reviewId), {
      name: "c.ris",
      bytes: cnkiRis,
    });
    expect(after.records[0]!.duplicate).toBeNull();
  });

  it("is refused to viewers and to non-members", async () => {
    expect(
      await codeOf(
        accessTo(a.users.VIEWER.id, a.reviewId).then((access) =>
          previewImport(access, { name: "c.ris", bytes: cnkiRis }),
        ),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        accessTo(b.users.OWNER.id, a.reviewId).then((access) =>
          previewImport(access, { name: "c.ris", bytes: cnkiRis }),
        ),
      ),
    ).toBe("NOT_FOUND");
  });
});

describe("commitImport", () => {
  it("creates the chosen records as items in the first stage, with authors, history and one activity event", async () => {
    const before = await snapshot(a.reviewId);
    const result = await commitImport(
      await accessTo(a.users.EDITOR.id, a.reviewId),
      { reviewId: a.reviewId, fileName: "知网导出.ris", selected: [1, 2] },
      cnkiRis,
    );
    expect(result).toEqual({ imported: 2 });
    const after = await snapshot(a.reviewId);
    expect(after).toEqual({
      items: before.items + 2,
      authors: before.authors + 3,
      changes: before.changes + 2,
      events: before.events + 1,
    });
    const items = await db.reviewItem.findMany({
      where: { reviewId: a.reviewId, sourceFile: "知网导出.ris" },
      include: { authors: { orderBy: { position: "asc" } } },
      orderBy: { titleZh: "asc" },
    });
    expect(items.map((item) => item.titleZh)).toEqual([
      "区域党建一体化驱动跨域协同治理:作用机制与实践框架",
      '区域化党建与基层有效治理："过疏化"乡村的治理单元重构',
    ]);
    expect(items[0]).toMatchObject({
      stageId: a.stages[0]!.id,
      sourceKind: "DATABASE_EXPORT",
      sourceName: "RIS",
      sourceNote: "line 19",
      journalZh: "治理研究",
      year: 2024,
      keywordsZh: ["区域党建一体化", "跨域协同治理"],
      createdById: a.users.EDITOR.id,
    });
    expect(items[0]!.authors.map((author) => author.nameZh)).toEqual(["阚道远", "杨宁"]);
    const event = await db.activityEvent.findFirst({ where: { reviewId: a.reviewId, kind: "items.imported" } });
    expect(event?.data).toEqual({ count: 2, file: "知网导出.ris", format: "ris" });
  });

  it("writes nothing when a chosen record has errors or does not exist", async () => {
    const before = await snapshot(a.reviewId);
    const enw = fixture("cnki-sample.enw");
    expect(
      await codeOf(
        commitImport(
          await accessTo(a.users.OWNER.id, a.reviewId),
          { reviewId: a.reviewId, fileName: "c.enw", selected: [0, 3] },
          enw,
        ),
      ),
    ).toBe("IMPORT_SELECTION_INVALID");
    expect(
      await codeOf(
        commitImport(
          await accessTo(a.users.OWNER.id, a.reviewId),
          { reviewId: a.reviewId, fileName: "c.enw", selected: [0, 9] },
          enw,
        ),
      ),
    ).toBe("IMPORT_SELECTION_INVALID");
    expect(await snapshot(a.reviewId)).toEqual(before);
  });

  it("writes nothing for an empty, unknown, oversized or malformed file, or for a viewer", async () => {
    const before = await snapshot(a.reviewId);
    const commit = async (fileName: string, bytes: Uint8Array, userId = a.users.OWNER.id) =>
      codeOf(
        commitImport(await accessTo(userId, a.reviewId), { reviewId: a.reviewId, fileName, selected: [0] }, bytes),
      );
    expect(await commit("empty.ris", new Uint8Array())).toBe("IMPORT_EMPTY");
    expect(await commit("notes.txt", new TextEncoder().encode("hello\nworld\n"))).toBe("IMPORT_UNKNOWN_FORMAT");
    expect(await commit("big.ris", new Uint8Array(MAX_IMPORT_BYTES + 1))).toBe("IMPORT_TOO_LARGE");
    expect(await commit("bad.json", new TextEncoder().encode('[{"title": "x",'))).toBe("IMPORT_MALFORMED");
    expect(await commit("c.ris", cnkiRis, a.users.VIEWER.id)).toBe("FORBIDDEN");
    expect(await snapshot(a.reviewId)).toEqual(before);
  });

  it("is all or nothing: a failure after the items were inserted leaves no item behind", async () => {
    // A failure late in the transaction, after every insert: the activity event for this one file is refused.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_import_event() RETURNS trigger AS $$
      BEGIN
        IF NEW.kind = 'items.imported' AND NEW.data->>'file' = 'fails.ris' THEN
          RAISE EXCEPTION 'refused for the test';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_import_event BEFORE INSERT ON "ActivityEvent" FOR EACH ROW EXECUTE FUNCTION refuse_import_event()`,
    );
    const before = await snapshot(b.reviewId);
    await expect(
      accessTo(b.users.OWNER.id, b.reviewId).then((access) =>
        commitImport(access, { reviewId: b.reviewId, fileName: "fails.ris", selected: [0, 1, 2, 3] }, cnkiRis),
      ),
    ).rejects.toThrow(/refused for the test/);
    expect(await snapshot(b.reviewId)).toEqual(before);
  });

  it("imports more records than one insert batch holds", async () => {
    const records = Array.from(
      { length: 2_345 },
      (_, index) =>
        `TY  - JOUR\nAU  - 作者${index}\nTI  - 批量导入的第 ${index} 篇文献\nJO  - 测试学报\nPY  - ${2000 + (index % 25)}\nER  - \n`,
    ).join("\n");
    const before = await snapshot(b.reviewId);
    const result = await commitImport(
      await accessTo(b.users.EDITOR.id, b.reviewId),
      { reviewId: b.reviewId, fileName: "many.ris", selected: Array.from({ length: 2_345 }, (_, index) => index) },
      new TextEncoder().encode(records),
    );
    expect(result.imported).toBe(2_345);
    const after = await snapshot(b.reviewId);
    expect(after.items - before.items).toBe(2_345);
    expect(after.authors - before.authors).toBe(2_345);
  });
});
