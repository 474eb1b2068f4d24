"use server";
import { revalidatePath } from "next/cache";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { AppError } from "@/lib/errors/app-error";
import { formFields } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import {
  archiveTheme,
  createTheme,
  importCodebook,
  MAX_CODEBOOK_BYTES,
  mergeThemes,
  moveTheme,
  updateTheme,
} from "@/lib/themes/codebook";

const THEME_FIELDS = [
  "reviewId",
  "nameZh",
  "nameEn",
  "color",
  "definitionZh",
  "definitionEn",
  "inclusionNotes",
  "parentId",
];

function themeAction<T>(name: string, work: (access: ReviewAccess, form: FormData) => Promise<T>) {
  return reviewAction(name, async (access, _p: unknown, form: FormData) => {
    const result = await work(access, form);
    revalidatePath(`/reviews/${access.reviewId}`, "layout");
    return result;
  });
}

export const createThemeAction = themeAction("createTheme", (access, form) =>
  createTheme(access, formFields(form, THEME_FIELDS)),
);
export const updateThemeAction = themeAction("updateTheme", (access, form) =>
  updateTheme(access, formFields(form, [...THEME_FIELDS, "themeId"])),
);
export const moveThemeAction = themeAction("moveTheme", (access, form) =>
  moveTheme(access, formFields(form, ["reviewId", "themeId", "direction"])),
);
export const archiveThemeAction = themeAction("archiveTheme", (access, form) =>
  archiveTheme(access, { ...formFields(form, ["reviewId", "themeId"]), archived: form.get("archived") === "true" }),
);
export const mergeThemesAction = themeAction("mergeThemes", (access, form) =>
  mergeThemes(access, formFields(form, ["reviewId", "sourceId", "targetId"])),
);

/** Reads the uploaded codebook: the format from the file's name, the text as UTF-8 (BOM and all). */
export const importCodebookAction = themeAction("importCodebook", async (access, form) => {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    throw new AppError("INVALID_INPUT", "empty file", { file: ["empty"] });
  if (file.size > MAX_CODEBOOK_BYTES) throw new AppError("INVALID_INPUT", "file too large", { file: ["tooLarge"] });
  const extension = file.name.toLowerCase().match(/\.(csv|qdc|xml)$/)?.[1];
  if (!extension) throw new AppError("INVALID_INPUT", `unknown format: ${file.name}`, { file: ["unknownFormat"] });
  const format = extension === "csv" ? "csv" : "qdc";
  return importCodebook(access, { reviewId: form.get("reviewId"), format, text: await file.text() });
});
