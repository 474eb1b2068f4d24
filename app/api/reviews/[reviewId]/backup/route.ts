// The review's backup as a .zip (the JSON and the attached PDFs), streamed: owners only, 404 for anyone else.
import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { exportBackupZip } from "@/lib/backup/backup-zip";
import { reviewParams, reviewRoute } from "@/lib/http/route";

export const GET = reviewRoute({ params: reviewParams }, async (access) => {
  const { backup, zip } = await exportBackupZip(access);
  const title = (backup.review.titleZh ?? backup.review.titleEn ?? "review").slice(0, 60).replace(/[\\/:*?"<>|]/g, "_");
  const filename = `${title}-${backup.exportedAt.slice(0, 10)}.huitong-backup.zip`;
  return new NextResponse(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      // RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese titles survive.
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
});
