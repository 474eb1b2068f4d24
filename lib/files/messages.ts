// Words for a file's problems, shared by the upload route and the item page: the file's name and the reason.
import type { AppError } from "@/lib/errors/app-error";
import { formatBytes } from "@/lib/import/limits";
import type { Translate } from "@/lib/i18n/translate";
import type { FileRejection } from "./commands";

const FAILURES = [
  "ENCRYPTED",
  "CORRUPT",
  "NOT_PDF",
  "NO_PAGES",
  "TOO_MANY_PAGES",
  "TIMEOUT",
  "OUT_OF_MEMORY",
  "TOO_LARGE",
] as const;

export function rejectionMessage(t: Translate, details: unknown): string {
  const { reason, fileName, size, limit, existing } = (details ?? {}) as {
    reason?: FileRejection;
    fileName?: string;
    size?: number;
    limit?: number;
    existing?: string;
  };
  if (!reason) return t("errors.FILE_REJECTED");
  return t(`files.rejected.${reason}`, {
    name: fileName ?? "",
    size: typeof size === "number" ? formatBytes(size) : "",
    limit: typeof limit === "number" ? formatBytes(limit) : "",
    existing: existing ?? "",
  });
}

export function failureMessage(t: Translate, fileName: string, code: string | null, detail: string | null): string {
  const known = FAILURES.find((failure) => failure === code) ?? "CORRUPT";
  return t(`files.failures.${known}`, { name: fileName, detail: detail ?? "" });
}

/** For route handlers (lib/http/route.ts): a refused file in its own words; 413 for one over the size limit. */
export function fileRejection(error: AppError, t: Translate): { message: string; status: number } | undefined {
  if (error.code !== "FILE_REJECTED") return undefined;
  const tooLarge = (error.details as { reason?: string } | undefined)?.reason === "TOO_LARGE";
  return { message: rejectionMessage(t, error.details), status: tooLarge ? 413 : 400 };
}
