// Reading comment threads: a section's threads with their comments, for the sidebar beside the text.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
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

/** The change an answer points to: the section's text from when the thread was started to the answer. */
export function answeredChange(
  thread: { textAtStart: string | null },
  comment: { textAtAnswer: string | null },
): TextChange[] | null {
  if (thread.textAtStart === null || comment.textAtAnswer === null) return null;
  return excerptChanges(compareTexts(thread.textAtStart, comment.textAtAnswer));
}
