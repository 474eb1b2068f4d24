// A round as a Word document for supervisors who read on paper or in Word: the round's sections with each
// comment as a native Word comment (批注) on its phrase, replies threaded under it, accepted threads marked
// resolved, suggestions as tracked insertions and deletions, and the bibliography in the review's style.
import { Paragraph, TextRun, type ICommentOptions } from "docx";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/messages";
import { renderSynthesisCitations } from "@/lib/synthesis/bibliography";
import type { DocNode } from "@/lib/synthesis/document-model";
import { synthesisToDocx } from "@/lib/synthesis/export-docx";
import { anchorDocument, type Anchor } from "./anchored-document";

export interface RoundExportWords {
  untitled: string;
  bibliography: string;
  notes: string;
  /** "{review} · 第 {number} 轮意见：{title}" */
  documentTitle: (review: string, number: number, title: string) => string;
  replace: (quote: string, text: string) => string;
  remove: (quote: string) => string;
  insert: (text: string) => string;
  detached: (quote: string) => string;
  /** "已采纳：" / "已拒绝：" before a suggestion decided during the round. */
  decided: (state: "APPLIED" | "REJECTED") => string;
  wholeSection: string;
}

const THREAD_SELECT = {
  id: true,
  sectionId: true,
  anchorStart: true,
  anchorEnd: true,
  quote: true,
  state: true,
  suggestion: true,
  suggestionState: true,
  createdAt: true,
  createdBy: { select: { name: true } },
  comments: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { body: true, createdAt: true, author: { select: { name: true } } },
  },
} as const;

function initials(name: string): string {
  const letters = name.match(/[A-Z]/g);
  return (letters?.join("") || name.slice(0, 2)).slice(0, 3);
}

function note(text: string): Paragraph[] {
  return text.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

export async function exportRoundDocx(
  access: ReviewAccess,
  roundId: string,
  options: { locale: Locale; words: RoundExportWords },
): Promise<{ body: Uint8Array; filename: string; contentType: string }> {
  const { reviewId } = access.require("review.read");
  const round = await db().commentRound.findFirst({
    where: { id: roundId, reviewId },
    select: { number: true, title: true, sections: { select: { sectionId: true } } },
  });
  if (!round) throw new AppError("NOT_FOUND", `round ${roundId} not in review ${reviewId}`);
  const sectionIds = round.sections.map((section) => section.sectionId);
  const { words } = options;
  const [rendered, states, threads] = await Promise.all([
    renderSynthesisCitations(access, {
      locale: options.locale === "en" ? "en-US" : "zh-CN",
      sectionIds,
    }),
    db().sectionDocument.findMany({
      where: { sectionId: { in: sectionIds } },
      select: { sectionId: true, state: true },
    }),
    db().commentThread.findMany({
      where: { roundId, reviewId, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: THREAD_SELECT,
    }),
  ]);
  // Pending suggestions are what Word shows as tracked changes. Decided ones are part of the record of the
  // round, not of the text: they become resolved comments saying what was suggested and what became of it.
  const shown = threads.map((thread) =>
    thread.suggestionState === "APPLIED" || thread.suggestionState === "REJECTED"
      ? { ...thread, decided: thread.suggestionState, suggestion: null, proposed: thread.suggestion }
      : { ...thread, decided: null, proposed: thread.suggestion },
  );
  const proposal = (quote: string | null, text: string) =>
    !quote ? words.insert(text) : text ? words.replace(quote, text) : words.remove(quote);

  // Word wants every comment and revision id unique in the document: one counter hands them all out.
  let nextId = 1;
  const keyOf = new Map<string, { key: number; commentKey: number | null }>();
  for (const thread of shown) {
    const key = nextId++;
    const commented = thread.suggestion === null || thread.comments.length > 0;
    keyOf.set(thread.id, { key, commentKey: !commented ? null : thread.suggestion === null ? key : nextId++ });
  }
  const comments: ICommentOptions[] = [];
  const revisions = new Map<number, { author: string; date: string; insertionId: number }>();
  const repliesTo = new Map<number, number[]>();

  const sections = rendered.documents.sections.map((section) => {
    const sectionThreads = shown.filter((thread) => thread.sectionId === section.id);
    const anchors: Anchor[] = sectionThreads.flatMap((thread) =>
      thread.anchorStart && thread.anchorEnd
        ? [
            {
              ...keyOf.get(thread.id)!,
              start: thread.anchorStart,
              end: thread.anchorEnd,
              suggestion: thread.suggestion,
            },
          ]
        : [],
    );
    const state = states.find((entry) => entry.sectionId === section.id)?.state;
    const anchored = state && anchors.length ? anchorDocument(new Uint8Array(state), anchors) : null;
    const detached = new Set(anchored?.detached ?? []);
    const onHeading: number[] = [];
    for (const thread of sectionThreads) {
      const { key, commentKey: anchoredKey } = keyOf.get(thread.id)!;
      const author = thread.createdBy?.name ?? "—";
      const anchoredInText = !!(thread.anchorStart && anchored && !detached.has(key));
      if (thread.suggestion !== null)
        revisions.set(key, { author, date: thread.createdAt.toISOString(), insertionId: nextId++ });
      // A suggestion placed in the text is a tracked change; its reason (if any) is a comment on the phrase,
      // or on the heading for a bare insertion. One that lost its phrase survives as a comment on the heading.
      const onPhrase = anchoredInText && (thread.suggestion === null || !!thread.quote);
      if (anchoredInText && anchoredKey === null) continue;
      const commentKey = anchoredKey ?? nextId++;
      if (!onPhrase) onHeading.push(commentKey);
      const [first, ...replies] = thread.comments;
      const lines: string[] = [];
      if (thread.proposed !== null) {
        const text = proposal(thread.quote, thread.proposed);
        lines.push(thread.decided ? `${words.decided(thread.decided)}${text}` : text);
      }
      // An applied suggestion replaced its own phrase: that is not "deleted text".
      if (!anchoredInText && thread.quote && thread.decided !== "APPLIED") lines.push(words.detached(thread.quote));
      if (!thread.anchorStart) lines.push(words.wholeSection);
      if (first) lines.push(first.body);
      comments.push({
        id: commentKey,
        author: first?.author?.name ?? author,
        initials: initials(first?.author?.name ?? author),
        date: first?.createdAt ?? thread.createdAt,
        resolved: thread.state === "ACCEPTED",
        children: note(lines.join("\n")),
      });
      for (const reply of replies) {
        const replyId = nextId++;
        repliesTo.set(commentKey, [...(repliesTo.get(commentKey) ?? []), replyId]);
        comments.push({
          id: replyId,
          parentId: commentKey,
          author: reply.author?.name ?? "—",
          initials: initials(reply.author?.name ?? "—"),
          date: reply.createdAt,
          children: note(reply.body),
        });
      }
    }
    return { title: section.title, doc: (anchored?.doc ?? section.doc) as DocNode, onHeading };
  });

  const reviewTitle =
    (options.locale === "en"
      ? (rendered.documents.review.titleEn ?? rendered.documents.review.titleZh)
      : (rendered.documents.review.titleZh ?? rendered.documents.review.titleEn)) ?? words.untitled;
  const title = words.documentTitle(reviewTitle, round.number, round.title);
  const buffer = await synthesisToDocx({
    title,
    sections: sections.map((section) => ({ title: section.title, doc: section.doc })),
    labels: rendered.sections.flatMap((section) => section.labels),
    bibliography: rendered.bibliography,
    bibliographyHeading: words.bibliography,
    notesHeading: words.notes,
    language: options.locale,
    superscriptLabels: rendered.superscript,
    review: { comments, revisions, replies: repliesTo, sectionComments: sections.map((section) => section.onHeading) },
  });
  const base =
    title
      .replace(/[\\/:*?"<>|\r\n]+/g, " ")
      .trim()
      .slice(0, 80) || "round";
  return {
    body: new Uint8Array(buffer),
    filename: `${base}.docx`,
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
}
