"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { runAction } from "@/lib/errors/action-result";
import { applyWordImport, MAX_WORD_FILE_BYTES, previewWordImport } from "@/lib/rounds/word-import";

async function fileBytes(form: FormData): Promise<Uint8Array> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    throw new AppError("INVALID_INPUT", "no file", { file: ["validation.custom.chooseWordFile"] });
  if (file.size > MAX_WORD_FILE_BYTES) throw new AppError("INVALID_INPUT", "file too large");
  return new Uint8Array(await file.arrayBuffer());
}

export async function previewWordImportAction(form: FormData) {
  return runAction("previewWordImport", async () => {
    const user = await requireUser();
    return previewWordImport(
      user.id,
      String(form.get("reviewId") ?? ""),
      String(form.get("roundId") ?? ""),
      await fileBytes(form),
    );
  });
}

export async function applyWordImportAction(form: FormData) {
  return runAction("applyWordImport", async () => {
    const user = await requireUser();
    const reviewId = String(form.get("reviewId") ?? "");
    const result = await applyWordImport(user.id, reviewId, String(form.get("roundId") ?? ""), await fileBytes(form));
    revalidatePath(`/reviews/${reviewId}`, "layout");
    return result;
  });
}
