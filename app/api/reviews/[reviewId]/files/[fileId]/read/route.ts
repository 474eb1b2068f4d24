// The PDF viewer's stream of an attached file: inline, authorized like the review, and answering HTTP range
// requests, so pdf.js fetches the parts it shows first and a 300-page book opens without waiting for all of it.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { fileStore } from "@/lib/files/store";
import { reviewParams, reviewRoute, routeId } from "@/lib/http/route";
import { getFileForReading } from "@/lib/pdf-pages/queries";

export const GET = reviewRoute(
  { params: reviewParams.extend({ fileId: routeId }) },
  async (access, { params: { fileId } }, request) => {
    const file = await getFileForReading(access, fileId);
    const path = await fileStore().localPath(file.sha256);
    const size = file.byteSize;
    const headers: Record<string, string> = {
      "Content-Type": "application/pdf",
      "Accept-Ranges": "bytes",
      "Cache-Control": "private, max-age=3600",
      "Content-Disposition": `inline; filename="${file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
    };
    const range = parseRange(request.headers.get("range"), size);
    if (range === "unsatisfiable") {
      return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
    }
    if (range) {
      const stream = createReadStream(path, { start: range.start, end: range.end });
      return new Response(Readable.toWeb(stream) as ReadableStream, {
        status: 206,
        headers: {
          ...headers,
          "Content-Range": `bytes ${range.start}-${range.end}/${size}`,
          "Content-Length": String(range.end - range.start + 1),
        },
      });
    }
    return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
      headers: { ...headers, "Content-Length": String(size) },
    });
  },
);

/** One byte range (pdf.js asks for one at a time); several ranges are answered with the whole file. */
function parseRange(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (!match[1] && !match[2])) return null;
  let start: number;
  let end: number;
  if (!match[1]) {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  }
  if (start > end || start >= size) return "unsatisfiable";
  return { start, end };
}
