"use client";
// Comments are anchored to the Yjs document, not to character offsets: a relative position names the Yjs
// item a comment starts and ends at, so it follows its phrase while others type around it. A phrase whose
// text was deleted no longer resolves, and its comment is shown as detached with its original quote.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> } | null;
}

function syncState(state: EditorState): SyncState | null {
  const ystate = ySyncPluginKey.getState(state) as SyncState | undefined;
  return ystate?.binding ? ystate : null;
}

export function anchorOfRange(state: EditorState, from: number, to: number): { start: string; end: string } | null {
  const ystate = syncState(state);
  if (!ystate?.binding) return null;
  const encode = (pos: number) =>
    JSON.stringify(
      Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, ystate.type, ystate.binding!.mapping as never)),
    );
  return { start: encode(from), end: encode(to) };
}

/** A zero-width range (an insertion point) resolves only when `point` allows it. */
export function resolveAnchor(
  state: EditorState,
  start: string,
  end: string,
  { point = false }: { point?: boolean } = {},
): { from: number; to: number } | null {
  const ystate = syncState(state);
  if (!ystate?.binding) return null;
  try {
    const decode = (json: string) =>
      relativePositionToAbsolutePosition(
        ystate.doc,
        ystate.type,
        Y.createRelativePositionFromJSON(JSON.parse(json)),
        ystate.binding!.mapping as never,
      );
    const from = decode(start);
    const to = decode(end);
    if (from === null || to === null || to < from || (to === from && !point)) return null;
    return { from, to };
  } catch {
    return null;
  }
}

export interface AnchoredThread {
  id: string;
  start: string;
  end: string;
  resolved: boolean;
  /** A pending suggestion: its replacement text, shown inline in its author's colour. */
  suggestion?: { text: string; color: string; label: string } | null;
}

export interface ThreadStore {
  get(): AnchoredThread[];
  active(): string | null;
  set(threads: AnchoredThread[], active: string | null): void;
  subscribe(listener: () => void): () => void;
}

export function createThreadStore(): ThreadStore {
  let threads: AnchoredThread[] = [];
  let activeId: string | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => threads,
    active: () => activeId,
    set(next, active) {
      threads = next;
      activeId = active;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const highlightKey = new PluginKey("commentHighlights");

/** Marks every anchored, unresolved comment's phrase; the one open in the sidebar stands out. */
export function commentHighlights(store: ThreadStore, label: string) {
  return Extension.create({
    name: "commentHighlights",
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: highlightKey,
          view(view) {
            const unsubscribe = store.subscribe(() => view.dispatch(view.state.tr.setMeta(highlightKey, true)));
            return { destroy: unsubscribe };
          },
          props: {
            decorations(state) {
              const decorations: Decoration[] = [];
              for (const thread of store.get()) {
                if (thread.resolved) continue;
                if (thread.suggestion) {
                  decorations.push(...suggestionDecorations(state, thread, thread.suggestion, store.active()));
                  continue;
                }
                const range = resolveAnchor(state, thread.start, thread.end);
                if (!range) continue;
                decorations.push(
                  Decoration.inline(range.from, range.to, {
                    class: thread.id === store.active() ? "comment-anchor comment-anchor--active" : "comment-anchor",
                    "data-thread": thread.id,
                    title: label,
                  }),
                );
              }
              return DecorationSet.create(state.doc, decorations);
            },
          },
        }),
      ];
    },
  });
}

/** A tracked change drawn over the text: the phrase to remove struck through, the text to add underlined. */
function suggestionDecorations(
  state: EditorState,
  thread: AnchoredThread,
  suggestion: NonNullable<AnchoredThread["suggestion"]>,
  activeId: string | null,
): Decoration[] {
  const range = resolveAnchor(state, thread.start, thread.end, { point: true });
  if (!range) return [];
  const active = thread.id === activeId ? " suggestion--active" : "";
  const decorations: Decoration[] = [];
  if (range.to > range.from) {
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: `suggestion-delete${active}`,
        style: `--suggestion-color: ${suggestion.color}`,
        "data-thread": thread.id,
        title: suggestion.label,
      }),
    );
  }
  if (suggestion.text) {
    decorations.push(
      Decoration.widget(
        range.to,
        () => {
          const inserted = document.createElement("ins");
          inserted.className = `suggestion-insert${active}`;
          inserted.style.setProperty("--suggestion-color", suggestion.color);
          inserted.dataset.thread = thread.id;
          inserted.title = suggestion.label;
          inserted.textContent = suggestion.text;
          return inserted;
        },
        { side: 1, key: `suggestion-${thread.id}-${suggestion.text}-${active}`, ignoreSelection: true },
      ),
    );
  }
  return decorations;
}
