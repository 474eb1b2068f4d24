"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
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
import { formFields, runAction, type ActionResult } from "@/lib/errors/action-result";
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

function sectionAction<T>(name: string, work: (userId: string, form: FormData) => Promise<T>) {
  return (form: FormData): Promise<ActionResult<T>> =>
    runAction(name, async () => {
      const user = await requireUser();
      const result = await work(user.id, form);
      revalidatePath(`/reviews/${String(form.get("reviewId"))}/synthesis`, "layout");
      return result;
    });
}

const create = sectionAction("createSection", (userId, form) =>
  createSection(userId, formFields(form, ["reviewId", "title", "themeId", "ownerId"])),
);
const update = sectionAction("updateSection", (userId, form) =>
  updateSection(
    userId,
    formFields(form, ["reviewId", "sectionId", "title", "themeId", "ownerId", "status", "version"]),
  ),
);
const move = sectionAction("moveSection", (userId, form) =>
  moveSection(userId, formFields(form, ["reviewId", "sectionId", "direction"])),
);
const trash = sectionAction("trashSection", (userId, form) =>
  setSectionTrashed(userId, {
    ...formFields(form, ["reviewId", "sectionId"]),
    trashed: form.get("trashed") === "true",
  }),
);
const style = sectionAction("setCitationStyle", (userId, form) =>
  setCitationStyle(userId, formFields(form, ["reviewId", "style"])),
);
const version = sectionAction("saveSectionVersion", (userId, form) =>
  saveSectionVersion(userId, formFields(form, ["reviewId", "sectionId", "name", "kind"])),
);

export async function createSectionAction(_previous: unknown, form: FormData) {
  return create(form);
}
export async function updateSectionAction(_previous: unknown, form: FormData) {
  return update(form);
}
export async function moveSectionAction(_previous: unknown, form: FormData) {
  return move(form);
}
export async function trashSectionAction(_previous: unknown, form: FormData) {
  return trash(form);
}
export async function setCitationStyleAction(_previous: unknown, form: FormData) {
  return style(form);
}
export async function saveSectionVersionAction(_previous: unknown, form: FormData) {
  return version(form);
}

const id = z.string().min(1).max(64);
const liveCitationsSchema = z.object({
  reviewId: id,
  sectionId: id,
  citations: z.array(z.object({ itemId: id, locator: z.string().max(100).nullable() })).max(5000),
});

/** Labels for the section being edited (from the editor's own citations) and the synthesis bibliography. */
export async function renderCitationsAction(raw: unknown) {
  return runAction("renderCitations", async () => {
    const user = await requireUser();
    const input = parseInput(liveCitationsSchema, raw);
    const { locale } = await getI18n();
    const rendered = await renderSynthesisCitations(user.id, input.reviewId, {
      locale: locale === "en" ? "en-US" : "zh-CN",
      live: { sectionId: input.sectionId, citations: input.citations },
    });
    return {
      labels: rendered.sections.find((section) => section.id === input.sectionId)?.labels ?? [],
      bibliography: rendered.bibliography,
      superscript: rendered.superscript,
    };
  });
}

const searchSchema = z.object({
  reviewId: id,
  query: z.string().max(200),
  includeExcluded: z.boolean().optional(),
});

export async function searchCitableAction(raw: unknown) {
  return runAction("searchCitable", async () => {
    const user = await requireUser();
    const input = parseInput(searchSchema, raw);
    return searchCitableItems(user.id, input.reviewId, input.query, { includeExcluded: input.includeExcluded });
  });
}

const versionSchema = z.object({ reviewId: id, sectionId: id, versionId: id });

export async function loadVersionAction(raw: unknown) {
  return runAction("loadVersion", async () => {
    const user = await requireUser();
    const input = parseInput(versionSchema, raw);
    const { version } = await getSectionVersion(user.id, input.reviewId, input.sectionId, input.versionId);
    return { content: version.content, name: version.name, createdAt: version.createdAt };
  });
}

function commentAction<T>(name: string, work: (userId: string, raw: unknown) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> =>
    runAction(name, async () => {
      const user = await requireUser();
      return work(user.id, raw);
    });
}

const start = commentAction("startThread", startThread);
const reply = commentAction("replyToThread", replyToThread);
const threadState = commentAction("setThreadState", setThreadState);
const edit = commentAction("editComment", editComment);
const remove = commentAction("deleteComment", deleteComment);
const decide = commentAction("decideSuggestions", decideSuggestions);
const changeSuggestion = commentAction("editSuggestion", editSuggestion);
const withdraw = commentAction("withdrawSuggestion", withdrawSuggestion);

export async function startThreadAction(raw: unknown) {
  return start(raw);
}
export async function replyToThreadAction(raw: unknown) {
  return reply(raw);
}
export async function setThreadStateAction(raw: unknown) {
  return threadState(raw);
}
export async function editCommentAction(raw: unknown) {
  return edit(raw);
}
export async function deleteCommentAction(raw: unknown) {
  return remove(raw);
}
export async function decideSuggestionsAction(raw: unknown) {
  return decide(raw);
}
export async function editSuggestionAction(raw: unknown) {
  return changeSuggestion(raw);
}
export async function withdrawSuggestionAction(raw: unknown) {
  return withdraw(raw);
}
