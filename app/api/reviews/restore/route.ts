// Restoring a backup is an upload (files larger than a server action accepts), so it is a route: the body is read
// with a byte counter up to the limit, then lib/backup, with a refused file's problem worded in the user's language.
import { NextResponse } from "next/server";
import { restoreBackupUpload } from "@/lib/backup/backup-zip";
import { BACKUP_VERSION } from "@/lib/backup/backup-format";
import { MAX_BACKUP_BYTES, type BackupProblem } from "@/lib/backup/restore-backup";
import type { AppError } from "@/lib/errors/app-error";
import { userRoute } from "@/lib/http/route";
import { bodyTooLargeResponse } from "@/lib/http/upload";
import type { Translate } from "@/lib/i18n/translate";

function backupProblem(error: AppError, t: Translate) {
  if (error.code !== "BACKUP_INVALID") return undefined;
  const problem = error.details as BackupProblem;
  const message =
    problem.kind === "notJson"
      ? t("backup.notJson", { detail: problem.detail })
      : problem.kind === "wrongFormat"
        ? t("backup.wrongFormat")
        : problem.kind === "tooDeep"
          ? t("limits.tooDeep", { max: problem.max })
          : problem.kind === "wrongVersion"
            ? t("backup.wrongVersion", { version: problem.version, supported: BACKUP_VERSION })
            : t(problem.kind === "invalidContent" ? "backup.invalidContent" : "backup.inconsistent", {
                problems: problem.problems.join("; "),
              });
  return { message, extra: { problem } };
}

export const POST = userRoute(
  { body: { form: MAX_BACKUP_BYTES }, describeError: backupProblem },
  async ({ user, t }, { body: form }) => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return NextResponse.json({ error: t("backup.noFile") }, { status: 400 });
    }
    if (file.size > MAX_BACKUP_BYTES) return bodyTooLargeResponse(t, MAX_BACKUP_BYTES);
    const { reviewId } = await restoreBackupUpload(user.id, new Uint8Array(await file.arrayBuffer()));
    return { reviewId };
  },
);
