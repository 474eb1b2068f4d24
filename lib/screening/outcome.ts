// What a set of independent screening votes adds up to. Pure, so the rule is easy to read and test.
import type { ScreeningChoice, ScreeningState } from "@/lib/db/generated/enums";

export interface VoteSummary {
  choice: ScreeningChoice;
  reasonId: string | null;
  createdAt: Date;
}

export type VoteOutcome =
  | { state: "UNSCREENED" | "IN_PROGRESS" | "CONFLICT" }
  | { state: "INCLUDED"; choice: "INCLUDE" }
  | { state: "EXCLUDED"; choice: "EXCLUDE"; reasonId: string | null };

/**
 * Unanimous include or exclude decides the item once the required number of votes is in; any mix, and any
 * "maybe", needs the owner's ruling. Excluders who agree to exclude but name different reasons still agree on
 * the outcome; the reason recorded is the most common one, ties going to the earliest vote.
 */
export function voteOutcome(votes: VoteSummary[], required: number): VoteOutcome {
  if (votes.length === 0) return { state: "UNSCREENED" };
  if (votes.length < required) return { state: "IN_PROGRESS" };
  if (votes.every((vote) => vote.choice === "INCLUDE")) return { state: "INCLUDED", choice: "INCLUDE" };
  if (votes.every((vote) => vote.choice === "EXCLUDE")) {
    return { state: "EXCLUDED", choice: "EXCLUDE", reasonId: mostCommonReason(votes) };
  }
  return { state: "CONFLICT" };
}

function mostCommonReason(votes: VoteSummary[]): string | null {
  const ordered = [...votes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const counts = new Map<string, number>();
  for (const vote of ordered) if (vote.reasonId) counts.set(vote.reasonId, (counts.get(vote.reasonId) ?? 0) + 1);
  let best: string | null = null;
  for (const [reasonId, count] of counts) if (best === null || count > counts.get(best)!) best = reasonId;
  return best;
}

/** Whether other members' votes on an item may be shown: only once the required number is in, or it is decided. */
export function votesRevealed(state: ScreeningState, voteCount: number, required: number): boolean {
  return state === "INCLUDED" || state === "EXCLUDED" || voteCount >= required;
}

/**
 * The exclusion reason an owner's ruling starts from: the one every voter who gave a reason agrees on. Voters
 * who disagree (or name no reason) leave it empty, so the owner chooses. The ruling's decision itself never has
 * a default.
 */
export function agreedExclusionReason(votes: { choice: ScreeningChoice; reasonId: string | null }[]): string | null {
  const reasons = new Set(votes.filter((vote) => vote.choice === "EXCLUDE").map((vote) => vote.reasonId));
  if (reasons.size !== 1) return null;
  return [...reasons][0] ?? null;
}

/**
 * Whether an exclusion reason means "the full text could not be obtained". Reasons are the owner's own words, so
 * this reads the labels (the default list's 无法获取全文 / Full text unavailable and the usual variants).
 */
export function isFullTextUnavailableReason(reason: { labelZh: string; labelEn: string }): boolean {
  const zh = reason.labelZh.replace(/\s+/g, "");
  if (/全文/.test(zh) && /(无法|不能|未能|没有|无|缺|不可)/.test(zh)) return true;
  const en = reason.labelEn.toLowerCase();
  return (
    /full[\s-]?text/.test(en) &&
    /(unavailable|not available|not obtainable|missing|no access|cannot|could not|not retrieved)/.test(en)
  );
}
