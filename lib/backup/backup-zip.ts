// The backup as a .zip: `backup.json` (the format of backup-format.ts) beside `files/<sha256>`, the bytes of
// every attached PDF. Restore takes the zip (or, as before, the bare JSON): each file's bytes are checked
// against the hash in its name before they enter the store, and bytes the restore brought but could not use
// are removed again, so a refused backup leaves nothing behind.
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, type Readable } from "node:stream";
import JSZip from "jszip";
import { AppError } from "@/lib/errors/app-error";
import { forgetIfUnused } from "@/lib/files/commands";
import { fileStore } from "@/lib/files/store";
import { exportBackup } from "./export-backup";
import { restoreBackup, type RestoredBlob } from "./restore-backup";
import type { Backup } from "./backup-format";
import type { ReviewAccess } from "@/lib/authz/authorize";

export const BACKUP_JSON = "backup.json";
const FILE_ENTRY = /^files\/([0-9a-f]{64})$/;
/** Inflated size a backup's entries may claim in all: a zip bomb is refused before anything is inflated. */
const MAX_INFLATED_BYTES = 8 * 1024 * 1024 * 1024;

/** The review's backup as a zip stream, and the backup itself (for its title and date). */
export async function exportBackupZip(access: ReviewAccess): Promise<{ backup: Backup; zip: Readable }> {
  const backup = await exportBackup(access);
  const zip = new JSZip();
  zip.file(BACKUP_JSON, JSON.stringify(backup));
  const store = fileStore();
  for (const sha256 of new Set(backup.files.map((file) => file.sha256))) {
    // A file whose bytes went missing from the store is still listed in the JSON; restore leaves it out.
    if (await store.has(sha256)) zip.file(`files/${sha256}`, await store.get(sha256), { binary: true });
  }
  const generated = zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE" });
  // JSZip's stream is an old-style one: piped into a modern Readable, errors included.
  const out = new PassThrough();
  generated.on("error", (error: Error) => out.destroy(error));
  generated.pipe(out);
  return { backup, zip: out };
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function invalid(detail: string): AppError {
  return new AppError("BACKUP_INVALID", detail, undefined, { kind: "invalidContent", problems: [detail] });
}

/** Restores a backup upload: a zip with its files, or the JSON alone. */
export async function restoreBackupUpload(
  userId: string,
  bytes: Uint8Array,
): Promise<{ reviewId: string; filesMissing: number }> {
  if (!isZip(bytes)) return restoreBackup(userId, Buffer.from(bytes).toString("utf8"));
  const zip = await JSZip.loadAsync(bytes).catch((error: unknown) => {
    throw invalid(`not a readable zip: ${error instanceof Error ? error.message : String(error)}`);
  });
  const json = zip.file(BACKUP_JSON);
  if (!json) throw invalid(`the zip holds no ${BACKUP_JSON}`);
  let claimed = 0;
  const entries: { sha256: string; entry: JSZip.JSZipObject }[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name === BACKUP_JSON) continue;
    const match = FILE_ENTRY.exec(entry.name);
    if (!match) throw invalid(`unexpected entry ${entry.name}`);
    claimed += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    entries.push({ sha256: match[1]!, entry });
  }
  if (claimed > MAX_INFLATED_BYTES) throw invalid(`the files would inflate to ${claimed} bytes`);

  const work = await mkdtemp(path.join(tmpdir(), "huitong-restore-"));
  const blobs: RestoredBlob[] = [];
  const brought: string[] = [];
  try {
    const store = fileStore();
    for (const { sha256, entry } of entries) {
      const content = await entry.async("nodebuffer");
      if (createHash("sha256").update(content).digest("hex") !== sha256) {
        throw invalid(`files/${sha256} does not hold the bytes its name promises`);
      }
      if (!(await store.has(sha256))) {
        const temp = path.join(work, sha256);
        await writeFile(temp, content);
        await store.putFile(temp);
        brought.push(sha256);
      }
      blobs.push({ sha256, byteSize: content.length, mime: "application/pdf" });
    }
    return await restoreBackup(userId, await json.async("string"), blobs);
  } finally {
    // Whatever the restore did not end up using (it failed, or no row names it) goes again.
    for (const sha256 of brought) await forgetIfUnused(sha256);
    await rm(work, { recursive: true, force: true });
  }
}
