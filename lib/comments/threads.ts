// Comment threads on synthesis sections: start one on a phrase or on the whole section, reply (and mark it
// addressed), accept or reopen it, edit and delete your own comments. A thread started while a round is open
// on its section belongs to that round. A suggestion is a thread that carries replacement text for its
// phrase; an editor applies or rejects it. Mentions, replies and decisions land in people's inboxes.
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { can } from "@/lib/authz/policy";
import { db, type Transaction } from "@/lib/db/client";
import { lockRows } from "@/lib/db/lock";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { EMPTY_DOCUMENT } from "@/lib/synthesis/document-model";
import { links, notify } from "@/lib/notifications/notify";
import { parseInput } from "@/lib/validation";
import { COMMENT_MAX_CHARS, SUGGESTION_MAX_CHARS } from "./limits";
import { mentionedIds } from "./mentions";

const id = z.string().min(1).max(64);
const body = z.string().trim().min(1).max(COMMENT_MAX_CHARS);
/** A Yjs relative position as JSON, produced by the editor; opaque here. */
const relativePosition = z.string().min(2).max(2000);

export const startThreadSchema = z
  .object({
    reviewId: id,
    sectionId: id,
    roundId: id.nullish().transform((value) => value ?? null),
    anchor: z
      .object({ start: relativePosition, end: relativePosition, quote: z.string().max(5000) })
      .nullish()
      .transform((value) => value ?? null),
    /** Replacement text for the anchored phrase: "" deletes it; with an empty quote, it is inserted. */
    suggestion: z
      .string()
      .max(SUGGESTION_MAX_CHARS)
      .nullish()
      .transform((value) => (value == null ? null : value.replace(/\s*\n\s*/g, " "))),
    body: z.string().trim().max(COMMENT_MAX_CHARS).default(""),
  })
  .superRefine((input, context) => {
    if (input.suggestion === null) {
      if (!input.body) context.addIssue({ code: "custom", path: ["body"], message: "validation.custom.commentBody" });
      if (input.anchor && !input.anchor.quote.trim())
        context.addIssue({ code: "custom", path: ["anchor", "quote"], message: "validation.custom.commentQuote" });
      return;
    }
    if (!input.anchor)
      context.addIssue({ code: "custom", path: ["anchor"], message: "validation.custom.suggestionPlace" });
    else if (input.anchor.quote === input.suggestion)
      context.addIssue({ code: "custom", path: ["suggestion"], message: "validation.custom.suggestionNoChange" });
    else if (!input.anchor.quote && !input.suggestion)
      context.addIssue({ code: "custom", path: ["suggestion"], message: "validation.custom.suggestionEmpty" });
  });

async function members(tx: Transaction, reviewId: string) {
  return tx.membership.findMany({ where: { reviewId }, select: { user: { select: { id: true, name: true } } } });
}

export async function startThread(
  access: ReviewAccess,
  rawInput: unknown,
): Promise<{ threadId: string; commentId: string | null }> {
  const { userId } = access;
  const input = parseInput(startThreadSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "comment.write", tx, input.reviewId);
    const section = await tx.synthesisSection.findFirst({
      where: { id: input.sectionId, reviewId: input.reviewId, deletedAt: null },
      select: { id: true, title: true, document: { select: { text: true, content: true } } },
    });
    if (!section) throw new AppError("NOT_FOUND", `section ${input.sectionId} not in review ${input.reviewId}`);
    if (input.roundId) {
      const round = await tx.commentRound.findFirst({
        where: { id: input.roundId, reviewId: input.reviewId },
        select: {
          state: true,
          number: true,
          sections: { where: { sectionId: input.sectionId }, select: { sectionId: true } },
        },
      });
      if (!round) throw new AppError("NOT_FOUND", `round ${input.roundId} not in review ${input.reviewId}`);
      if (round.state === "CLOSED") throw new AppError("ROUND_CLOSED", `round ${round.number} is closed`);
      if (round.sections.length === 0) {
        throw new AppError("SECTION_NOT_IN_ROUND", `section ${input.sectionId} is not part of round ${round.number}`);
      }
    }
    const mentions = mentionedIds(
      input.body,
      (await members(tx, input.reviewId)).map((member) => member.user),
    );
    const thread = await tx.commentThread.create({
      data: {
        reviewId: input.reviewId,
        sectionId: input.sectionId,
        roundId: input.roundId,
        anchorStart: input.anchor?.start ?? null,
        anchorEnd: input.anchor?.end ?? null,
        quote: input.anchor?.quote ?? null,
        suggestion: input.suggestion,
        suggestionState: input.suggestion === null ? null : "PENDING",
        textAtStart: section.document?.text ?? "",
        contentAtStart: (section.document?.content ?? EMPTY_DOCUMENT) as Prisma.InputJsonValue,
        createdById: userId,
        comments: input.body ? { create: { authorId: userId, body: input.body, mentions } } : undefined,
      },
      select: { id: true, comments: { select: { id: true } } },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: input.suggestion === null ? "comment.created" : "suggestion.created",
      subjectType: "section",
      subjectId: input.sectionId,
      data: { threadId: thread.id, quote: input.anchor?.quote ?? null, suggestion: input.suggestion },
    });
    const about = {
      reviewId: input.reviewId,
      actorId: userId,
      subject: { sectionId: input.sectionId, threadId: thread.id, mentioned: mentions },
      link: links.thread(input.reviewId, input.sectionId, thread.id),
      data: {
        sectionTitle: section.title,
        quote: input.anchor?.quote ?? null,
        excerpt: excerpt(input.body),
        suggestion: input.suggestion,
      },
    };
    const mentioned = await notify(tx, { ...about, kind: "MENTION" });
    await notify(tx, { ...about, kind: input.suggestion === null ? "COMMENT" : "SUGGESTION", except: mentioned });
    return { threadId: thread.id, commentId: thread.comments[0]?.id ?? null };
  });
}

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

async function liveThread(tx: Transaction, reviewId: string, threadId: string) {
  const thread = await tx.commentThread.findFirst({
    where: { id: threadId, reviewId },
    select: {
      id: true,
      sectionId: true,
      state: true,
      deletedAt: true,
      quote: true,
      suggestion: true,
      suggestionState: true,
      createdById: true,
      section: { select: { title: true } },
      round: { select: { state: true, number: true } },
    },
  });
  if (!thread) throw new AppError("NOT_FOUND", `thread ${threadId} not in review ${reviewId}`);
  if (thread.deletedAt) throw new AppError("THREAD_DELETED", `thread ${threadId} was deleted`);
  return thread;
}

export const replySchema = z.object({
  reviewId: id,
  threadId: id,
  body,
  /** An editor's answer that says the comment has been dealt with in the text. */
  addressed: z.boolean().default(false),
});

export async function replyToThread(access: ReviewAccess, rawInput: unknown): Promise<{ commentId: string }> {
  const { userId } = access;
  const input = parseInput(replySchema, rawInput);
  return db().$transaction(async (tx) => {
    // The role as it stands in this transaction decides whether the reply may mark the thread addressed.
    const current = await confirmAccess(access, "comment.write", tx, input.reviewId);
    const thread = await liveThread(tx, input.reviewId, input.threadId);
    if (input.addressed) {
      if (!can(current.role, "synthesis.write"))
        throw new AppError("FORBIDDEN", `${current.role} cannot address comments`);
      if (thread.state !== "OPEN") throw new AppError("THREAD_STATE", `thread ${thread.id} is ${thread.state}`);
    }
    const mentions = mentionedIds(
      input.body,
      (await members(tx, input.reviewId)).map((member) => member.user),
    );
    // An answer that says "done" keeps the text as it stands, so everyone can see the change it points to.
    const answered = input.addressed
      ? await tx.sectionDocument.findUnique({
          where: { sectionId: thread.sectionId },
          select: { text: true, content: true },
        })
      : null;
    const comment = await tx.comment.create({
      data: {
        threadId: thread.id,
        authorId: userId,
        body: input.body,
        mentions,
        textAtAnswer: input.addressed ? (answered?.text ?? "") : null,
        contentAtAnswer: input.addressed ? ((answered?.content ?? EMPTY_DOCUMENT) as Prisma.InputJsonValue) : undefined,
      },
      select: { id: true },
    });
    if (input.addressed) await tx.commentThread.update({ where: { id: thread.id }, data: { state: "ADDRESSED" } });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: input.addressed ? "comment.addressed" : "comment.replied",
      subjectType: "section",
      subjectId: thread.sectionId,
      data: { threadId: thread.id },
    });
    const about = {
      reviewId: input.reviewId,
      actorId: userId,
      subject: { sectionId: thread.sectionId, threadId: thread.id, mentioned: mentions },
      link: links.thread(input.reviewId, thread.sectionId, thread.id),
      data: {
        sectionTitle: thread.section.title,
        quote: thread.quote,
        excerpt: excerpt(input.body),
        addressed: input.addressed,
      },
    };
    const mentioned = await notify(tx, { ...about, kind: "MENTION" });
    await notify(tx, { ...about, kind: "REPLY", except: mentioned });
    return { commentId: comment.id };
  });
}

export const threadStateSchema = z.object({ reviewId: id, threadId: id, state: z.enum(["ACCEPTED", "OPEN"]) });

/** The supervisor's side: accept an answer (resolving the thread) or reopen it. */
export async function setThreadState(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(threadStateSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "round.run", tx, input.reviewId);
    const thread = await liveThread(tx, input.reviewId, input.threadId);
    if (thread.state === input.state)
      throw new AppError("THREAD_STATE", `thread ${thread.id} is already ${thread.state}`);
    await tx.commentThread.update({ where: { id: thread.id }, data: { state: input.state } });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: input.state === "ACCEPTED" ? "comment.accepted" : "comment.reopened",
      subjectType: "section",
      subjectId: thread.sectionId,
      data: { threadId: thread.id, from: thread.state },
    });
  });
}

export const editCommentSchema = z.object({ reviewId: id, commentId: id, body });
export const deleteCommentSchema = z.object({ reviewId: id, commentId: id });

async function ownComment(tx: Transaction, userId: string, reviewId: string, commentId: string) {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, deletedAt: null, thread: { reviewId } },
    select: { id: true, authorId: true, threadId: true, mentions: true },
  });
  if (!comment) throw new AppError("NOT_FOUND", `comment ${commentId} not in review ${reviewId}`);
  if (comment.authorId !== userId) throw new AppError("FORBIDDEN", `comment ${commentId} belongs to someone else`);
  await liveThread(tx, reviewId, comment.threadId);
  return comment;
}

export async function editComment(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(editCommentSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "comment.write", tx, input.reviewId);
    const comment = await ownComment(tx, userId, input.reviewId, input.commentId);
    const mentions = mentionedIds(
      input.body,
      (await members(tx, input.reviewId)).map((member) => member.user),
    );
    await tx.comment.update({ where: { id: comment.id }, data: { body: input.body, mentions, editedAt: new Date() } });
    // Only people newly mentioned by the edit hear about it; the others were told when it was written.
    const thread = await liveThread(tx, input.reviewId, comment.threadId);
    await notify(tx, {
      reviewId: input.reviewId,
      kind: "MENTION",
      actorId: userId,
      subject: { mentioned: mentions.filter((id) => !comment.mentions.includes(id)) },
      link: links.thread(input.reviewId, thread.sectionId, thread.id),
      data: { sectionTitle: thread.section.title, quote: thread.quote, excerpt: excerpt(input.body) },
    });
  });
}

/** Deleting the comment that opened a thread deletes the thread; a reply is removed on its own. */
export async function deleteComment(access: ReviewAccess, rawInput: unknown): Promise<{ threadDeleted: boolean }> {
  const { userId } = access;
  const input = parseInput(deleteCommentSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "comment.write", tx, input.reviewId);
    const comment = await ownComment(tx, userId, input.reviewId, input.commentId);
    const first = await tx.comment.findFirst({
      where: { threadId: comment.threadId },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    const now = new Date();
    await tx.comment.update({ where: { id: comment.id }, data: { deletedAt: now } });
    const threadDeleted = first?.id === comment.id;
    if (threadDeleted) await tx.commentThread.update({ where: { id: comment.threadId }, data: { deletedAt: now } });
    return { threadDeleted };
  });
}

export const decideSuggestionsSchema = z.object({
  reviewId: id,
  threadIds: z.array(id).min(1).max(500),
  decision: z.enum(["APPLIED", "REJECTED"]),
  /** Why it was rejected: kept as the decider's reply on each thread, and told to the suggestion's author. */
  reason: z
    .string()
    .trim()
    .max(10_000)
    .nullish()
    .transform((value) => value || null),
});

/**
 * An editor's decision on suggestions, one or all at once. The editor's client applies the text itself, as
 * the editor's own change, after this succeeds, and only for the suggestions returned: deciding first means
 * two editors clicking "accept" at the same moment cannot both apply it. In a batch, suggestions someone has
 * decided meanwhile are left as they are; a batch with none left to decide is refused.
 */
export async function decideSuggestions(access: ReviewAccess, rawInput: unknown): Promise<{ decided: string[] }> {
  const { userId } = access;
  const input = parseInput(decideSuggestionsSchema, rawInput);
  const threadIds = [...new Set(input.threadIds)];
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "synthesis.write", tx, input.reviewId);
    // Two editors deciding the same suggestion at once: the second waits here for the first to commit, then
    // reads the suggestion as decided, so only one of them is told to apply the text.
    await lockRows(tx, "CommentThread", threadIds);
    const found = await Promise.all(threadIds.map((threadId) => liveThread(tx, input.reviewId, threadId)));
    for (const thread of found) {
      if (thread.suggestion === null) throw new AppError("THREAD_STATE", `thread ${thread.id} is not a suggestion`);
    }
    const threads = found.filter((thread) => thread.suggestionState === "PENDING");
    if (threads.length === 0)
      throw new AppError("THREAD_STATE", `suggestions ${threadIds.join(",")} are already decided`);
    const now = new Date();
    await tx.commentThread.updateMany({
      where: { id: { in: threads.map((thread) => thread.id) }, suggestionState: "PENDING" },
      data: { suggestionState: input.decision, state: "ACCEPTED", decidedById: userId, decidedAt: now },
    });
    const reason = input.decision === "REJECTED" ? input.reason : null;
    for (const thread of threads) {
      if (reason)
        await tx.comment.create({ data: { threadId: thread.id, authorId: userId, body: reason, mentions: [] } });
      await recordActivity(tx, {
        reviewId: input.reviewId,
        actorId: userId,
        kind: input.decision === "APPLIED" ? "suggestion.applied" : "suggestion.rejected",
        subjectType: "section",
        subjectId: thread.sectionId,
        data: { threadId: thread.id, quote: thread.quote, suggestion: thread.suggestion },
      });
      await notify(tx, {
        reviewId: input.reviewId,
        kind: "SUGGESTION_DECIDED",
        actorId: userId,
        subject: { sectionId: thread.sectionId, threadId: thread.id },
        link: links.thread(input.reviewId, thread.sectionId, thread.id),
        data: {
          sectionTitle: thread.section.title,
          quote: thread.quote,
          suggestion: thread.suggestion,
          decision: input.decision,
          reason: reason ? excerpt(reason) : null,
        },
      });
    }
    return { decided: threads.map((thread) => thread.id) };
  });
}

export const editSuggestionSchema = z.object({
  reviewId: id,
  threadId: id,
  suggestion: z
    .string()
    .max(5000)
    .transform((value) => value.replace(/\s*\n\s*/g, " ")),
});
export const withdrawSuggestionSchema = z.object({ reviewId: id, threadId: id });

/** The suggestion's author, while nobody has decided it yet. */
async function ownPendingSuggestion(tx: Transaction, userId: string, reviewId: string, threadId: string) {
  const thread = await liveThread(tx, reviewId, threadId);
  if (thread.suggestion === null) throw new AppError("THREAD_STATE", `thread ${threadId} is not a suggestion`);
  if (thread.createdById !== userId) throw new AppError("FORBIDDEN", `suggestion ${threadId} is someone else's`);
  if (thread.suggestionState !== "PENDING")
    throw new AppError("THREAD_STATE", `suggestion ${threadId} is already ${thread.suggestionState}`);
  return thread;
}

/** Changes the proposed text of one's own pending suggestion (as Word lets you edit your tracked change). */
export async function editSuggestion(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(editSuggestionSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "comment.write", tx, input.reviewId);
    const thread = await ownPendingSuggestion(tx, userId, input.reviewId, input.threadId);
    if ((thread.quote ?? "") === input.suggestion)
      throw new AppError("INVALID_INPUT", "the suggestion changes nothing", {
        suggestion: ["validation.custom.suggestionNoChange"],
      });
    if (!thread.quote && !input.suggestion)
      throw new AppError("INVALID_INPUT", "nothing to insert", { suggestion: ["validation.custom.suggestionEmpty"] });
    // Only a still-pending suggestion is changed, even if someone decides it at this very moment.
    const changed = await tx.commentThread.updateMany({
      where: { id: thread.id, suggestionState: "PENDING" },
      data: { suggestion: input.suggestion },
    });
    if (changed.count === 0) throw new AppError("THREAD_STATE", `suggestion ${thread.id} was decided meanwhile`);
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "suggestion.edited",
      subjectType: "section",
      subjectId: thread.sectionId,
      data: { threadId: thread.id, from: thread.suggestion, to: input.suggestion },
    });
  });
}

/** Withdraws one's own pending suggestion: it leaves the text's margin, as a deleted thread. */
export async function withdrawSuggestion(access: ReviewAccess, rawInput: unknown): Promise<void> {
  const { userId } = access;
  const input = parseInput(withdrawSuggestionSchema, rawInput);
  await db().$transaction(async (tx) => {
    await confirmAccess(access, "comment.write", tx, input.reviewId);
    const thread = await ownPendingSuggestion(tx, userId, input.reviewId, input.threadId);
    const withdrawn = await tx.commentThread.updateMany({
      where: { id: thread.id, suggestionState: "PENDING", deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (withdrawn.count === 0) throw new AppError("THREAD_STATE", `suggestion ${thread.id} was decided meanwhile`);
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "suggestion.withdrawn",
      subjectType: "section",
      subjectId: thread.sectionId,
      data: { threadId: thread.id, quote: thread.quote, suggestion: thread.suggestion },
    });
  });
}
