// Where file bytes live. Content-addressed: a file is named by its SHA-256, so the same PDF is stored once and
// a name never changes meaning. The disk store keeps them under HUITONG_FILES_DIR (default <data dir>/files),
// two hex digits of fan-out; an S3-compatible store would implement the same four verbs.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { readSettings } from "@/lib/config/settings";

export interface StoredFile {
  sha256: string;
  byteSize: number;
}

export interface FileStore {
  /** Stores a local file (an upload's temp file) under its hash; storing bytes already held is a no-op. */
  putFile(localPath: string): Promise<StoredFile>;
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** A local path to read the bytes from (the disk store's own file; a remote store would download). */
  localPath(sha256: string): Promise<string>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(localPath: string): Promise<StoredFile> {
  const hash = createHash("sha256");
  let byteSize = 0;
  return pipeline(createReadStream(localPath), async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      hash.update(chunk);
      byteSize += chunk.length;
    }
    yield* [];
  }).then(() => ({ sha256: hash.digest("hex"), byteSize }));
}

export class DiskFileStore implements FileStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async putFile(localPath: string): Promise<StoredFile> {
    const stored = await sha256Of(localPath);
    const target = this.pathOf(stored.sha256);
    if (await this.has(stored.sha256)) return stored;
    await mkdir(path.dirname(target), { recursive: true });
    // Copy beside the target, then rename: a reader never sees half a file under the final name.
    const partial = `${target}.${randomBytes(6).toString("hex")}.part`;
    try {
      await pipeline(createReadStream(localPath), createWriteStream(partial, { flags: "wx" }));
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    return stored;
  }

  async get(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    await access(file);
    return createReadStream(file);
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      (info) => info.isFile(),
      () => false,
    );
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async localPath(sha256: string): Promise<string> {
    const file = this.pathOf(sha256);
    await access(file);
    return file;
  }
}

export function filesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HUITONG_FILES_DIR ? path.resolve(env.HUITONG_FILES_DIR) : path.join(readSettings(env).dataDir, "files");
}

let store: FileStore | null = null;
/** The installation's file store. */
export function fileStore(): FileStore {
  store ??= new DiskFileStore(filesDir());
  return store;
}

/** Tests point the store at a directory of their own. */
export function useFileStore(next: FileStore): void {
  store = next;
}
