// pdf.js for the browser, served by the app from the installed package: the library and its worker (same-origin
// module files, so no eval and no CDN), the CMaps Chinese PDFs need and the standard fonts. Nothing is fetched
// from elsewhere at run time. The version in the URL is not used for the lookup but makes every release a new
// URL, so the files can be cached for good.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { z } from "zod";
import { publicRoute } from "@/lib/http/route";
import { pdfjsFile } from "@/lib/pdf-pages/pdfjs-files";

export const GET = publicRoute(
  { params: z.object({ path: z.array(z.string().max(200)).min(1).max(10) }) },
  async ({ params }) => {
    const found = pdfjsFile(params.path.slice(1).join("/"));
    const info = found && (await stat(found.file).catch(() => null));
    if (!found || !info?.isFile()) return new Response("Not found", { status: 404 });
    return new Response(Readable.toWeb(createReadStream(found.file)) as ReadableStream, {
      headers: {
        "Content-Type": found.contentType,
        "Content-Length": String(info.size),
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
