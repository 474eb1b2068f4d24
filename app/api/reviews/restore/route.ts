// Restoring a backup is an upload (files larger than a server action accepts), so it is a route: the session,
// the size limit, then lib/backup, with a refused file's problem worded in the user's language.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { mutatingRoute } from "@/lib/http/route";
import { MAX_BACKUP_BYTES, restoreBackup, type BackupProblem } from "@/lib/backup/restore-backup";
import { isAppError } from "@/lib/errors/app-error";
import { getI18n } from "@/lib/i18n/server";
import { BACKUP_VERSION } from "@/lib/backup/backup-format";

export const POST = mutatingRoute(async (request: Request) => {
  const { t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: t("errors.UNAUTHENTICATED") }, { status: 401 });
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return NextResponse.json({ error: t("backup.noFile") }, { status: 400 });
  }
  if (file.size > MAX_BACKUP_BYTES) {
    return NextResponse.json({ error: t("backup.tooLarge", { mb: MAX_BACKUP_BYTES / 1024 / 1024 }) }, { status: 413 });
  }
  try {
    const { reviewId } = await restoreBackup(user.id, await file.text());
    return NextResponse.json({ reviewId });
  } catch (error) {
    if (isAppError(error) && error.code === "BACKUP_INVALID") {
      const problem = error.details as BackupProblem;
      const message =
        problem.kind === "notJson"
          ? t("backup.notJson", { detail: problem.detail })
          : problem.kind === "wrongFormat"
            ? t("backup.wrongFormat")
            : problem.kind === "wrongVersion"
              ? t("backup.wrongVersion", { version: problem.version, supported: BACKUP_VERSION })
              : t(problem.kind === "invalidContent" ? "backup.invalidContent" : "backup.inconsistent", {
                  problems: problem.problems.join("; "),
                });
      return NextResponse.json({ error: message, problem }, { status: 400 });
    }
    if (isAppError(error) && error.code === "UNAUTHENTICATED") {
      return NextResponse.json({ error: t("errors.UNAUTHENTICATED") }, { status: 401 });
    }
    console.error("restoreBackup failed:", error);
    return NextResponse.json({ error: t("errors.unexpected") }, { status: 500 });
  }
});
