"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
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

function themeAction<T>(name: string, work: (userId: string, form: FormData) => Promise<T>) {
  return (form: FormData): Promise<ActionResult<T>> =>
    runAction(name, async () => {
      const user = await requireUser();
      const result = await work(user.id, form);
      revalidatePath(`/reviews/${String(form.get("reviewId"))}`, "layout");
      return result;
    });
}

const create = themeAction("createTheme", (userId, form) => createTheme(userId, formFields(form, THEME_FIELDS)));
const update = themeAction("updateTheme", (userId, form) =>
  updateTheme(userId, formFields(form, [...THEME_FIELDS, "themeId"])),
);
const move = themeAction("moveTheme", (userId, form) =>
  moveTheme(userId, formFields(form, ["reviewId", "themeId", "direction"])),
);
const archive = themeAction("archiveTheme", (userId, form) =>
  archiveTheme(userId, { ...formFields(form, ["reviewId", "themeId"]), archived: form.get("archived") === "true" }),
);
const merge = themeAction("mergeThemes", (userId, form) =>
  mergeThemes(userId, formFields(form, ["reviewId", "sourceId", "targetId"])),
);

/** Reads the uploaded codebook: the format from the file's name, the text as UTF-8 (BOM and all). */
const importFile = themeAction("importCodebook", async (userId, form) => {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    throw new AppError("INVALID_INPUT", "empty file", { file: ["empty"] });
  if (file.size > MAX_CODEBOOK_BYTES) throw new AppError("INVALID_INPUT", "file too large", { file: ["tooLarge"] });
  const extension = file.name.toLowerCase().match(/\.(csv|qdc|xml)$/)?.[1];
  if (!extension) throw new AppError("INVALID_INPUT", `unknown format: ${file.name}`, { file: ["unknownFormat"] });
  const format = extension === "csv" ? "csv" : "qdc";
  return importCodebook(userId, { reviewId: form.get("reviewId"), format, text: await file.text() });
});

export async function createThemeAction(_p: unknown, form: FormData) {
  return create(form);
}
export async function updateThemeAction(_p: unknown, form: FormData) {
  return update(form);
}
export async function moveThemeAction(_p: unknown, form: FormData) {
  return move(form);
}
export async function archiveThemeAction(_p: unknown, form: FormData) {
  return archive(form);
}
export async function mergeThemesAction(_p: unknown, form: FormData) {
  return merge(form);
}
export async function importCodebookAction(
  _p: ActionResult<{ created: number; updated: number }> | null,
  form: FormData,
) {
  return importFile(form);
}
