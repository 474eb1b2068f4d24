// Writing inbox lines. Called inside the transaction of the change it reports, so a notification exists
// exactly when its cause does. The actor is never told about their own doing, and only current members of
// the review are notified (a removed member's old assignment or comment must not reach them).
import type { Prisma } from "@/lib/db/generated/client";
import type { NotificationKind } from "@/lib/db/generated/enums";
import type { Transaction } from "@/lib/db/client";

export interface NotificationInput {
  reviewId: string;
  kind: NotificationKind;
  actorId: string;
  recipients: Iterable<string | null | undefined>;
  link: string;
  data?: Prisma.InputJsonObject;
}

export async function notify(tx: Transaction, input: NotificationInput): Promise<number> {
  const wanted = new Set<string>();
  for (const id of input.recipients) if (id && id !== input.actorId) wanted.add(id);
  if (wanted.size === 0) return 0;
  const members = await tx.membership.findMany({
    where: { reviewId: input.reviewId, userId: { in: [...wanted] } },
    select: { userId: true },
  });
  if (members.length === 0) return 0;
  const created = await tx.notification.createMany({
    data: members.map(({ userId }) => ({
      userId,
      reviewId: input.reviewId,
      kind: input.kind,
      actorId: input.actorId,
      link: input.link,
      data: input.data ?? {},
    })),
  });
  return created.count;
}

export const links = {
  thread: (reviewId: string, sectionId: string, threadId: string) =>
    `/reviews/${reviewId}/synthesis/${sectionId}?thread=${threadId}`,
  round: (reviewId: string, roundId: string) => `/reviews/${reviewId}/rounds/${roundId}`,
  item: (reviewId: string, itemId: string) => `/reviews/${reviewId}/items/${itemId}`,
};

/** Who "owns or edits" a section, for round notices: its owner and everyone who has written in it. */
export async function sectionPeople(tx: Transaction, sectionIds: string[]): Promise<string[]> {
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
