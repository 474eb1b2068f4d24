// Reading comment threads: a section's threads with their comments, for the sidebar beside the text.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import type { CitationLocale } from "@/lib/synthesis/citations";
import { comparisonLabels } from "@/lib/synthesis/compare-labels";
import {
  changeBlocks,
  changedBlocksOnly,
  compareDocumentStructure,
  hasChanges,
  type CitationLabel,
  type RenderedBlock,
} from "@/lib/synthesis/document-compare";
import { EMPTY_DOCUMENT, type DocNode } from "@/lib/synthesis/document-model";
import { compareTexts, excerptChanges, type TextChange } from "@/lib/synthesis/text-compare";

const PERSON = { select: { id: true, name: true } } as const;

export const THREAD_SELECT = {
  id: true,
  sectionId: true,
  roundId: true,
  anchorStart: true,
  anchorEnd: true,
  quote: true,
  state: true,
  suggestion: true,
  suggestionState: true,
  textAtStart: true,
  contentAtStart: true,
  decidedAt: true,
  decidedBy: PERSON,
  createdAt: true,
  createdBy: PERSON,
  round: { select: { id: true, number: true, title: true, state: true } },
  comments: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      body: true,
      mentions: true,
      textAtAnswer: true,
      contentAtAnswer: true,
      createdAt: true,
      editedAt: true,
      author: PERSON,
    },
  },
} as const;

export async function listSectionThreads(access: ReviewAccess, sectionId: string) {
  const { reviewId } = access.require("review.read");
  return db().commentThread.findMany({
    where: { reviewId, sectionId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: THREAD_SELECT,
  });
}

export type SectionThread = Awaited<ReturnType<typeof listSectionThreads>>[number];

/**
 * The change an answer points to, from when the thread was started to the answer: read as documents
 * (citations as their labels, notes, quotes, headings, formatting) when both moments were kept as documents,
 * as plain text for threads older than that, "unchanged" when nothing changed.
 */
export type AnsweredChangeView =
  { kind: "document"; blocks: RenderedBlock[] } | { kind: "text"; changes: TextChange[] } | { kind: "unchanged" };

interface AnsweredThread {
  textAtStart: string | null;
  contentAtStart: unknown;
  comments: { id: string; textAtAnswer: string | null; contentAtAnswer: unknown }[];
}

function asDocument(value: unknown): DocNode | null {
  return value && typeof value === "object" && (value as DocNode).type === "doc" ? (value as DocNode) : null;
}

/** One answer's change, given the citation labels (comparisonLabels) to show citations by. */
export function answeredChange(
  thread: Omit<AnsweredThread, "comments">,
  comment: AnsweredThread["comments"][number],
  label: CitationLabel,
): AnsweredChangeView | null {
  const before = asDocument(thread.contentAtStart);
  const after = asDocument(comment.contentAtAnswer);
  if (before && after) {
    const changes = compareDocumentStructure(before, after, label);
    return hasChanges(changes)
      ? { kind: "document", blocks: changedBlocksOnly(changeBlocks(changes)) }
      : { kind: "unchanged" };
  }
  if (thread.textAtStart === null || comment.textAtAnswer === null) return null;
  const changes = excerptChanges(compareTexts(thread.textAtStart, comment.textAtAnswer));
  return changes.every((change) => change.kind === "equal") ? { kind: "unchanged" } : { kind: "text", changes };
}

/** Every answered change of a section's threads, by comment id, with citations numbered as the editor shows them. */
export async function answeredChanges(
  access: ReviewAccess,
  sectionId: string,
  threads: AnsweredThread[],
  locale: CitationLocale,
  current?: DocNode,
): Promise<Record<string, AnsweredChangeView>> {
  const answered = threads.flatMap((thread) =>
    thread.comments.filter((comment) => comment.textAtAnswer !== null).map((comment) => ({ thread, comment })),
  );
  if (answered.length === 0) return {};
  const { reviewId } = access.require("review.read");
  const now =
    current ??
    asDocument(
      (
        await db().sectionDocument.findFirst({
          where: { sectionId, section: { reviewId } },
          select: { content: true },
        })
      )?.content,
    ) ??
    EMPTY_DOCUMENT;
  const others = answered.flatMap(({ thread, comment }) =>
    [asDocument(thread.contentAtStart), asDocument(comment.contentAtAnswer)].filter((doc): doc is DocNode => !!doc),
  );
  const label = await comparisonLabels(access, sectionId, now, others, locale);
  const result: Record<string, AnsweredChangeView> = {};
  for (const { thread, comment } of answered) {
    const change = answeredChange(thread, comment, label);
    if (change) result[comment.id] = change;
  }
  return result;
}
