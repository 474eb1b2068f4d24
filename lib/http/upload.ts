// File uploads (imports, restores): the words for a refused upload. lib/http/route.ts reads the body with a
// byte counter and maps errors; these name what an import or a restore needs beyond the catalogue's errors.
import { NextResponse } from "next/server";
import type { AppError } from "@/lib/errors/app-error";
import { formatBytes } from "@/lib/import/limits";
import type { Translate } from "@/lib/i18n/translate";

/** A binary file (an image, a PDF…) is named for what it is rather than quoted as unreadable text. */
export function importErrorDescription(error: AppError, t: Translate): { message: string } | undefined {
  const binary = (error.details as { binary?: unknown } | undefined)?.binary;
  if (error.code === "IMPORT_UNKNOWN_FORMAT" && typeof binary === "string") {
    return {
      message: t("transfer.binaryFile", { kind: t(`transfer.binaryKinds.${binary}` as Parameters<Translate>[0]) }),
    };
  }
  return undefined;
}

/** 413 with a message naming the limit; the size is unknown when the upload was cut off. */
export function bodyTooLargeResponse(t: Translate, maxBytes: number): NextResponse {
  return NextResponse.json(
    { error: t("limits.bodyTooLarge", { limit: formatBytes(maxBytes) }), code: "BODY_TOO_LARGE" },
    { status: 413 },
  );
}

/** The uploaded file of a form, as bytes; a missing file reads as an empty one. */
export async function uploadedFile(form: FormData, field = "file"): Promise<{ name: string; bytes: Uint8Array }> {
  const file = form.get(field);
  if (!file || typeof file === "string") return { name: "", bytes: new Uint8Array() };
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
