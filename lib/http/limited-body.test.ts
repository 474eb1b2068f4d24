// A chunked body (no Content-Length) over the limit: reading stops just past the limit and the stream is
// cancelled, so the server never holds more than the limit, however much the client would send.
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, formDataWithin, readBodyWithin, UnreadableFormError } from "./limited-body";

const CHUNK = 64 * 1024;

/** A request whose body is an endless stream of chunks, counting how many were pulled and whether it was cancelled. */
function endlessUpload(headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulled += 1;
      controller.enqueue(new Uint8Array(CHUNK).fill(97));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  const request = new Request("http://localhost/upload", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  return { request, seen };
}

describe("readBodyWithin", () => {
  it("stops reading a chunked body just past the limit and cancels the rest", async () => {
    const { request, seen } = endlessUpload();
    const limit = 1024 * 1024;
    const error = await readBodyWithin(request, limit).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).received).toBe(limit + CHUNK);
    expect(seen.cancelled).toBe(true);
    // The stream may pull a chunk or two ahead of the reader; it is never read to the end (it has none).
    expect(seen.pulled).toBeLessThanOrEqual(limit / CHUNK + 3);
  });

  it("refuses an honest Content-Length over the limit before reading a byte", async () => {
    const { request, seen } = endlessUpload({ "content-length": String(50 * 1024 * 1024) });
    await expect(readBodyWithin(request, 1024)).rejects.toMatchObject({ received: 0 });
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it("returns a body within the limit whole", async () => {
    const text = "会通".repeat(10_000);
    const request = new Request("http://localhost/upload", { method: "POST", body: text });
    expect(new TextDecoder().decode(await readBodyWithin(request, 1024 * 1024))).toBe(text);
  });
});

describe("formDataWithin", () => {
  it("reads a multipart form within the limit", async () => {
    const form = new FormData();
    form.set("file", new File(["TY  - JOUR\nER  - \n"], "a.ris"));
    form.set("selected", "[1]");
    const request = new Request("http://localhost/upload", { method: "POST", body: form });
    const read = await formDataWithin(request, 1024 * 1024);
    expect(read.get("selected")).toBe("[1]");
    expect(await (read.get("file") as File).text()).toContain("TY  - JOUR");
  });

  it("names a body that is not the form it claims to be", async () => {
    const request = new Request("http://localhost/upload", {
      method: "POST",
      body: "not multipart",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
    });
    await expect(formDataWithin(request, 1024)).rejects.toBeInstanceOf(UnreadableFormError);
  });
});
