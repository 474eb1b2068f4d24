// A section's text with a round's comments and suggestions placed on it, for export. The anchors are Yjs
// relative positions, so they are resolved against the section's stored Yjs state (not its JSON projection):
// the same resolution the editor does, giving the phrase as it reads now.
import { getSchema } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { DocNode } from "@/lib/synthesis/document-model";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";

export interface Anchor {
  /** The export's own number for the thread (a Word revision id for suggestions). */
  key: number;
  /** The Word comment on the phrase, if any (a plain comment, or a suggestion's reason). */
  commentKey: number | null;
  start: string;
  end: string;
  /** Suggestions: the text to put in place of the phrase (empty deletes it). */
  suggestion: string | null;
}

/** What a text piece carries: comments starting and ending on it, and the suggestion deleting it. */
export interface PieceMarks {
  starts: number[];
  ends: number[];
  deletedBy: number | null;
}

export type AnnotatedNode = DocNode & { review?: PieceMarks; content?: AnnotatedNode[] };

/** A suggested insertion, placed where it goes. */
export const INSERTION = "suggestedInsertion";

export interface AnchoredDocument {
  doc: AnnotatedNode;
  /** Keys whose phrase no longer resolves (deleted text): exported against the section heading instead. */
  detached: number[];
}

interface Range {
  key: number;
  commentKey: number | null;
  from: number;
  to: number;
  suggestion: string | null;
}

export function anchorDocument(state: Uint8Array, anchors: Anchor[]): AnchoredDocument {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const fragment = ydoc.getXmlFragment(SECTION_FRAGMENT);
  const { doc, mapping } = initProseMirrorDoc(fragment, getSchema(sectionExtensions()));
  const resolve = (json: string): number | null => {
    try {
      return relativePositionToAbsolutePosition(
        ydoc,
        fragment,
        Y.createRelativePositionFromJSON(JSON.parse(json)),
        mapping,
      );
    } catch {
      return null;
    }
  };
  const ranges: Range[] = [];
  const detached: number[] = [];
  for (const anchor of anchors) {
    const from = resolve(anchor.start);
    const to = resolve(anchor.end);
    const point = anchor.suggestion !== null;
    if (from === null || to === null || to < from || (to === from && !point)) detached.push(anchor.key);
    else ranges.push({ key: anchor.key, commentKey: anchor.commentKey, from, to, suggestion: anchor.suggestion });
  }
  const annotated = annotate(doc, ranges);
  const placed = new Set<number>();
  const byComment = new Map(ranges.map((range) => [range.commentKey, range.key]));
  visit(annotated, (node) => {
    for (const commentKey of node.review?.starts ?? []) placed.add(byComment.get(commentKey)!);
    if (node.type === INSERTION) placed.add(Number(node.attrs?.key));
    if (node.review?.deletedBy != null) placed.add(node.review.deletedBy);
  });
  // A range over no text at all (say, only a citation) has nothing to hang on: treat it like deleted text.
  for (const range of ranges) if (!placed.has(range.key)) detached.push(range.key);
  return { doc: annotated, detached };
}

function visit(node: AnnotatedNode, enter: (node: AnnotatedNode) => void) {
  enter(node);
  for (const child of node.content ?? []) visit(child, enter);
}

/** Splits text at every range boundary and records, per piece, the comments covering it. */
function annotate(doc: ProseMirrorNode, ranges: Range[]): AnnotatedNode {
  const comments = ranges.filter((range) => range.commentKey !== null && range.to > range.from);
  const deletions = ranges.filter((range) => range.suggestion !== null && range.to > range.from);
  const insertions = ranges.filter((range) => range.suggestion);
  const covering = new Map<number, AnnotatedNode[]>();

  const convert = (node: ProseMirrorNode, pos: number): AnnotatedNode => {
    if (!node.isTextblock) {
      const json = node.toJSON() as AnnotatedNode;
      if (node.childCount === 0) return json;
      const content: AnnotatedNode[] = [];
      node.forEach((child, offset) => content.push(convert(child, pos + 1 + offset)));
      return { ...json, content };
    }
    const start = pos + 1;
    const end = pos + 1 + node.content.size;
    const content: AnnotatedNode[] = [];
    const insertAt = (at: number) => {
      for (const insertion of insertions) {
        if (insertion.to === at && at >= start && at <= end)
          content.push({ type: INSERTION, text: insertion.suggestion!, attrs: { key: insertion.key } });
      }
    };
    node.forEach((child, offset) => {
      const childStart = start + offset;
      if (!child.isText) {
        insertAt(childStart);
        content.push(child.toJSON() as AnnotatedNode);
        return;
      }
      const text = child.text ?? "";
      const cuts = new Set([0, text.length]);
      for (const range of ranges) {
        for (const at of [range.from, range.to]) {
          if (at > childStart && at < childStart + text.length) cuts.add(at - childStart);
        }
      }
      const sorted = [...cuts].sort((a, b) => a - b);
      const json = child.toJSON() as AnnotatedNode;
      for (let index = 0; index < sorted.length - 1; index++) {
        const from = childStart + sorted[index]!;
        const to = childStart + sorted[index + 1]!;
        insertAt(from);
        const piece: AnnotatedNode = { ...json, text: text.slice(sorted[index], sorted[index + 1]) };
        const within = (range: Range) => range.from <= from && to <= range.to;
        for (const comment of comments.filter(within)) {
          covering.set(comment.commentKey!, [...(covering.get(comment.commentKey!) ?? []), piece]);
        }
        const deletion = deletions.find(within);
        piece.review = { starts: [], ends: [], deletedBy: deletion?.key ?? null };
        content.push(piece);
      }
    });
    insertAt(end);
    // An insertion point that sits at the very end of a text node was placed there; drop later duplicates.
    const seen = new Set<number>();
    const unique = content.filter((child) => {
      if (child.type !== INSERTION) return true;
      const key = Number(child.attrs?.key);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { ...(node.toJSON() as AnnotatedNode), content: unique };
  };

  const root = convert(doc, -1);
  for (const [key, pieces] of covering) {
    pieces[0]!.review!.starts.push(key);
    pieces[pieces.length - 1]!.review!.ends.push(key);
  }
  return root;
}
