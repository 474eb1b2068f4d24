import type { Prisma } from "@/lib/db/generated/client";
import type { Transaction } from "@/lib/db/client";

export type ActivityKind =
  | "review.created"
  | "review.restored"
  | "member.invited"
  | "member.joined"
  | "member.roleChanged"
  | "member.removed"
  | "invitation.revoked"
  | "item.created"
  | "item.updated"
  | "item.stageChanged"
  | "item.stageChangeUndone"
  | "item.assigned"
  | "item.unassigned"
  | "item.deleted"
  | "item.restored"
  | "item.themesTagged"
  | "stage.created"
  | "stage.renamed"
  | "stage.reordered"
  | "stage.deleted"
  | "review.settingsChanged"
  | "screening.voted"
  | "screening.decided"
  | "screening.resolved"
  | "screening.stopped"
  | "theme.created"
  | "theme.updated"
  | "theme.reordered"
  | "theme.archived"
  | "theme.restored"
  | "theme.merged"
  | "codebook.imported"
  | "coding.created"
  | "coding.updated"
  | "coding.deleted"
  | "section.created"
  | "section.updated"
  | "section.reordered"
  | "section.deleted"
  | "section.restored"
  | "round.opened"
  | "round.closed"
  | "comment.created"
  | "comment.replied"
  | "comment.addressed"
  | "comment.accepted"
  | "comment.reopened"
  | "suggestion.created"
  | "suggestion.applied"
  | "suggestion.rejected"
  | "items.imported"
  | "item.fileAttached"
  | "item.fileRemoved"
  | "item.fullTextFromFile"
  | "items.filesAttached"
  | "suggestion.edited"
  | "suggestion.withdrawn";

export interface ActivityInput {
  reviewId: string;
  actorId: string | null;
  kind: ActivityKind;
  subjectType: "review" | "member" | "section" | "round" | "invitation" | "item" | "stage" | "theme";
  subjectId: string;
  data?: Prisma.InputJsonValue;
}

/** Always called inside the transaction that makes the change, so the feed never lies. */
export async function recordActivity(tx: Transaction, event: ActivityInput): Promise<void> {
  await tx.activityEvent.create({ data: { ...event, data: event.data ?? {} } });
}
