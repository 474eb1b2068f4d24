// Reading comment threads: a section's threads with their comments, for the sidebar beside the text.
import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";

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
  decidedAt: true,
  decidedBy: PERSON,
  createdAt: true,
  createdBy: PERSON,
  round: { select: { id: true, number: true, title: true, state: true } },
  comments: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, mentions: true, createdAt: true, editedAt: true, author: PERSON },
  },
} as const;

export async function listSectionThreads(userId: string, reviewId: string, sectionId: string) {
  await authorize(userId, reviewId, "review.read");
  return db().commentThread.findMany({
    where: { reviewId, sectionId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: THREAD_SELECT,
  });
}

export type SectionThread = Awaited<ReturnType<typeof listSectionThreads>>[number];
