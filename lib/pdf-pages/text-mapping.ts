// Offsets in one text mapped to offsets in another that reads nearly the same: the item's full text and the text
// extracted from its PDF, when a member corrected the full text after extraction or kept their own. Equal texts
// map by identity (the common case, free); otherwise a character diff tells where each offset went.
import DiffMatchPatch from "diff-match-patch";

export interface OffsetMap {
  /** The offset in the target text for `offset` of the source text (the nearest surviving position). */
  map(offset: number): number;
  /** Whether the two texts are the same, so offsets carry over unchanged. */
  identity: boolean;
}

const IDENTITY: OffsetMap = { map: (offset) => offset, identity: true };

export function offsetMap(source: string, target: string, timeoutSeconds = 2): OffsetMap {
  if (source === target) return IDENTITY;
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = timeoutSeconds;
  const diffs = dmp.diff_main(source, target, false);
  // Breakpoints of the diff: after each run, where the source and target positions stand.
  const runs: { sourceStart: number; targetStart: number; length: number; op: number }[] = [];
  let s = 0;
  let t = 0;
  for (const [op, text] of diffs) {
    runs.push({ sourceStart: s, targetStart: t, length: text.length, op });
    if (op !== DiffMatchPatch.DIFF_INSERT) s += text.length;
    if (op !== DiffMatchPatch.DIFF_DELETE) t += text.length;
  }
  const sourceRuns = runs.filter((run) => run.op !== DiffMatchPatch.DIFF_INSERT);
  return {
    identity: false,
    map(offset) {
      let low = 0;
      let high = sourceRuns.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (sourceRuns[middle]!.sourceStart <= offset) low = middle;
        else high = middle - 1;
      }
      const run = sourceRuns[low];
      if (!run) return Math.min(offset, target.length);
      // Inside kept text the offset moves with it; inside deleted text it lands where the deletion was.
      const within = run.op === DiffMatchPatch.DIFF_EQUAL ? Math.min(offset - run.sourceStart, run.length) : 0;
      return Math.min(run.targetStart + within, target.length);
    },
  };
}
