// Restoring a backup is an upload (files larger than a server action accepts), so it is a route: the session,
// the size limit while the body is read, then lib/backup, with a refused file's problem worded in the user's language.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { restoreBackupUpload } from "@/lib/backup/backup-zip";
import { MAX_BACKUP_BYTES, type BackupProblem } from "@/lib/backup/restore-backup";
import { mutatingRoute } from "@/lib/http/route";
import { isAppError } from "@/lib/errors/app-error";
import { getI18n } from "@/lib/i18n/server";
import { BACKUP_VERSION } from "@/lib/backup/backup-format";
import { formDataWithin, isBodyTooLarge, isUnreadableForm, MULTIPART_ENVELOPE_BYTES } from "@/lib/http/limited-body";
import { bodyTooLargeResponse, unreadableFormResponse } from "@/lib/http/upload";

export const POST = mutatingRoute(async (request: Request) => {
  const { t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: t("errors.UNAUTHENTICATED") }, { status: 401 });
  let form: FormData;
  try {
    // Read with a byte counter: a chunked body (no Content-Length) stops at the limit instead of being buffered.
    form = await formDataWithin(request, MAX_BACKUP_BYTES + MULTIPART_ENVELOPE_BYTES);
  } catch (error) {
    if (isBodyTooLarge(error)) return bodyTooLargeResponse(t, MAX_BACKUP_BYTES);
    if (isUnreadableForm(error)) return unreadableFormResponse(t);
    throw error;
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return NextResponse.json({ error: t("backup.noFile") }, { status: 400 });
  }
  if (file.size > MAX_BACKUP_BYTES) return bodyTooLargeResponse(t, MAX_BACKUP_BYTES);
  try {
    const { reviewId } = await restoreBackupUpload(user.id, new Uint8Array(await file.arrayBuffer()));
    return NextResponse.json({ reviewId });
  } catch (error) {
    if (isAppError(error) && error.code === "BACKUP_INVALID") {
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
      return NextResponse.json({ error: message, problem }, { status: 400 });
    }
    if (isAppError(error) && error.code === "UNAUTHENTICATED") {
      return NextResponse.json({ error: t("errors.UNAUTHENTICATED") }, { status: 401 });
    }
    console.error("restoreBackup failed:", error);
    return NextResponse.json({ error: t("errors.unexpected") }, { status: 500 });
  }
});
