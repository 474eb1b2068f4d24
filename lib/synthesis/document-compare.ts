// What changed between two versions of a section, read as structured documents rather than plain text:
// citations (shown by their labels, so "+[5]" is visible), notes, block quotes, headings, lists and
// formatting (bold, italic, links) are all part of the comparison. Each document becomes a sequence of
// tokens (a block start, a word or Han character with its marks, a citation, a note); blocks are matched as
// wholes first, and only runs of changed blocks are compared token by token, as text-compare.ts does for text.
import DiffMatchPatch from "diff-match-patch";
import type { DocMark, DocNode } from "./document-model";

export type BlockKind = "paragraph" | "heading" | "blockquote" | "listItem";

export type ChangePiece =
  | { type: "block"; block: BlockKind; level?: number }
  | { type: "text"; text: string; marks: string[] }
  | { type: "citation"; label: string }
  | { type: "note"; text: string };

export interface RichChange {
  kind: "equal" | "insert" | "delete";
  piece: ChangePiece;
}

/** The label a citation shows in the text ("[5]", "(王, 2020)"); unknown ones show as [?]. */
export type CitationLabel = (itemId: string, locator: string | null) => string;

const TOKEN =
  /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+(?:['’](?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)*|\s+|./gsu;

function markNames(marks: DocMark[] | undefined): string[] {
  return (marks ?? [])
    .map((mark) => (mark.type === "link" ? `link:${String(mark.attrs?.href ?? "")}` : mark.type))
    .sort();
}

/** The document as blocks of pieces, in reading order. */
export function documentPieces(doc: DocNode, label: CitationLabel): ChangePiece[][] {
  const blocks: ChangePiece[][] = [];
  let current: ChangePiece[] | null = null;
  const open = (block: BlockKind, level?: number) => {
    current = [{ type: "block", block, ...(level ? { level } : {}) }];
    blocks.push(current);
  };
  const inline = (piece: ChangePiece) => {
    if (!current) open("paragraph");
    current!.push(piece);
  };
  const walk = (node: DocNode, inQuote: boolean) => {
    switch (node.type) {
      case "paragraph":
        // A paragraph inside a quote or a list item continues that block's kind.
        open(inQuote ? "blockquote" : "paragraph");
        break;
      case "heading":
        open("heading", typeof node.attrs?.level === "number" ? node.attrs.level : 2);
        break;
      case "listItem":
        open("listItem");
        for (const child of node.content ?? []) {
          if (child.type === "paragraph") for (const grand of child.content ?? []) walk(grand, inQuote);
          else walk(child, inQuote);
        }
        current = null;
        return;
      case "blockquote":
        for (const child of node.content ?? []) walk(child, true);
        current = null;
        return;
      case "text":
        for (const [token] of (node.text ?? "").matchAll(TOKEN))
          inline({ type: "text", text: token, marks: markNames(node.marks) });
        return;
      case "hardBreak":
        inline({ type: "text", text: "\n", marks: [] });
        return;
      case "citation": {
        const itemId = typeof node.attrs?.itemId === "string" ? node.attrs.itemId : "";
        const locator = typeof node.attrs?.locator === "string" && node.attrs.locator ? node.attrs.locator : null;
        inline({ type: "citation", label: itemId ? label(itemId, locator) : "[?]" });
        return;
      }
      case "note":
        inline({ type: "note", text: typeof node.attrs?.text === "string" ? node.attrs.text : "" });
        return;
    }
    for (const child of node.content ?? []) walk(child, inQuote);
    if (node.type === "paragraph" || node.type === "heading") current = null;
  };
  walk(doc, false);
  return blocks;
}

function pieceKey(piece: ChangePiece): string {
  switch (piece.type) {
    case "block":
      return `\u0001${piece.block}${piece.level ?? ""}`;
    case "text":
      return piece.marks.length ? `${piece.text}\u0002${piece.marks.join(",")}` : piece.text;
    case "citation":
      return `\u0003${piece.label}`;
    case "note":
      return `\u0004${piece.text}`;
  }
}

/** Compares two documents; the result reads as the newer one with deletions kept in place. */
export function compareDocumentStructure(before: DocNode, after: DocNode, label: CitationLabel): RichChange[] {
  const blocks = [documentPieces(before, label), documentPieces(after, label)];
  // Every distinct piece becomes one character (never "\n", which separates blocks for the line diff).
  const pieces: ChangePiece[] = [];
  const codes = new Map<string, string>();
  const decode = new Map<string, ChangePiece>();
  const encodePiece = (piece: ChangePiece) => {
    const key = pieceKey(piece);
    let code = codes.get(key);
    if (code === undefined) {
      let point = pieces.length + 0x100;
      if (point >= 0xd800) point += 0x800; // skip the surrogate range
      code = String.fromCodePoint(point);
      codes.set(key, code);
      decode.set(code, piece);
      pieces.push(piece);
    }
    return code;
  };
  const [first, second] = blocks.map((list) => list.map((block) => block.map(encodePiece).join("") + "\n").join(""));
  const dmp = new DiffMatchPatch();
  const { chars1, chars2, lineArray } = dmp.diff_linesToChars_(first!, second!);
  const lines = dmp.diff_main(chars1, chars2, false);
  dmp.diff_charsToLines_(lines, lineArray);
  const encoded: [number, string][] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted && inserted) {
      const diffs = dmp.diff_main(deleted, inserted, false);
      dmp.diff_cleanupSemantic(diffs);
      encoded.push(...diffs.map(([operation, text]): [number, string] => [operation, text]));
    } else if (deleted) encoded.push([-1, deleted]);
    else if (inserted) encoded.push([1, inserted]);
    deleted = inserted = "";
  };
  for (const [operation, text] of lines) {
    if (operation === DiffMatchPatch.DIFF_DELETE) deleted += text;
    else if (operation === DiffMatchPatch.DIFF_INSERT) inserted += text;
    else {
      flush();
      encoded.push([0, text]);
    }
  }
  flush();
  const kindOf = { [-1]: "delete", 0: "equal", 1: "insert" } as const;
  const result: RichChange[] = [];
  for (const [operation, text] of encoded) {
    for (const char of text) {
      if (char === "\n") continue;
      const piece = decode.get(char);
      if (piece) result.push({ kind: kindOf[operation as -1 | 0 | 1], piece });
    }
  }
  return result;
}

/** Whether anything changed at all. */
export function hasChanges(changes: RichChange[]): boolean {
  return changes.some((change) => change.kind !== "equal");
}

export interface RenderedBlock {
  block: BlockKind;
  level?: number;
  /** How the block itself changed: a new block, a removed one, or one whose kind changed (paragraph → quote). */
  change: "equal" | "insert" | "delete" | "retyped";
  previous?: { block: BlockKind; level?: number };
  runs: { kind: RichChange["kind"]; piece: Exclude<ChangePiece, { type: "block" }> }[];
}

/** Groups the changes into blocks for display, merging neighbouring text with the same change and marks. */
export function changeBlocks(changes: RichChange[]): RenderedBlock[] {
  const blocks: RenderedBlock[] = [];
  let pendingDelete: RenderedBlock | null = null;
  for (const change of changes) {
    const { piece } = change;
    if (piece.type === "block") {
      if (change.kind === "delete") {
        pendingDelete = { block: piece.block, level: piece.level, change: "delete", runs: [] };
        blocks.push(pendingDelete);
        continue;
      }
      if (change.kind === "insert" && pendingDelete && pendingDelete.runs.length === 0) {
        // A block start deleted and another inserted right away: the same block, now of another kind.
        Object.assign(pendingDelete, {
          block: piece.block,
          level: piece.level,
          change: "retyped",
          previous: { block: pendingDelete.block, level: pendingDelete.level },
        });
        pendingDelete = null;
        continue;
      }
      pendingDelete = null;
      blocks.push({ block: piece.block, level: piece.level, change: change.kind, runs: [] });
      continue;
    }
    if (blocks.length === 0) blocks.push({ block: "paragraph", change: "equal", runs: [] });
    const runs = blocks.at(-1)!.runs;
    const last = runs.at(-1);
    if (
      piece.type === "text" &&
      last?.piece.type === "text" &&
      last.kind === change.kind &&
      last.piece.marks.join() === piece.marks.join()
    ) {
      last.piece = { ...last.piece, text: last.piece.text + piece.text };
    } else runs.push({ kind: change.kind, piece });
  }
  return blocks;
}

/** Keeps only changed blocks with a little unchanged context, for a change shown inside a comment. */
export function changedBlocksOnly(blocks: RenderedBlock[]): RenderedBlock[] {
  return blocks.filter((block) => block.change !== "equal" || block.runs.some((run) => run.kind !== "equal"));
}
