// A horizontal bar split into one segment per stage, sized by its share of the items.
const STAGE_PALETTE = ["#94a3b8", "#60a5fa", "#2dd4bf", "#0d9488", "#15803d", "#a16207", "#7c3aed", "#db2777"];
const EXCLUDED_COLOR = "#d6d3d1";

export function stageColor(index: number, kind: string): string {
  return kind === "EXCLUDED" ? EXCLUDED_COLOR : STAGE_PALETTE[index % STAGE_PALETTE.length]!;
}

export interface StageSegment {
  id: string;
  label: string;
  count: number;
  color: string;
}

export function StageBar({ segments, label, height }: { segments: StageSegment[]; label: string; height: string }) {
  const total = segments.reduce((sum, segment) => sum + segment.count, 0);
  return (
    <div role="img" aria-label={label} className={`flex w-full overflow-hidden rounded-full bg-stone-100 ${height}`}>
      {total > 0 &&
        segments
          .filter((segment) => segment.count > 0)
          .map((segment) => (
            <span
              key={segment.id}
              title={`${segment.label}: ${segment.count}`}
              className="h-full border-r border-white last:border-r-0"
              style={{ width: `${(segment.count / total) * 100}%`, backgroundColor: segment.color }}
            />
          ))}
    </div>
  );
}
