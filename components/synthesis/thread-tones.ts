// The colours of a thread's state, the same in the sidebar and in the round summary.
export const THREAD_STATE_TONE = {
  OPEN: "bg-amber-50 text-amber-800",
  ADDRESSED: "bg-sky-50 text-sky-800",
  ACCEPTED: "bg-emerald-50 text-emerald-800",
} as const;

export const SUGGESTION_STATE_TONE = {
  PENDING: "bg-violet-50 text-violet-800",
  APPLIED: "bg-emerald-50 text-emerald-800",
  REJECTED: "bg-stone-100 text-stone-700",
} as const;
