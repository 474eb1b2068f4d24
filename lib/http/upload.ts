// File uploads (imports): the session, the size limit while the body is read, and domain errors turned into
// a message in the user's language — the counterpart of download.ts for every upload route.
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { getI18n } from "@/lib/i18n/server";
import { formatBytes } from "@/lib/import/limits";
import { localizedFields } from "@/lib/validation";
import { formDataWithin, isBodyTooLarge, isUnreadableForm, MULTIPART_ENVELOPE_BYTES } from "./limited-body";
import type { Translate } from "@/lib/i18n/translate";

const STATUS: Partial<Record<AppError["code"], number>> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  IMPORT_TOO_LARGE: 413,
};

/** The values an import error's message names: the size, the line, what the file started with. */
function errorValues(error: AppError, t: Translate): Record<string, string | number> {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const format =
    typeof details.format === "string" ? t(`transfer.formatNames.${details.format}` as Parameters<Translate>[0]) : "";
  return {
    size: typeof details.size === "number" ? formatBytes(details.size) : "",
    limit: typeof details.limit === "number" ? formatBytes(details.limit) : "",
    seen: typeof details.seen === "string" ? details.seen : "",
    line: typeof details.line === "number" ? details.line : "",
    reason: typeof details.reason === "string" ? details.reason : "",
    format,
  };
}

/** A binary file (an image, a PDF…) is named for what it is rather than quoted as unreadable text. */
function errorMessage(error: AppError, t: Translate): string {
  const binary = (error.details as { binary?: unknown } | undefined)?.binary;
  if (error.code === "IMPORT_UNKNOWN_FORMAT" && typeof binary === "string") {
    return t("transfer.binaryFile", {
      kind: t(`transfer.binaryKinds.${binary}` as Parameters<Translate>[0]),
    });
  }
  return t(`errors.${error.code}`, errorValues(error, t));
}

/** 413 with a message naming the limit; the size is unknown when the upload was cut off. */
export function bodyTooLargeResponse(t: Translate, maxBytes: number): NextResponse {
  return NextResponse.json(
    { error: t("limits.bodyTooLarge", { limit: formatBytes(maxBytes) }), code: "BODY_TOO_LARGE" },
    { status: 413 },
  );
}

/** 400 for a body that is not the form it claims to be. */
export function unreadableFormResponse(t: Translate): NextResponse {
  return NextResponse.json({ error: t("limits.unreadableForm"), code: "UNREADABLE_FORM" }, { status: 400 });
}

export async function upload<T>(
  request: NextRequest,
  maxBytes: number,
  handle: (userId: string, form: FormData) => Promise<T>,
): Promise<NextResponse> {
  const { t, locale } = await getI18n();
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: t("errors.UNAUTHENTICATED"), code: "UNAUTHENTICATED" }, { status: 401 });
  try {
    // Read with a byte counter: a chunked body (no Content-Length) stops at the limit instead of being buffered.
    const form = await formDataWithin(request, maxBytes + MULTIPART_ENVELOPE_BYTES);
    return NextResponse.json(await handle(user.id, form));
  } catch (error) {
    if (isBodyTooLarge(error)) return bodyTooLargeResponse(t, maxBytes);
    if (isUnreadableForm(error)) return unreadableFormResponse(t);
    if (isAppError(error)) {
      if (!error.code.startsWith("IMPORT_")) console.warn(`upload ${request.nextUrl.pathname}: ${error.message}`);
      return NextResponse.json(
        { error: errorMessage(error, t), code: error.code, fields: localizedFields(error, locale) },
        { status: STATUS[error.code] ?? 400 },
      );
    }
    console.error(`upload ${request.nextUrl.pathname} failed:`, error);
    return NextResponse.json({ error: t("errors.unexpected"), code: "UNEXPECTED" }, { status: 500 });
  }
}

/** The uploaded file of a form, as bytes; a missing file reads as an empty one. */
export async function uploadedFile(form: FormData, field = "file"): Promise<{ name: string; bytes: Uint8Array }> {
  const file = form.get(field);
  if (!file || typeof file === "string") return { name: "", bytes: new Uint8Array() };
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
