"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  decideSuggestions,
  editSuggestion,
  withdrawSuggestion,
  deleteComment,
  editComment,
  replyToThread,
  setThreadState,
  startThread,
} from "@/lib/comments/threads";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { formFields } from "@/lib/errors/action-result";
import { reviewAction } from "@/lib/http/endpoint";
import { getI18n } from "@/lib/i18n/server";
import { renderSynthesisCitations } from "@/lib/synthesis/bibliography";
import { getSectionVersion, searchCitableItems } from "@/lib/synthesis/queries";
import {
  createSection,
  moveSection,
  saveSectionVersion,
  setCitationStyle,
  setSectionTrashed,
  updateSection,
} from "@/lib/synthesis/sections";
import { parseInput } from "@/lib/validation";

function sectionAction<T>(name: string, work: (access: ReviewAccess, form: FormData) => Promise<T>) {
  return reviewAction(name, async (access, _previous: unknown, form: FormData) => {
    const result = await work(access, form);
    revalidatePath(`/reviews/${access.reviewId}/synthesis`, "layout");
    return result;
  });
}

export const createSectionAction = sectionAction("createSection", (access, form) =>
  createSection(access, formFields(form, ["reviewId", "title", "themeId", "ownerId"])),
);
export const updateSectionAction = sectionAction("updateSection", (access, form) =>
  updateSection(
    access,
    formFields(form, ["reviewId", "sectionId", "title", "themeId", "ownerId", "status", "version"]),
  ),
);
export const moveSectionAction = sectionAction("moveSection", (access, form) =>
  moveSection(access, formFields(form, ["reviewId", "sectionId", "direction"])),
);
export const trashSectionAction = sectionAction("trashSection", (access, form) =>
  setSectionTrashed(access, {
    ...formFields(form, ["reviewId", "sectionId"]),
    trashed: form.get("trashed") === "true",
  }),
);
export const setCitationStyleAction = sectionAction("setCitationStyle", (access, form) =>
  setCitationStyle(access, formFields(form, ["reviewId", "style"])),
);
export const saveSectionVersionAction = sectionAction("saveSectionVersion", (access, form) =>
  saveSectionVersion(access, formFields(form, ["reviewId", "sectionId", "name", "kind"])),
);

const id = z.string().min(1).max(64);
const liveCitationsSchema = z.object({
  reviewId: id,
  sectionId: id,
  citations: z.array(z.object({ itemId: id, locator: z.string().max(100).nullable() })).max(5000),
});

/** Labels for the section being edited (from the editor's own citations) and the synthesis bibliography. */
export const renderCitationsAction = reviewAction("renderCitations", async (access, raw: unknown) => {
  const input = parseInput(liveCitationsSchema, raw);
  const { locale } = await getI18n();
  const rendered = await renderSynthesisCitations(access, {
    locale: locale === "en" ? "en-US" : "zh-CN",
    live: { sectionId: input.sectionId, citations: input.citations },
  });
  return {
    labels: rendered.sections.find((section) => section.id === input.sectionId)?.labels ?? [],
    bibliography: rendered.bibliography,
    superscript: rendered.superscript,
  };
});

const searchSchema = z.object({
  reviewId: id,
  query: z.string().max(200),
  includeExcluded: z.boolean().optional(),
});

export const searchCitableAction = reviewAction("searchCitable", async (access, raw: unknown) => {
  const input = parseInput(searchSchema, raw);
  return searchCitableItems(access, input.query, { includeExcluded: input.includeExcluded });
});

const versionSchema = z.object({ reviewId: id, sectionId: id, versionId: id });

export const loadVersionAction = reviewAction("loadVersion", async (access, raw: unknown) => {
  const input = parseInput(versionSchema, raw);
  const { version } = await getSectionVersion(access, input.sectionId, input.versionId);
  return { content: version.content, name: version.name, createdAt: version.createdAt };
});

function commentAction<T>(name: string, work: (access: ReviewAccess, raw: unknown) => Promise<T>) {
  return reviewAction(name, (access, raw: unknown) => work(access, raw));
}

export const startThreadAction = commentAction("startThread", startThread);
export const replyToThreadAction = commentAction("replyToThread", replyToThread);
export const setThreadStateAction = commentAction("setThreadState", setThreadState);
export const editCommentAction = commentAction("editComment", editComment);
export const deleteCommentAction = commentAction("deleteComment", deleteComment);
export const decideSuggestionsAction = commentAction("decideSuggestions", decideSuggestions);
export const editSuggestionAction = commentAction("editSuggestion", editSuggestion);
export const withdrawSuggestionAction = commentAction("withdrawSuggestion", withdrawSuggestion);
