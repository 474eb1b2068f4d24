// Attaching PDFs against a real PostgreSQL and the real extraction child process: the file is stored once by
// its hash, extracted off the request path, its text becomes the item's full text (references parsed, pages
// remembered), bad files are refused with their name and reason and leave nothing behind, and outsiders
// cannot reach a file.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { runDueJobs } from "@/lib/jobs/worker";
import { createTestDatabase } from "@/lib/testing/test-database";
import { DEMO_REVIEW_KEY, seedDemo } from "@/seeds/seed";
import { attachFile, keepItemText, removeFile, takeFileText } from "./commands";
import { fileJobs } from "./jobs";
import { pageOfOffset } from "./pages";
import { openItemFile } from "./queries";
import { characterSimilarity } from "./similarity";
import { DiskFileStore, useFileStore } from "./store";
import { accessTo } from "@/lib/testing/access";

const fixtures = path.resolve(import.meta.dirname, "fixtures");
let db: Database;
let url: string;
let reviewId: string;
let owner: string;
let viewer: string;
let emptyItem: string;
let textItem: string;
let storeDir: string;
const outsider = { id: "" };

/** A copy of a fixture in a temp file, as the upload route leaves it. */
function upload(name: string, bytes?: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "huitong-upload-"));
  const file = path.join(dir, name);
  if (bytes) writeFileSync(file, bytes);
  else copyFileSync(path.join(fixtures, name), file);
  return file;
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isAppError(error)).toBe(true);
  return error as { code: string; details: { reason: string; fileName: string } };
}

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  storeDir = mkdtempSync(path.join(tmpdir(), "huitong-files-"));
  useFileStore(new DiskFileStore(storeDir));
  await seedDemo(db);
  const review = await db.review.findUniqueOrThrow({ where: { seedKey: DEMO_REVIEW_KEY } });
  reviewId = review.id;
  owner = (await db.membership.findFirstOrThrow({ where: { reviewId, role: "OWNER" } })).userId;
  viewer = (await db.membership.findFirstOrThrow({ where: { reviewId, role: "VIEWER" } })).userId;
  outsider.id = (
    await db.user.create({ data: { email: "outsider@example.org", name: "Outsider", passwordHash: "!" } })
  ).id;
  const items = await db.reviewItem.findMany({ where: { reviewId }, orderBy: { seedKey: "asc" } });
  emptyItem = items.find((item) => !item.fullText)!.id;
  textItem = items.find((item) => item.fullText)!.id;
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("attaching a PDF", () => {
  it("extracts a Chinese two-column paper in the background and makes it the full text of an item without one", async () => {
    const { fileId, sha256 } = await attachFile(
      await accessTo(owner, reviewId),
      { reviewId, itemId: emptyItem, fileName: "区域化党建.pdf" },
      upload("zh-two-column.pdf"),
    );
    const queued = await db.itemFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(queued).toMatchObject({ state: "QUEUED", isMain: true, sha256 });
    expect((await db.reviewItem.findUniqueOrThrow({ where: { id: emptyItem } })).fullText).toBeNull();

    await runDueJobs(url, db, fileJobs);

    const file = await db.itemFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(file.state).toBe("DONE");
    expect(file.pageCount).toBe(3);
    expect(file.pagesDone).toBe(3);
    const source = readFileSync(path.join(fixtures, "zh-two-column.body.txt"), "utf8");
    expect(characterSimilarity(file.extractedText!, source)).toBeGreaterThan(0.99);
    expect(file.footnotes).toHaveLength(2);
    expect(file.extractedText).not.toContain("南京社会科学");
    // Pages map back: the reference list is on the last page.
    expect(file.pageStarts).toHaveLength(3);
    expect(pageOfOffset(file, file.extractedText!.indexOf("参考文献"))).toBe(3);
    expect(pageOfOffset(file, 0)).toBe(1);

    const item = await db.reviewItem.findUniqueOrThrow({ where: { id: emptyItem } });
    expect(item.fullText).toBe(file.extractedText);
    expect(file.textAppliedAt).not.toBeNull();
    const references = await db.itemReference.findMany({ where: { itemId: emptyItem }, orderBy: { position: "asc" } });
    expect(references.map((reference) => reference.number)).toEqual([1, 2, 3]);
    expect(await readdir(path.join(storeDir, sha256.slice(0, 2)))).toEqual([sha256]);
  }, 120_000);

  it("stores the same PDF once, and offers (without forcing) its text to an item that has one", async () => {
    const before = (await db.reviewItem.findUniqueOrThrow({ where: { id: textItem } })).fullText;
    const { fileId, sha256 } = await attachFile(
      await accessTo(owner, reviewId),
      { reviewId, itemId: textItem, fileName: "same.pdf" },
      upload("zh-two-column.pdf"),
    );
    expect(await db.fileBlob.count({ where: { sha256 } })).toBe(1);
    await runDueJobs(url, db, fileJobs);
    const file = await db.itemFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(file.state).toBe("DONE");
    expect(file.textAppliedAt).toBeNull();
    expect((await db.reviewItem.findUniqueOrThrow({ where: { id: textItem } })).fullText).toBe(before);

    await keepItemText(await accessTo(owner, reviewId), { reviewId, fileId });
    expect((await db.itemFile.findUniqueOrThrow({ where: { id: fileId } })).textDeclinedAt).not.toBeNull();
    await takeFileText(await accessTo(owner, reviewId), { reviewId, fileId });
    expect((await db.reviewItem.findUniqueOrThrow({ where: { id: textItem } })).fullText).toBe(file.extractedText);
  }, 120_000);

  it("undoes English hyphenation and keeps footnotes apart", async () => {
    const { fileId } = await attachFile(
      await accessTo(owner, reviewId),
      { reviewId, itemId: textItem, fileName: "english.pdf" },
      upload("en-hyphenated.pdf"),
    );
    await runDueJobs(url, db, fileJobs);
    const file = await db.itemFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(file.isMain).toBe(false);
    const source = readFileSync(path.join(fixtures, "en-hyphenated.body.txt"), "utf8");
    expect(characterSimilarity(file.extractedText!, source)).toBeGreaterThan(0.99);
    expect(file.extractedText).toContain("organisational mechanisms");
    expect(file.extractedText).toContain("urban-rural");
    expect(file.footnotes).toEqual([{ page: 1, text: expect.stringContaining("Interviews were conducted") }]);
  }, 120_000);

  it("names the file and the reason for a password-protected PDF", async () => {
    const { fileId } = await attachFile(
      await accessTo(owner, reviewId),
      { reviewId, itemId: textItem, fileName: "locked.pdf" },
      upload("encrypted.pdf"),
    );
    await runDueJobs(url, db, fileJobs);
    expect(await db.itemFile.findUniqueOrThrow({ where: { id: fileId } })).toMatchObject({
      state: "FAILED",
      errorCode: "ENCRYPTED",
      extractedText: null,
    });
  }, 120_000);

  it("refuses empty, truncated and fake PDFs before storing anything", async () => {
    const blobs = await db.fileBlob.count();
    const pdf = readFileSync(path.join(fixtures, "en-hyphenated.pdf"));
    const cases: [string, Buffer, string][] = [
      ["empty.pdf", Buffer.alloc(0), "EMPTY"],
      ["cut.pdf", pdf.subarray(0, Math.floor(pdf.length / 2)), "TRUNCATED"],
      ["notes.pdf", Buffer.from("These are my notes, not a PDF.\n"), "NOT_PDF"],
    ];
    for (const [name, bytes, reason] of cases) {
      const error = await rejection(
        attachFile(
          await accessTo(owner, reviewId),
          { reviewId, itemId: textItem, fileName: name },
          upload(name, bytes),
        ),
      );
      expect(error.code).toBe("FILE_REJECTED");
      expect(error.details).toMatchObject({ reason, fileName: name });
    }
    expect(await db.fileBlob.count()).toBe(blobs);
  });

  it("refuses the same file twice on one item", async () => {
    const error = await rejection(
      attachFile(
        await accessTo(owner, reviewId),
        { reviewId, itemId: emptyItem, fileName: "again.pdf" },
        upload("zh-two-column.pdf"),
      ),
    );
    expect(error.details).toMatchObject({ reason: "ALREADY_ATTACHED", fileName: "again.pdf" });
  });

  it("marks a PDF damaged inside as failed, with the reason, and gives the item nothing", async () => {
    // Header and end marker intact, the body between them garbage: only the parser can tell.
    const garbage = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(4000, 0x41), Buffer.from("\n%%EOF\n")]);
    const { fileId } = await attachFile(
      await accessTo(owner, reviewId),
      { reviewId, itemId: textItem, fileName: "damaged.pdf" },
      upload("damaged.pdf", garbage),
    );
    await runDueJobs(url, db, fileJobs);
    const file = await db.itemFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(file.state).toBe("FAILED");
    expect(["CORRUPT", "NO_PAGES"]).toContain(file.errorCode);
  }, 120_000);

  it("lets members read a file and hides it from outsiders; viewers may not attach", async () => {
    const file = await db.itemFile.findFirstOrThrow({ where: { itemId: emptyItem } });
    const opened = await openItemFile(await accessTo(viewer, reviewId), { reviewId, fileId: file.id });
    expect(opened.fileName).toBe("区域化党建.pdf");
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(readFileSync(path.join(fixtures, "zh-two-column.pdf")))).toBe(true);

    const hidden = await accessTo(outsider.id, reviewId)
      .then((access) => openItemFile(access, { reviewId, fileId: file.id }))
      .catch((error: unknown) => error);
    expect(isAppError(hidden) && hidden.code).toBe("NOT_FOUND");
    const forbidden = await attachFile(
      await accessTo(viewer, reviewId),
      { reviewId, itemId: emptyItem, fileName: "v.pdf" },
      upload("en-hyphenated.pdf"),
    ).catch((error: unknown) => error);
    expect(isAppError(forbidden) && forbidden.code).toBe("FORBIDDEN");
  });

  it("removes a file and deletes its bytes once no item uses them", async () => {
    const files = await db.itemFile.findMany({ where: { fileName: { in: ["区域化党建.pdf", "same.pdf"] } } });
    const sha256 = files[0]!.sha256;
    await removeFile(await accessTo(owner, reviewId), { reviewId, fileId: files[0]!.id });
    expect(await db.fileBlob.count({ where: { sha256 } })).toBe(1);
    await removeFile(await accessTo(owner, reviewId), { reviewId, fileId: files[1]!.id });
    expect(await db.fileBlob.count({ where: { sha256 } })).toBe(0);
    expect(await new DiskFileStore(storeDir).has(sha256)).toBe(false);
  });
});
