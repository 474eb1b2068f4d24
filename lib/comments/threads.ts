// Comment threads on synthesis sections: start one on a phrase or on the whole section, reply (and mark it
// addressed), accept or reopen it, edit and delete your own comments. A thread started while a round is open
// on its section belongs to that round.
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { authorize } from "@/lib/authz/authorize";
import { can } from "@/lib/authz/policy";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation";
import { mentionedIds } from "./mentions";

const id = z.string().min(1).max(64);
const body = z.string().trim().min(1).max(10_000);
/** A Yjs relative position as JSON, produced by the editor; opaque here. */
const relativePosition = z.string().min(2).max(2000);

export const startThreadSchema = z.object({
  reviewId: id,
  sectionId: id,
  roundId: id.nullish().transform((value) => value ?? null),
  anchor: z
    .object({ start: relativePosition, end: relativePosition, quote: z.string().min(1).max(5000) })
    .nullish()
    .transform((value) => value ?? null),
  body,
});

async function members(tx: Transaction, reviewId: string) {
  return tx.membership.findMany({ where: { reviewId }, select: { user: { select: { id: true, name: true } } } });
}

export async function startThread(userId: string, rawInput: unknown): Promise<{ threadId: string; commentId: string }> {
  const input = parseInput(startThreadSchema, rawInput);
  return db().$transaction(async (tx) => {
    await authorize(userId, input.reviewId, "comment.write", tx);
    const section = await tx.synthesisSection.findFirst({
      where: { id: input.sectionId, reviewId: input.reviewId, deletedAt: null },
      select: { id: true },
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
        createdById: userId,
        comments: { create: { authorId: userId, body: input.body, mentions } },
      },
      select: { id: true, comments: { select: { id: true } } },
    });
    await recordActivity(tx, {
      reviewId: input.reviewId,
      actorId: userId,
      kind: "comment.created",
      subjectType: "section",
      subjectId: input.sectionId,
      data: { threadId: thread.id, quote: input.anchor?.quote ?? null },
    });
    return { threadId: thread.id, commentId: thread.comments[0]!.id };
  });
}

async function liveThread(tx: Transaction, reviewId: string, threadId: string) {
  const thread = await tx.commentThread.findFirst({
    where: { id: threadId, reviewId },
    select: {
      id: true,
      sectionId: true,
      state: true,
      deletedAt: true,
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

export async function replyToThread(userId: string, rawInput: unknown): Promise<{ commentId: string }> {
  const input = parseInput(replySchema, rawInput);
  return db().$transaction(async (tx) => {
    const access = await authorize(userId, input.reviewId, "comment.write", tx);
    const thread = await liveThread(tx, input.reviewId, input.threadId);
    if (input.addressed) {
      if (!can(access.role, "synthesis.write"))
        throw new AppError("FORBIDDEN", `${access.role} cannot address comments`);
      if (thread.state !== "OPEN") throw new AppError("THREAD_STATE", `thread ${thread.id} is ${thread.state}`);
    }
    const mentions = mentionedIds(
      input.body,
      (await members(tx, input.reviewId)).map((member) => member.user),
    );
    const comment = await tx.comment.create({
      data: { threadId: thread.id, authorId: userId, body: input.body, mentions },
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
    return { commentId: comment.id };
  });
}

export const threadStateSchema = z.object({ reviewId: id, threadId: id, state: z.enum(["ACCEPTED", "OPEN"]) });

/** The supervisor's side: accept an answer (resolving the thread) or reopen it. */
export async function setThreadState(userId: string, rawInput: unknown): Promise<void> {
  const input = parseInput(threadStateSchema, rawInput);
  await db().$transaction(async (tx) => {
    await authorize(userId, input.reviewId, "round.run", tx);
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
    select: { id: true, authorId: true, threadId: true },
  });
  if (!comment) throw new AppError("NOT_FOUND", `comment ${commentId} not in review ${reviewId}`);
  if (comment.authorId !== userId) throw new AppError("FORBIDDEN", `comment ${commentId} belongs to someone else`);
  await liveThread(tx, reviewId, comment.threadId);
  return comment;
}

export async function editComment(userId: string, rawInput: unknown): Promise<void> {
  const input = parseInput(editCommentSchema, rawInput);
  await db().$transaction(async (tx) => {
    await authorize(userId, input.reviewId, "comment.write", tx);
    const comment = await ownComment(tx, userId, input.reviewId, input.commentId);
    const mentions = mentionedIds(
      input.body,
      (await members(tx, input.reviewId)).map((member) => member.user),
    );
    await tx.comment.update({ where: { id: comment.id }, data: { body: input.body, mentions, editedAt: new Date() } });
  });
}

/** Deleting the comment that opened a thread deletes the thread; a reply is removed on its own. */
export async function deleteComment(userId: string, rawInput: unknown): Promise<{ threadDeleted: boolean }> {
  const input = parseInput(deleteCommentSchema, rawInput);
  return db().$transaction(async (tx) => {
    await authorize(userId, input.reviewId, "comment.write", tx);
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
