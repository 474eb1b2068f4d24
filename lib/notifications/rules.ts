// Who is told what: the one table that decides, for every kind of notification, which people hear about it,
// and how it reaches them by e-mail unless they chose otherwise. Commands say what happened and about what
// (a section, a thread, items, a round); this table and its resolvers turn that into recipients. `notify`
// then drops the actor and anyone who is not a current member, in the caller's transaction.
import type { NotificationDelivery, NotificationKind } from "@/lib/db/generated/enums";
import type { Transaction } from "@/lib/db/client";

/** A group of people defined by the thing a notification is about. */
export type Audience =
  /** Members @-mentioned in the comment's text. */
  | "mentioned"
  /** The section's owner and everyone who has written in it (creator, last editor, version authors). */
  | "sectionWriters"
  /** Whoever started the thread (the comment's or suggestion's author). */
  | "threadAuthor"
  /** Everyone who has written in the thread. */
  | "threadParticipants"
  /** Members just given the items (not those who already had them). */
  | "newAssignees"
  /** Members assigned to the items. */
  | "itemAssignees"
  /** The owners and writers of every section in the round. */
  | "roundSectionWriters";

export interface NotificationRule {
  audiences: readonly Audience[];
  /** E-mail delivery for people who have not chosen one for this kind. */
  defaultDelivery: NotificationDelivery;
}

export const notificationRules: Record<NotificationKind, NotificationRule> = {
  MENTION: { audiences: ["mentioned"], defaultDelivery: "IMMEDIATE" },
  COMMENT: { audiences: ["sectionWriters"], defaultDelivery: "IMMEDIATE" },
  SUGGESTION: { audiences: ["sectionWriters"], defaultDelivery: "IMMEDIATE" },
  REPLY: { audiences: ["sectionWriters", "threadAuthor", "threadParticipants"], defaultDelivery: "IMMEDIATE" },
  SUGGESTION_DECIDED: { audiences: ["sectionWriters", "threadAuthor"], defaultDelivery: "IMMEDIATE" },
  ITEM_ASSIGNED: { audiences: ["newAssignees"], defaultDelivery: "DIGEST" },
  CONFLICT_RULED: { audiences: ["itemAssignees"], defaultDelivery: "DIGEST" },
  STAGE_CHANGED: { audiences: ["itemAssignees"], defaultDelivery: "DIGEST" },
  ROUND_OPENED: { audiences: ["roundSectionWriters"], defaultDelivery: "IMMEDIATE" },
  ROUND_CLOSED: { audiences: ["roundSectionWriters"], defaultDelivery: "IMMEDIATE" },
  ROUND_DUE: { audiences: ["roundSectionWriters"], defaultDelivery: "IMMEDIATE" },
};

export const notificationKinds = Object.keys(notificationRules) as NotificationKind[];

/** What a notification is about: each audience reads the part it needs. */
export interface NotificationSubject {
  sectionId?: string;
  threadId?: string;
  itemIds?: string[];
  roundId?: string;
  mentioned?: string[];
  newAssignees?: string[];
}

/** Who the kind's audiences are for this subject (before the actor and non-members are dropped). */
export async function recipientsFor(
  tx: Transaction,
  kind: NotificationKind,
  subject: NotificationSubject,
): Promise<Set<string>> {
  const people = new Set<string>();
  for (const audience of notificationRules[kind].audiences) {
    for (const id of await resolveAudience(tx, audience, subject)) if (id) people.add(id);
  }
  return people;
}

async function resolveAudience(
  tx: Transaction,
  audience: Audience,
  subject: NotificationSubject,
): Promise<(string | null | undefined)[]> {
  switch (audience) {
    case "mentioned":
      return subject.mentioned ?? [];
    case "newAssignees":
      return subject.newAssignees ?? [];
    case "sectionWriters":
      return subject.sectionId ? sectionWriters(tx, [subject.sectionId]) : [];
    case "threadAuthor": {
      if (!subject.threadId) return [];
      const thread = await tx.commentThread.findUnique({
        where: { id: subject.threadId },
        select: { createdById: true },
      });
      return [thread?.createdById];
    }
    case "threadParticipants": {
      if (!subject.threadId) return [];
      const comments = await tx.comment.findMany({
        where: { threadId: subject.threadId, deletedAt: null },
        select: { authorId: true },
        distinct: ["authorId"],
      });
      return comments.map((comment) => comment.authorId);
    }
    case "itemAssignees": {
      if (!subject.itemIds?.length) return [];
      const assignments = await tx.itemAssignment.findMany({
        where: { itemId: { in: subject.itemIds } },
        select: { userId: true },
        distinct: ["userId"],
      });
      return assignments.map((assignment) => assignment.userId);
    }
    case "roundSectionWriters": {
      if (!subject.roundId) return [];
      const sections = await tx.roundSection.findMany({
        where: { roundId: subject.roundId },
        select: { sectionId: true },
      });
      return sectionWriters(
        tx,
        sections.map((section) => section.sectionId),
      );
    }
  }
}

/** A section's owner and everyone who has written in it. */
export async function sectionWriters(tx: Transaction, sectionIds: string[]): Promise<string[]> {
  const sections = await tx.synthesisSection.findMany({
    where: { id: { in: sectionIds } },
    select: {
      ownerId: true,
      createdById: true,
      document: { select: { updatedById: true } },
      versions: { select: { createdById: true }, distinct: ["createdById"] },
    },
  });
  return [
    ...new Set(
      sections.flatMap((section) => [
        section.ownerId,
        section.createdById,
        section.document?.updatedById,
        ...section.versions.map((version) => version.createdById),
      ]),
    ),
  ].filter((id): id is string => !!id);
}
