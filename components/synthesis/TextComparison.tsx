import type { TextChange } from "@/lib/synthesis/text-compare";

/** Insertions and deletions marked in running text; also read by screen readers as "added"/"deleted". */
export function TextComparison({
  changes,
  labels,
}: {
  changes: TextChange[];
  labels: { inserted: string; deleted: string };
}) {
  return (
    <div lang="zh-CN" className="whitespace-pre-wrap text-[15px] leading-8 text-stone-800">
      {changes.map((change, index) =>
        change.kind === "insert" ? (
          <ins
            key={index}
            className="bg-emerald-50 text-emerald-900 underline decoration-emerald-500 decoration-2"
            title={labels.inserted}
          >
            <span className="sr-only">[{labels.inserted}: </span>
            {change.text}
            <span className="sr-only">]</span>
          </ins>
        ) : change.kind === "delete" ? (
          <del key={index} className="bg-red-50 text-red-800 decoration-red-500 decoration-2" title={labels.deleted}>
            <span className="sr-only">[{labels.deleted}: </span>
            {change.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={index}>{change.text}</span>
        ),
      )}
    </div>
  );
}
