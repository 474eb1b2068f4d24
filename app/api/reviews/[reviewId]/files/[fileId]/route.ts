// A file's bytes for members of its review (outsiders get 404, as for the item): `?inline=1` for the in-browser
// PDF view, otherwise a download; `?text=1` returns the extracted text for the comparison before it is used.
import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { z } from "zod";
import { fileText, openItemFile } from "@/lib/files/queries";
import { reviewParams, reviewRoute, routeId } from "@/lib/http/route";

export const GET = reviewRoute(
  {
    params: reviewParams.extend({ fileId: routeId }),
    query: z.object({ text: z.string().optional(), inline: z.string().optional() }),
  },
  async (access, { params: { reviewId, fileId }, query }) => {
    if (query.text === "1") return { text: await fileText(access, fileId) };
    const file = await openItemFile(access, { reviewId, fileId });
    const disposition = query.inline === "1" ? "inline" : "attachment";
    return new NextResponse(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.byteSize),
        // RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive.
        "Content-Disposition": `${disposition}; filename="${file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, max-age=3600",
        ETag: `"${file.sha256}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
