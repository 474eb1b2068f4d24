// The backup zip with attached PDFs: export, restore into a new review with its files, a tampered file refused
// with nothing written, and the plain JSON of older backups still restoring.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { attachFile } from "@/lib/files/commands";
import { DiskFileStore, useFileStore } from "@/lib/files/store";
import { createTestDatabase } from "@/lib/testing/test-database";
import { DEMO_REVIEW_KEY, seedDemo } from "@/seeds/seed";
import { exportBackupZip, restoreBackupUpload } from "./backup-zip";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let reviewId: string;
let owner: string;
let store: DiskFileStore;
let sha256: string;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  store = new DiskFileStore(mkdtempSync(path.join(tmpdir(), "huitong-files-")));
  useFileStore(store);
  await seedDemo(db);
  reviewId = (await db.review.findUniqueOrThrow({ where: { seedKey: DEMO_REVIEW_KEY } })).id;
  owner = (await db.membership.findFirstOrThrow({ where: { reviewId, role: "OWNER" } })).userId;
  const item = await db.reviewItem.findFirstOrThrow({ where: { reviewId }, orderBy: { seedKey: "asc" } });
  const upload = path.join(mkdtempSync(path.join(tmpdir(), "huitong-upload-")), "paper.pdf");
  copyFileSync(path.resolve(import.meta.dirname, "../files/fixtures/en-hyphenated.pdf"), upload);
  ({ sha256 } = await attachFile(
    await accessTo(owner, reviewId),
    { reviewId, itemId: item.id, fileName: "论文.pdf" },
    upload,
  ));
}, 60_000);

describe("backup zip", () => {
  it("carries the PDFs and restores them with the review", async () => {
    const { zip } = await exportBackupZip(await accessTo(owner, reviewId));
    const bytes = await bytesOf(zip);
    const entries = Object.keys((await JSZip.loadAsync(bytes)).files);
    expect(entries).toEqual(expect.arrayContaining(["backup.json", `files/${sha256}`]));

    // Restored where the bytes are not yet stored: they come from the zip.
    await store.delete(sha256);
    const { reviewId: restoredId, filesMissing } = await restoreBackupUpload(owner, bytes);
    expect(filesMissing).toBe(0);
    const restored = await db.itemFile.findFirstOrThrow({ where: { reviewId: restoredId } });
    expect(restored).toMatchObject({ sha256, fileName: "论文.pdf", isMain: true });
    expect(await store.has(sha256)).toBe(true);
  });

  it("refuses a zip whose file does not match its hash, and writes nothing", async () => {
    const { zip } = await exportBackupZip(await accessTo(owner, reviewId));
    const archive = await JSZip.loadAsync(await bytesOf(zip));
    const fake = "0".repeat(64);
    archive.file(`files/${fake}`, "not the bytes the name promises");
    const reviews = await db.review.count();
    const error = await restoreBackupUpload(owner, await archive.generateAsync({ type: "uint8array" })).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error) && error.code).toBe("BACKUP_INVALID");
    expect(await db.review.count()).toBe(reviews);
    expect(await store.has(fake)).toBe(false);
  });

  it("still restores the JSON alone, with files whose bytes this installation holds", async () => {
    const { zip } = await exportBackupZip(await accessTo(owner, reviewId));
    const json = await (await JSZip.loadAsync(await bytesOf(zip))).file("backup.json")!.async("uint8array");
    const { reviewId: restoredId, filesMissing } = await restoreBackupUpload(owner, json);
    expect(filesMissing).toBe(0);
    expect(await db.itemFile.count({ where: { reviewId: restoredId } })).toBe(1);
  });
});
