"use server";
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors/app-error";
import { reviewAction } from "@/lib/http/endpoint";
import { applyWordImport, MAX_WORD_FILE_BYTES, previewWordImport } from "@/lib/rounds/word-import";

async function fileBytes(form: FormData): Promise<Uint8Array> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    throw new AppError("INVALID_INPUT", "no file", { file: ["validation.custom.chooseWordFile"] });
  if (file.size > MAX_WORD_FILE_BYTES) throw new AppError("INVALID_INPUT", "file too large");
  return new Uint8Array(await file.arrayBuffer());
}

export const previewWordImportAction = reviewAction("previewWordImport", async (access, form: FormData) =>
  previewWordImport(access, String(form.get("roundId") ?? ""), await fileBytes(form)),
);

export const applyWordImportAction = reviewAction("applyWordImport", async (access, form: FormData) => {
  const reviewId = access.reviewId;
  const result = await applyWordImport(access, String(form.get("roundId") ?? ""), await fileBytes(form));
  revalidatePath(`/reviews/${reviewId}`, "layout");
  return result;
});
