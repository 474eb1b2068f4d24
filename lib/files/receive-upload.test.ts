import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { receiveUpload } from "./receive-upload";

/** A body of `total` bytes in 64 KiB chunks, counting how much of it was read. */
function body(total: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        const chunk = new Uint8Array(Math.min(65536, total - state.pulled));
        state.pulled += chunk.length;
        controller.enqueue(chunk);
      },
      // No read-ahead: only what the receiver asks for is pulled.
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe("receiveUpload", () => {
  it("refuses a declared length over the limit without reading the body", async () => {
    const { stream, state } = body(10_000_000);
    const error = await receiveUpload(stream, "big.pdf", 10_000_000, 1_000_000).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.details).toMatchObject({ reason: "TOO_LARGE", fileName: "big.pdf" });
    expect(state.pulled).toBe(0);
  });

  it("stops reading an undeclared body at the limit and leaves no temp file", async () => {
    const { stream, state } = body(10_000_000);
    const error = await receiveUpload(stream, "big.pdf", null, 1_000_000).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.details).toMatchObject({ reason: "TOO_LARGE" });
    expect(state.pulled).toBeLessThan(2_000_000);
  });

  it("streams an acceptable body to a temp file it can discard", async () => {
    const { stream } = body(300_000);
    const upload = await receiveUpload(stream, "ok.pdf", 300_000, 1_000_000);
    expect(upload.byteSize).toBe(300_000);
    expect(existsSync(upload.path)).toBe(true);
    await upload.discard();
    expect(existsSync(upload.path)).toBe(false);
  });
});
