// Reading comment rounds: the list, and a round's summary — counts per section and per author, every thread
// with its answer, and the comparison between the text when the round opened and the text now.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { answeredChanges, THREAD_SELECT } from "@/lib/comments/queries";
import type { CitationLocale } from "@/lib/synthesis/citations";
import { comparisonLabels } from "@/lib/synthesis/compare-labels";
import { changeBlocks, compareDocumentStructure, hasChanges } from "@/lib/synthesis/document-compare";
import { EMPTY_DOCUMENT, type DocNode } from "@/lib/synthesis/document-model";
import { compareTexts } from "@/lib/synthesis/text-compare";

const PERSON = { select: { id: true, name: true } } as const;

const ROUND_FIELDS = {
  id: true,
  number: true,
  title: true,
  note: true,
  dueAt: true,
  state: true,
  openedAt: true,
  closedAt: true,
  openedBy: PERSON,
} as const;

export async function listRounds(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const rounds = await db().commentRound.findMany({
    where: { reviewId },
    orderBy: { number: "desc" },
    select: {
      ...ROUND_FIELDS,
      sections: { select: { section: { select: { id: true, title: true } } } },
      threads: { where: { deletedAt: null }, select: { state: true, suggestionState: true } },
    },
  });
  return {
    role: access.role,
    rounds: rounds.map(({ threads, ...round }) => ({ ...round, ...countThreads(threads) })),
  };
}

export async function getRoundSummary(access: ReviewAccess, roundId: string, locale: CitationLocale = "zh-CN") {
  const { reviewId } = access.require("review.read");
  const round = await db().commentRound.findFirst({
    where: { id: roundId, reviewId },
    select: {
      ...ROUND_FIELDS,
      closedBy: PERSON,
      sections: {
        select: {
          snapshotText: true,
          snapshotContent: true,
          section: {
            select: {
              id: true,
              title: true,
              position: true,
              deletedAt: true,
              document: { select: { text: true, content: true } },
            },
          },
        },
      },
      threads: { where: { deletedAt: null }, orderBy: { createdAt: "asc" }, select: THREAD_SELECT },
    },
  });
  if (!round) throw new AppError("NOT_FOUND", `round ${roundId} not in review ${reviewId}`);
  const sections = await Promise.all(
    [...round.sections]
      .sort((a, b) => a.section.position - b.section.position)
      .map(async ({ snapshotText, snapshotContent, section }) => {
        const threads = round.threads.filter((thread) => thread.sectionId === section.id);
        const before = snapshotContent as unknown as DocNode;
        const now = (section.document?.content as unknown as DocNode | undefined) ?? EMPTY_DOCUMENT;
        const label = await comparisonLabels(access, section.id, now, [before], locale);
        const structured = compareDocumentStructure(before, now, label);
        // Each answer that addressed a comment, with the change it points to read the same structured way.
        const answered = await answeredChanges(access, section.id, threads, locale, now);
        return {
          id: section.id,
          title: section.title,
          trashed: section.deletedAt !== null,
          changes: compareTexts(snapshotText, section.document?.text ?? ""),
          /** The same change read as documents: citations, notes, quotes and headings included. */
          blocks: changeBlocks(structured),
          changed: hasChanges(structured),
          threads,
          counts: countThreads(threads),
          answered,
        };
      }),
  );
  const byAuthor = new Map<string, { name: string; threads: number; replies: number }>();
  for (const thread of round.threads) {
    thread.comments.forEach((comment, index) => {
      const key = comment.author?.id ?? "";
      const entry = byAuthor.get(key) ?? { name: comment.author?.name ?? "—", threads: 0, replies: 0 };
      if (index === 0) entry.threads += 1;
      else entry.replies += 1;
      byAuthor.set(key, entry);
    });
  }
  const { threads: _threads, sections: _sections, ...meta } = round;
  return { role: access.role, round: meta, sections, authors: [...byAuthor.values()] };
}

/** Sections a new round may include, each with the number of the open round it is already in, if any. */
export async function listRoundableSections(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const sections = await db().synthesisSection.findMany({
    where: { reviewId, deletedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      rounds: { where: { round: { state: "OPEN" } }, select: { round: { select: { number: true } } } },
    },
  });
  return sections.map((section) => ({
    id: section.id,
    title: section.title,
    busyIn: section.rounds[0]?.round.number ?? null,
  }));
}

/** The open round a section is in, if any: new comments on the section belong to it. */
export async function findOpenRound(access: ReviewAccess, sectionId: string) {
  const { reviewId } = access.require("review.read");
  return db().commentRound.findFirst({
    where: { reviewId, state: "OPEN", sections: { some: { sectionId } } },
    select: { id: true, number: true, title: true },
  });
}

export interface ThreadCounts {
  open: number;
  addressed: number;
  accepted: number;
  /** Suggested edits are counted apart: they are applied or rejected, not answered. */
  pending: number;
  applied: number;
  rejected: number;
}

export function countThreads(threads: { state: string; suggestionState: string | null }[]): ThreadCounts {
  const count = (test: (thread: (typeof threads)[number]) => boolean) => threads.filter(test).length;
  return {
    open: count((thread) => !thread.suggestionState && thread.state === "OPEN"),
    addressed: count((thread) => !thread.suggestionState && thread.state === "ADDRESSED"),
    accepted: count((thread) => !thread.suggestionState && thread.state === "ACCEPTED"),
    pending: count((thread) => thread.suggestionState === "PENDING"),
    applied: count((thread) => thread.suggestionState === "APPLIED"),
    rejected: count((thread) => thread.suggestionState === "REJECTED"),
  };
}

export function sumCounts(all: ThreadCounts[]): ThreadCounts {
  const total: ThreadCounts = { open: 0, addressed: 0, accepted: 0, pending: 0, applied: 0, rejected: 0 };
  for (const counts of all) for (const key of Object.keys(total) as (keyof ThreadCounts)[]) total[key] += counts[key];
  return total;
}
