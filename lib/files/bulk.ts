// Attaching many PDFs from the library in two steps. Staging: each upload is checked, kept aside under a token
// (not yet in the store, so an abandoned preview leaves nothing in the review), its first pages read in the
// limited child process for title and DOI, and matched to an item. Confirming: the user's choices — attach to
// this item, add as a new item, or skip — are written in one transaction.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordActivity } from "@/lib/activity/record";
import { insertItem } from "@/lib/items/commands";
import { itemFieldsSchema } from "@/lib/items/item-fields";
import { parseInput } from "@/lib/validation";
import { checkPdfFile, forgetIfUnused, insertFile } from "./commands";
import { matchPdf, type FileMatch } from "./match";
import { ExtractionError, type ExtractedPdf } from "./pdf-extract";
import type { PdfMetadata } from "./pdf-metadata";
import { runExtraction } from "./run-extraction";
import { fileStore, filesDir, sha256Of } from "./store";

export const MAX_BULK_FILES = 200;
const STAGING_HOURS = 24;

interface StagedRecord {
  reviewId: string;
  userId: string;
  fileName: string;
  sha256: string;
  byteSize: number;
}

export interface StagedFile {
  token: string;
  fileName: string;
  byteSize: number;
  metadata: PdfMetadata;
  match: FileMatch;
  /** Set when the first pages could not be read: the file is still offered, unmatched, with the reason. */
  problem: { code: string; detail: string } | null;
}

function stagingDir(): string {
  return path.join(filesDir(), ".staging");
}

/** Staged uploads nobody confirmed within a day are removed. */
async function sweepStaging(): Promise<void> {
  const dir = stagingDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  const cutoff = Date.now() - STAGING_HOURS * 3600_000;
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
  }
}

export async function stageUpload(access: ReviewAccess, tempPath: string, fileName: string): Promise<StagedFile> {
  const { userId, reviewId } = access.require("item.update");
  await checkPdfFile(tempPath, fileName);
  await sweepStaging();
  const dir = stagingDir();
  await mkdir(dir, { recursive: true });
  const token = randomBytes(16).toString("hex");
  const { sha256, byteSize } = await sha256Of(tempPath);
  const record: StagedRecord = { reviewId, userId, fileName, sha256, byteSize };
  await rename(tempPath, path.join(dir, `${token}.pdf`)).catch(async () => {
    // Across file systems rename fails: copy instead.
    await writeFile(path.join(dir, `${token}.pdf`), await readFile(tempPath));
  });
  await writeFile(path.join(dir, `${token}.json`), JSON.stringify(record));

  let metadata: PdfMetadata = { title: null, author: null, subject: null, doi: null };
  let head = "";
  let problem: StagedFile["problem"] = null;
  try {
    const result = await runExtraction<ExtractedPdf>(
      { kind: "head", filePath: path.join(dir, `${token}.pdf`) },
      { timeoutMs: 60_000, memoryMb: 512 },
      () => {},
    );
    metadata = result.metadata;
    head = result.text;
  } catch (error) {
    if (!(error instanceof ExtractionError)) throw error;
    problem = { code: error.code, detail: error.message };
  }
  const items = await db().reviewItem.findMany({
    where: { reviewId, deletedAt: null },
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      doi: true,
      year: true,
      authors: { select: { nameZh: true, nameEn: true } },
    },
  });
  const match = matchPdf(
    { title: metadata.title, doi: metadata.doi, head },
    items.map((item) => ({
      ...item,
      authorNames: item.authors
        .flatMap((author) => [author.nameZh, author.nameEn])
        .filter((name): name is string => !!name),
    })),
  );
  return { token, fileName, byteSize, metadata, match, problem };
}

const id = z.string().min(1).max(64);
const confirmSchema = z.object({
  reviewId: id,
  entries: z
    .array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("attach"), token: z.string().regex(/^[0-9a-f]{32}$/), itemId: id }),
        z.object({
          kind: z.literal("create"),
          token: z.string().regex(/^[0-9a-f]{32}$/),
          title: z.string().trim().min(1).max(1000),
          doi: z.string().trim().max(300).nullish(),
        }),
      ]),
    )
    .min(1)
    .max(MAX_BULK_FILES),
});

async function readStaged(token: string, userId: string, reviewId: string): Promise<StagedRecord & { path: string }> {
  const dir = stagingDir();
  const record = JSON.parse(
    await readFile(path.join(dir, `${token}.json`), "utf8").catch(() => "null"),
  ) as StagedRecord | null;
  // A token is the uploader's own, for this review only.
  if (!record || record.userId !== userId || record.reviewId !== reviewId) {
    throw new AppError("NOT_FOUND", `staged upload ${token} not found`);
  }
  return { ...record, path: path.join(dir, `${token}.pdf`) };
}

/** Writes the confirmed choices: new items and attached files in one transaction, extraction queued for each. */
export async function confirmBulkAttach(
  access: ReviewAccess,
  rawInput: unknown,
): Promise<{ attached: number; created: number }> {
  const { userId } = access;
  const input = parseInput(confirmSchema, rawInput);
  access.require("item.update", input.reviewId);
  if (input.entries.some((entry) => entry.kind === "create")) access.require("item.create", input.reviewId);
  const staged = await Promise.all(input.entries.map((entry) => readStaged(entry.token, userId, input.reviewId)));
  // Bytes into the store first (content-addressed, invisible until a row names them); undone below on failure.
  const store = fileStore();
  const added: string[] = [];
  for (const file of staged) {
    if (!(await store.has(file.sha256))) added.push(file.sha256);
    await store.putFile(file.path);
  }
  try {
    const result = await db().$transaction(
      async (tx) => {
        await confirmAccess(access, "item.update", tx, input.reviewId);
        let created = 0;
        for (const [index, entry] of input.entries.entries()) {
          const file = staged[index]!;
          let itemId: string;
          if (entry.kind === "create") {
            const chinese = /[\u4e00-\u9fff]/.test(entry.title);
            const fields = itemFieldsSchema.parse({
              titleZh: chinese ? entry.title : null,
              titleEn: chinese ? null : entry.title,
              doi: entry.doi || null,
            });
            ({ itemId } = await insertItem(tx, {
              reviewId: input.reviewId,
              userId,
              fields,
              sourceNote: file.fileName,
              activity: { source: "pdf", fileName: file.fileName },
            }));
            created++;
          } else {
            const item = await tx.reviewItem.findFirst({
              where: { id: entry.itemId, reviewId: input.reviewId, deletedAt: null },
              select: { id: true },
            });
            if (!item) throw new AppError("NOT_FOUND", `item ${entry.itemId} not in review ${input.reviewId}`);
            itemId = item.id;
          }
          await insertFile(tx, {
            reviewId: input.reviewId,
            itemId,
            fileName: file.fileName,
            sha256: file.sha256,
            byteSize: file.byteSize,
            makeMain: false,
            userId,
          });
        }
        await recordActivity(tx, {
          reviewId: input.reviewId,
          actorId: userId,
          kind: "items.filesAttached",
          subjectType: "review",
          subjectId: input.reviewId,
          data: { count: input.entries.length, created },
        });
        return { attached: input.entries.length, created };
      },
      { timeout: 120_000 },
    );
    for (const entry of input.entries) {
      await rm(path.join(stagingDir(), `${entry.token}.pdf`), { force: true });
      await rm(path.join(stagingDir(), `${entry.token}.json`), { force: true });
    }
    return result;
  } catch (error) {
    for (const sha256 of added) await forgetIfUnused(sha256);
    throw error;
  }
}
