// The one authorization policy: which review role may do what. Pages, server actions, API routes
// and (later) the collaboration socket all ask `can` / `authorize`; nothing else decides.
import type { ReviewRole } from "@/lib/db/generated/enums";

export const ACTIONS = [
  "review.read",
  "review.update",
  "members.read",
  "members.manage",
  "activity.read",
  "item.create",
  "item.update",
  "item.changeStage",
  "item.delete",
  "item.assign",
  "stage.manage",
  "screening.vote",
  "screening.resolve",
  "theme.manage",
  "theme.tag",
  "coding.write",
  "synthesis.write",
  "comment.write",
  "round.run",
  // Downloading a backup hands over everything in the review, members' emails included: owners only.
  "review.backup",
] as const;

export type Action = (typeof ACTIONS)[number];

export const ROLES = ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"] as const satisfies readonly ReviewRole[];

const READ: Action[] = ["review.read", "members.read", "activity.read"];
const WRITE_CONTENT: Action[] = [
  "item.create",
  "item.update",
  "item.changeStage",
  "item.delete",
  "item.assign",
  "screening.vote",
  "theme.manage",
  "theme.tag",
  "coding.write",
  "synthesis.write",
];

export const ROLE_PERMISSIONS: Record<ReviewRole, ReadonlySet<Action>> = {
  OWNER: new Set<Action>(ACTIONS),
  EDITOR: new Set<Action>([...READ, ...WRITE_CONTENT, "comment.write"]),
  SUPERVISOR: new Set<Action>([...READ, "comment.write", "round.run"]),
  VIEWER: new Set<Action>(READ),
};

export function can(role: ReviewRole | null | undefined, action: Action): boolean {
  return role ? ROLE_PERMISSIONS[role].has(action) : false;
}
