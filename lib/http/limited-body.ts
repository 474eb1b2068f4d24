// A request body read with a byte counter that stops at the limit. `request.formData()` and `request.text()`
// read the whole body into memory first, so a chunked upload (no Content-Length) or a lying Content-Length
// could make the server hold any amount before a size check ran; here reading stops, and the rest of the
// upload is refused, as soon as the limit is passed.

export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    /** How many bytes had arrived when reading stopped (just over the limit). */
    readonly received: number,
  ) {
    super(`request body over ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

export function isBodyTooLarge(error: unknown): error is BodyTooLargeError {
  return error instanceof BodyTooLargeError;
}

/** The body is not the form its Content-Type announces (a broken multipart upload, a missing boundary). */
export class UnreadableFormError extends Error {
  constructor(cause: unknown) {
    super(`request body is not a readable form: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "UnreadableFormError";
  }
}

export function isUnreadableForm(error: unknown): error is UnreadableFormError {
  return error instanceof UnreadableFormError;
}

/** The body's bytes, or BodyTooLargeError as soon as more than maxBytes have arrived. */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  // An honest Content-Length over the limit is refused before a byte is read.
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes, 0);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      // Cancelling tells the server to stop reading the socket: the rest of the upload is never buffered.
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes, received);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * A multipart or urlencoded form read within maxBytes. `maxBytes` is the whole body, so callers allow a
 * little for the multipart envelope around a file.
 */
export async function formDataWithin(request: Request, maxBytes: number): Promise<FormData> {
  const body = await readBodyWithin(request, maxBytes);
  const contentType = request.headers.get("content-type") ?? "";
  try {
    return await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw new UnreadableFormError(error);
  }
}

/** Room for the multipart envelope (boundaries, part headers, small fields) around an uploaded file. */
export const MULTIPART_ENVELOPE_BYTES = 64 * 1024;
