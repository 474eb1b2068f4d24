// Bringing a round's Word file back after it was annotated offline: each new comment and tracked change is
// found again in the round's sections as they read now (its phrase, told apart by the text around it) and
// anchored by Yjs relative positions like a comment made in the editor. The preview lists what would be
// created, what the app already has (the file's own exported comments and suggestions), and the phrases that
// no longer match; confirming creates the new ones as the uploader's comments and suggestions in one transaction.
import { getSchema } from "@tiptap/core";
import { absolutePositionToRelativePosition, initProseMirrorDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { recordActivity } from "@/lib/activity/record";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db, type Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { EMPTY_DOCUMENT } from "@/lib/synthesis/document-model";
import { links, notify } from "@/lib/notifications/notify";
import { renderSynthesisCitations } from "@/lib/synthesis/bibliography";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { readWordAnnotations } from "./word-annotations";

export const MAX_WORD_FILE_BYTES = 20 * 1024 * 1024;

export interface ImportEntry {
  /** A reply is one made in Word to a comment the app already has (replies to new comments travel in `replies`). */
  kind: "comment" | "suggestion" | "reply";
  /** new: will be created · existing: already in the app (exported with the file) · unmatched: phrase not found. */
  status: "new" | "existing" | "unmatched";
  sectionId: string | null;
  sectionTitle: string | null;
  quote: string;
  body: string | null;
  suggestion: string | null;
  /** The name Word recorded for whoever made it. */
  wordAuthor: string;
  anchor: { start: string; end: string } | null;
  /** A new comment's replies made in Word, created after it in the same thread. */
  replies: { body: string; wordAuthor: string }[];
  /** For a reply: the thread it answers. */
  threadId: string | null;
}

interface SectionIndex {
  id: string;
  title: string;
  /** The section as the exported Word file reads: its text with each citation as its label ([3], (张三, 2020)). */
  text: string;
  /**
   * ProseMirror position of each character of `text` (-1 for the line break between blocks); every character
   * of a citation's label is the citation node's own position, so a phrase ending in "[3]" ends after it.
   */
  positions: number[];
  encode: (from: number, to: number) => { start: string; end: string };
  currentText: string;
}

function indexSection(
  id: string,
  title: string,
  state: Uint8Array,
  currentText: string,
  labels: string[],
): SectionIndex {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const fragment = ydoc.getXmlFragment(SECTION_FRAGMENT);
  const { doc, mapping } = initProseMirrorDoc(fragment, getSchema(sectionExtensions()));
  let text = "";
  const positions: number[] = [];
  // The labels come in the section's reading order, as the export consumed them (citationLabeller).
  let citation = 0;
  doc.descendants((node, pos) => {
    if (node.isTextblock && text) {
      text += "\n";
      positions.push(-1);
    }
    if (node.isText) {
      const value = node.text ?? "";
      for (let index = 0; index < value.length; index++) positions.push(pos + index);
      text += value;
    } else if (node.type.name === "citation") {
      const label = typeof node.attrs.itemId === "string" ? (labels[citation++] ?? "") : "";
      for (let index = 0; index < label.length; index++) positions.push(pos);
      text += label;
    }
    return true;
  });
  const encode = (position: number) =>
    JSON.stringify(Y.relativePositionToJSON(absolutePositionToRelativePosition(position, fragment, mapping)));
  return { id, title, text, positions, currentText, encode: (from, to) => ({ start: encode(from), end: encode(to) }) };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where the phrase is in the section (best fit to its context), as character offsets, or null. */
function locate(section: SectionIndex, quote: string, before: string, after: string) {
  const { text } = section;
  const candidates: { from: number; to: number; score: number }[] = [];
  if (quote) {
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
      const score =
        commonSuffix(text.slice(Math.max(0, at - before.length), at), before) +
        commonPrefix(text.slice(at + quote.length, at + quote.length + after.length), after);
      candidates.push({ from: at, to: at + quote.length, score });
    }
  } else {
    // An insertion is placed by the text around it.
    const around = before + after;
    if (around.length >= 2) {
      for (let at = text.indexOf(around); at !== -1; at = text.indexOf(around, at + 1)) {
        candidates.push({ from: at + before.length, to: at + before.length, score: around.length });
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  return candidates[0] ?? null;
}

function pmRange(section: SectionIndex, from: number, to: number): { from: number; to: number } | null {
  if (from === to) {
    const pos = from > 0 ? section.positions[from - 1]! + 1 : section.positions[0];
    return pos === undefined || pos < 0 ? null : { from: pos, to: pos };
  }
  const start = section.positions[from];
  const end = section.positions[to - 1];
  if (start === undefined || end === undefined || start < 0 || end < 0) return null;
  return { from: start, to: end + 1 };
}

async function loadRound(client: Transaction | ReturnType<typeof db>, reviewId: string, roundId: string) {
  const round = await client.commentRound.findFirst({
    where: { id: roundId, reviewId },
    select: {
      id: true,
      number: true,
      state: true,
      sections: {
        select: {
          section: {
            select: { id: true, title: true, deletedAt: true, document: { select: { state: true, text: true } } },
          },
        },
      },
      threads: {
        where: { deletedAt: null },
        select: {
          id: true,
          sectionId: true,
          section: { select: { title: true } },
          quote: true,
          suggestion: true,
          comments: { where: { deletedAt: null }, select: { body: true } },
        },
      },
    },
  });
  if (!round) throw new AppError("NOT_FOUND", `round ${roundId} not in review ${reviewId}`);
  if (round.state === "CLOSED") throw new AppError("ROUND_CLOSED", `round ${round.number} is closed`);
  return round;
}

async function plan(
  client: Transaction | ReturnType<typeof db>,
  access: ReviewAccess,
  roundId: string,
  bytes: Uint8Array,
): Promise<ImportEntry[]> {
  const { reviewId } = access;
  if (bytes.byteLength > MAX_WORD_FILE_BYTES) throw new AppError("INVALID_INPUT", "file too large");
  const annotations = await readWordAnnotations(bytes);
  const round = await loadRound(client, reviewId, roundId);
  const live = round.sections.map(({ section }) => section).filter((section) => !section.deletedAt && section.document);
  // The citations as the round's Word export prints them (exportRound renders these same sections), so a
  // phrase around "[3]" or "(张三, 2020)" is found in a text that holds citation nodes.
  const rendered = live.length
    ? await renderSynthesisCitations(access, {
        locale: "zh-CN",
        sectionIds: round.sections.map(({ section }) => section.id),
      })
    : null;
  const labelsOf = (sectionId: string) => rendered?.sections.find((section) => section.id === sectionId)?.labels ?? [];
  const sections = live.map((section) =>
    indexSection(section.id, section.title, section.document!.state, section.document!.text, labelsOf(section.id)),
  );
  const known = new Set<string>();
  // A Word comment the app already has, by its phrase and text: where its Word replies go.
  const threadOf = new Map<string, (typeof round.threads)[number]>();
  for (const thread of round.threads) {
    if (thread.suggestion !== null) known.add(`s\u0000${thread.quote ?? ""}\u0000${thread.suggestion}`);
    for (const comment of thread.comments) {
      const key = `c\u0000${thread.quote ?? ""}\u0000${comment.body.trim()}`;
      known.add(key);
      if (!threadOf.has(key)) threadOf.set(key, thread);
    }
  }
  const place = (quote: string, before: string, after: string) => {
    let best: { section: SectionIndex; from: number; to: number; score: number } | null = null;
    for (const section of sections) {
      const found = locate(section, quote, before, after);
      if (found && (!best || found.score > best.score)) best = { section, ...found };
    }
    if (!best) return null;
    const range = pmRange(best.section, best.from, best.to);
    return range ? { section: best.section, anchor: best.section.encode(range.from, range.to) } : null;
  };
  const entries: ImportEntry[] = [];
  for (const comment of annotations.comments) {
    if (!comment.body) continue;
    const key = `c\u0000${comment.quote}\u0000${comment.body}`;
    const existing = known.has(key);
    const placed = existing || !comment.quote.trim() ? null : place(comment.quote, comment.before, comment.after);
    const thread = existing ? threadOf.get(key) : undefined;
    entries.push({
      kind: "comment",
      status: existing ? "existing" : placed ? "new" : "unmatched",
      sectionId: placed?.section.id ?? thread?.sectionId ?? null,
      sectionTitle: placed?.section.title ?? thread?.section.title ?? null,
      quote: comment.quote,
      body: comment.body,
      suggestion: null,
      wordAuthor: comment.author,
      anchor: placed?.anchor ?? null,
      // A new comment takes its Word replies along; an existing one gets them as replies below.
      replies: existing ? [] : comment.replies.map((reply) => ({ body: reply.body, wordAuthor: reply.author })),
      threadId: thread?.id ?? null,
    });
    if (!thread) continue;
    const answered = new Set(thread.comments.map((entry) => entry.body.trim()));
    for (const reply of comment.replies) {
      entries.push({
        kind: "reply",
        status: answered.has(reply.body) ? "existing" : "new",
        sectionId: thread.sectionId,
        sectionTitle: thread.section.title,
        quote: comment.quote,
        body: reply.body,
        suggestion: null,
        wordAuthor: reply.author,
        anchor: null,
        replies: [],
        threadId: thread.id,
      });
    }
  }
  for (const change of annotations.changes) {
    const text = change.text.replace(/\s*\n\s*/g, " ");
    const existing = known.has(`s\u0000${change.quote}\u0000${text}`);
    const placed = existing ? null : place(change.quote, change.before, change.after);
    entries.push({
      kind: "suggestion",
      status: existing ? "existing" : placed ? "new" : "unmatched",
      sectionId: placed?.section.id ?? null,
      sectionTitle: placed?.section.title ?? null,
      quote: change.quote,
      body: null,
      suggestion: text,
      wordAuthor: change.author,
      anchor: placed?.anchor ?? null,
      replies: [],
      threadId: null,
    });
  }
  return entries;
}

/** What uploading the file would do, without writing anything. */
export async function previewWordImport(access: ReviewAccess, roundId: string, bytes: Uint8Array) {
  access.require("comment.write");
  return { entries: await plan(db(), access, roundId, bytes) };
}

/** Creates the file's new comments and suggestions as the uploader's, in one transaction. */
export async function applyWordImport(
  access: ReviewAccess,
  roundId: string,
  bytes: Uint8Array,
): Promise<{ created: number; unmatched: number }> {
  const { userId, reviewId } = access;
  return db().$transaction(
    async (tx) => {
      await confirmAccess(access, "comment.write", tx);
      const entries = await plan(tx, access, roundId, bytes);
      const fresh = entries.filter((entry) => entry.status === "new");
      for (const entry of fresh) {
        const sectionId = entry.sectionId!;
        if (entry.kind === "reply") {
          await createReply(tx, userId, reviewId, entry);
          continue;
        }
        const section = await tx.synthesisSection.findUniqueOrThrow({
          where: { id: sectionId },
          select: { title: true, document: { select: { text: true, content: true } } },
        });
        const thread = await tx.commentThread.create({
          data: {
            reviewId,
            sectionId,
            roundId,
            anchorStart: entry.anchor!.start,
            anchorEnd: entry.anchor!.end,
            quote: entry.quote,
            suggestion: entry.suggestion,
            suggestionState: entry.suggestion === null ? null : "PENDING",
            textAtStart: section.document?.text ?? "",
            contentAtStart: (section.document?.content ?? EMPTY_DOCUMENT) as Prisma.InputJsonValue,
            createdById: userId,
            // The comment, then its Word replies; a millisecond apart so they list in this order.
            comments: entry.body
              ? {
                  create: [entry.body, ...entry.replies.map((reply) => reply.body)].map((body, index) => ({
                    authorId: userId,
                    body,
                    mentions: [],
                    createdAt: new Date(Date.now() + index),
                  })),
                }
              : undefined,
          },
          select: { id: true },
        });
        await recordActivity(tx, {
          reviewId,
          actorId: userId,
          kind: entry.kind === "comment" ? "comment.created" : "suggestion.created",
          subjectType: "section",
          subjectId: sectionId,
          data: { threadId: thread.id, quote: entry.quote, suggestion: entry.suggestion, fromWord: true },
        });
        await notify(tx, {
          reviewId,
          kind: entry.kind === "comment" ? "COMMENT" : "SUGGESTION",
          actorId: userId,
          subject: { sectionId, threadId: thread.id },
          link: links.thread(reviewId, sectionId, thread.id),
          data: {
            sectionTitle: section.title,
            quote: entry.quote,
            excerpt: entry.body ?? "",
            suggestion: entry.suggestion,
          },
        });
      }
      return { created: fresh.length, unmatched: entries.filter((entry) => entry.status === "unmatched").length };
    },
    { timeout: 60_000 },
  );
}

/** A reply made in Word to a comment the app already has: a reply in that thread, as the uploader's. */
async function createReply(tx: Transaction, userId: string, reviewId: string, entry: ImportEntry) {
  const thread = await tx.commentThread.findFirstOrThrow({
    where: { id: entry.threadId!, reviewId, deletedAt: null },
    select: { id: true, sectionId: true, quote: true, section: { select: { title: true } } },
  });
  await tx.comment.create({ data: { threadId: thread.id, authorId: userId, body: entry.body!, mentions: [] } });
  await recordActivity(tx, {
    reviewId,
    actorId: userId,
    kind: "comment.replied",
    subjectType: "section",
    subjectId: thread.sectionId,
    data: { threadId: thread.id, fromWord: true },
  });
  await notify(tx, {
    reviewId,
    kind: "REPLY",
    actorId: userId,
    subject: { sectionId: thread.sectionId, threadId: thread.id },
    link: links.thread(reviewId, thread.sectionId, thread.id),
    data: { sectionTitle: thread.section.title, quote: thread.quote, excerpt: entry.body ?? "", addressed: false },
  });
}
