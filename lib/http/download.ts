// File downloads (exports): the response for a file a route handler produced with the caller's access
// (lib/http/route.ts resolved it, and answers 404 for a review the caller does not belong to).
import { NextResponse } from "next/server";

export interface DownloadFile {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}

export function fileResponse(file: DownloadFile): NextResponse {
  return new NextResponse(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      // RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive.
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
