// Bulk attach against a real PostgreSQL: files matched to items by title, an unmatched one offered as a new
// item with the PDF's title, everything written in one go on confirmation — or nothing when a choice is bad.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { createReviewIn } from "@/lib/reviews/commands";
import { createTestDatabase } from "@/lib/testing/test-database";
import { confirmBulkAttach, stageUpload, type StagedFile } from "./bulk";
import { DiskFileStore, useFileStore } from "./store";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let reviewId: string;
let owner: string;
let itemId: string;
const fixtures = path.resolve(import.meta.dirname, "fixtures");

function upload(name: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "huitong-upload-")), name);
  copyFileSync(path.join(fixtures, name), file);
  return file;
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  const filesRoot = mkdtempSync(path.join(tmpdir(), "huitong-files-"));
  process.env.HUITONG_FILES_DIR = filesRoot;
  useFileStore(new DiskFileStore(filesRoot));
  owner = (await db.user.create({ data: { email: "bulk@example.org", name: "Bulk", passwordHash: "!" } })).id;
  reviewId = (await db.$transaction((tx) => createReviewIn(tx, owner, { titleZh: "批量", titleEn: null }))).id;
  const stage = await db.reviewStage.findFirstOrThrow({ where: { reviewId }, orderBy: { position: "asc" } });
  itemId = (
    await db.reviewItem.create({
      data: {
        reviewId,
        stageId: stage.id,
        titleZh: "区域化党建引领县域内城乡融合发展的行动策略",
        sourceKind: "MANUAL",
      },
    })
  ).id;
}, 60_000);

describe("bulk attach", () => {
  let chinese: StagedFile;
  let english: StagedFile;

  it("matches a file to its item by title and offers an unmatched one as a new item", async () => {
    chinese = await stageUpload(await accessTo(owner, reviewId), upload("zh-two-column.pdf"), "zh.pdf");
    english = await stageUpload(await accessTo(owner, reviewId), upload("en-hyphenated.pdf"), "en.pdf");
    expect(chinese.match).toEqual({ itemId, by: "title" });
    expect(english.match).toBeNull();
    expect(english.metadata.title).toBe("Regional Party Building and Coordinated Urban-Rural Development");
    // Staged only: nothing in the review yet.
    expect(await db.itemFile.count()).toBe(0);
  }, 120_000);

  it("writes nothing when one choice is bad", async () => {
    const items = await db.reviewItem.count();
    const error = await confirmBulkAttach(await accessTo(owner, reviewId), {
      reviewId,
      entries: [
        { kind: "create", token: english.token, title: english.metadata.title },
        { kind: "attach", token: chinese.token, itemId: "no-such-item" },
      ],
    }).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe("NOT_FOUND");
    expect(await db.reviewItem.count()).toBe(items);
    expect(await db.itemFile.count()).toBe(0);
    expect(await db.fileBlob.count()).toBe(0);
  });

  it("attaches and creates in one go on confirmation", async () => {
    const result = await confirmBulkAttach(await accessTo(owner, reviewId), {
      reviewId,
      entries: [
        { kind: "attach", token: chinese.token, itemId },
        { kind: "create", token: english.token, title: english.metadata.title },
      ],
    });
    expect(result).toEqual({ attached: 2, created: 1 });
    const created = await db.reviewItem.findFirstOrThrow({ where: { reviewId, titleEn: english.metadata.title } });
    expect(await db.itemFile.findMany({ where: { reviewId }, select: { itemId: true, isMain: true } })).toEqual(
      expect.arrayContaining([
        { itemId, isMain: true },
        { itemId: created.id, isMain: true },
      ]),
    );
    // A token is used once.
    const again = await confirmBulkAttach(await accessTo(owner, reviewId), {
      reviewId,
      entries: [{ kind: "attach", token: chinese.token, itemId }],
    }).catch((caught: unknown) => caught);
    expect(isAppError(again) && again.code).toBe("NOT_FOUND");
  });
});
