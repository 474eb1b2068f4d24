// A structured comparison (lib/synthesis/document-compare.ts) as readable blocks: insertions and deletions
// marked in place, citations as their labels, notes as marked notes, quotes and headings as such, and a tag
// where a block changed kind. Screen readers hear "added"/"deleted" around each change.
import type { RenderedBlock } from "@/lib/synthesis/document-compare";

export interface ComparisonLabels {
  inserted: string;
  deleted: string;
  note: string;
  /** "Now a quote", "Heading 2"…: the kind of a block, for blocks that were added, removed or retyped. */
  blockKind: (block: RenderedBlock["block"], level?: number) => string;
  retyped: (from: string, to: string) => string;
}

const BLOCK_CLASS: Record<RenderedBlock["block"], string> = {
  paragraph: "",
  heading: "font-semibold text-stone-900",
  blockquote: "border-l-4 border-stone-300 pl-3 text-stone-700",
  listItem: "list-item ml-5 list-disc",
};

export function DocumentComparison({ blocks, labels }: { blocks: RenderedBlock[]; labels: ComparisonLabels }) {
  return (
    <div lang="zh-CN" className="space-y-2 text-[15px] leading-8 text-stone-800">
      {blocks.map((block, index) => {
        const tag =
          block.change === "retyped" && block.previous
            ? labels.retyped(
                labels.blockKind(block.previous.block, block.previous.level),
                labels.blockKind(block.block, block.level),
              )
            : block.change === "insert" || block.change === "delete"
              ? `${block.change === "insert" ? "+" : "−"}${labels.blockKind(block.block, block.level)}`
              : null;
        const Element = block.block === "blockquote" ? "blockquote" : "div";
        return (
          <Element
            key={index}
            className={`whitespace-pre-wrap ${BLOCK_CLASS[block.block]} ${block.block === "heading" && (block.level ?? 2) <= 2 ? "text-lg" : ""} ${block.change === "delete" ? "opacity-80" : ""}`}
          >
            {tag && (
              <span
                className={`mr-1.5 rounded px-1.5 py-0.5 align-middle text-xs font-medium ${block.change === "delete" ? "bg-red-100 text-red-800" : block.change === "insert" ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}
              >
                {tag}
              </span>
            )}
            {block.runs.map((run, position) => {
              const { piece } = run;
              const content =
                piece.type === "citation" ? (
                  <span className="font-medium text-teal-800">{piece.label}</span>
                ) : piece.type === "note" ? (
                  <span className="rounded bg-stone-100 px-1 text-sm text-stone-600">
                    {labels.note}：{piece.text}
                  </span>
                ) : (
                  <Formatted text={piece.text} marks={piece.marks} />
                );
              if (run.kind === "equal") return <span key={position}>{content}</span>;
              const inserted = run.kind === "insert";
              const Mark = inserted ? "ins" : "del";
              const signed = piece.type === "citation" ? `${inserted ? "+" : "−"}` : "";
              return (
                <Mark
                  key={position}
                  title={inserted ? labels.inserted : labels.deleted}
                  className={
                    inserted
                      ? "bg-emerald-50 text-emerald-900 underline decoration-emerald-500 decoration-2"
                      : "bg-red-50 text-red-800 decoration-red-500 decoration-2"
                  }
                >
                  <span className="sr-only">[{inserted ? labels.inserted : labels.deleted}: </span>
                  {signed && <span aria-hidden>{signed}</span>}
                  {content}
                  <span className="sr-only">]</span>
                </Mark>
              );
            })}
          </Element>
        );
      })}
    </div>
  );
}

function Formatted({ text, marks }: { text: string; marks: string[] }) {
  let node: React.ReactNode = text;
  if (marks.includes("bold")) node = <strong>{node}</strong>;
  if (marks.includes("italic")) node = <em>{node}</em>;
  const link = marks.find((mark) => mark.startsWith("link:"));
  if (link) node = <span className="text-teal-700 underline">{node}</span>;
  return <>{node}</>;
}
