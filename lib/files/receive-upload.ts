// An upload's body goes to a temp file as it arrives, counting bytes: a body over the limit is cut off at the
// limit (never held in memory), and the declared Content-Length is checked before the first byte is read.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { MAX_FILE_BYTES, rejectFile } from "./commands";

export interface ReceivedUpload {
  path: string;
  byteSize: number;
  /** Removes the temp file (and its directory); call when done, whatever happened. */
  discard(): Promise<void>;
}

export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  fileName: string,
  declaredLength: number | null,
  limit = MAX_FILE_BYTES,
): Promise<ReceivedUpload> {
  if (declaredLength !== null && declaredLength > limit) {
    throw rejectFile("TOO_LARGE", fileName, { size: declaredLength, limit });
  }
  const dir = await mkdtemp(path.join(tmpdir(), "huitong-upload-"));
  const discard = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, "upload.pdf");
  let byteSize = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      byteSize += chunk.length;
      if (byteSize > limit) done(rejectFile("TOO_LARGE", fileName, { size: byteSize, limit }));
      else done(null, chunk);
    },
  });
  try {
    if (!body) throw rejectFile("EMPTY", fileName);
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), counter, createWriteStream(file));
    return { path: file, byteSize, discard };
  } catch (error) {
    await discard();
    throw error;
  }
}
