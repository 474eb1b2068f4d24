import { exportBackup } from "@/lib/backup/export-backup";
import { download } from "@/lib/http/download";

export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  return download(async (userId) => {
    const backup = await exportBackup(userId, reviewId);
    const title = (backup.review.titleZh ?? backup.review.titleEn ?? "review")
      .slice(0, 60)
      .replace(/[\\/:*?"<>|]/g, "_");
    return {
      body: JSON.stringify(backup),
      contentType: "application/json; charset=utf-8",
      filename: `${title}-${backup.exportedAt.slice(0, 10)}.huitong-backup.json`,
    };
  });
}
