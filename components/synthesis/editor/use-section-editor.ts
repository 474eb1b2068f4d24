"use client";
// The Tiptap editor bound to an open connection: the extension list, the editor's own click handling, and
// whether the writer may type. Built once per connection; everything it reads later goes through stores.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Placeholder from "@tiptap/extension-placeholder";
import { useEditor } from "@tiptap/react";
import { useEffect, useMemo } from "react";
import type * as Y from "yjs";
import { useI18n } from "@/components/i18n/I18nProvider";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { citationTrigger, type CitableOption, type TriggerState } from "./citation-trigger";
import { citationView, noteView, passageLinks, pasteCleaner } from "./client-extensions";
import { commentHighlights, type ThreadStore } from "./comment-anchors";
import type { LabelStore } from "./labels";
import type { createEditorRuntime } from "./runtime";

export interface EditedNode {
  pos: number;
  kind: "citation" | "note";
  value: string;
}

export function useSectionEditor(options: {
  connection: { doc: Y.Doc; provider: HocuspocusProvider };
  user: { name: string; color: string };
  reviewId: string;
  sectionTitle: string;
  writable: boolean;
  labels: LabelStore;
  live: ReturnType<typeof createEditorRuntime>;
  threadStore: ThreadStore;
  search: (query: string) => Promise<CitableOption[]>;
  trigger: { onChange: (state: TriggerState) => void; onKeyDown: (event: KeyboardEvent) => boolean };
  /** A highlighted phrase of a comment thread was clicked. */
  onThreadClick: (threadId: string) => void;
  /** A citation or note was clicked in the text, to change its page or its text. */
  onEditNode: (node: EditedNode) => void;
}) {
  const { connection, user, reviewId, labels, live, threadStore, search, trigger, writable } = options;
  const { doc, provider } = connection;
  const { t } = useI18n();

  const extensions = useMemo(
    () => [
      ...sectionExtensions({
        citation: citationView(
          labels,
          live.titleOf,
          {
            pendingCitation: t("synthesis.citationPending"),
            missingCitation: t("synthesis.citationMissing"),
            citationOf: (label, title) => t("synthesis.citationOf", { label, title }),
            note: (text) => t("synthesis.noteOf", { text }),
            noteMarker: t("synthesis.noteMarker"),
            openPassage: t("synthesis.openPassage"),
            citationWarning: (standing) =>
              t(standing === "excluded" ? "screening.citedExcluded" : "screening.citedUnscreened"),
          },
          live.standingOf,
        ),
        note: noteView({
          pendingCitation: "",
          missingCitation: "",
          citationOf: () => "",
          note: (text) => t("synthesis.noteOf", { text }),
          noteMarker: t("synthesis.noteMarker"),
          openPassage: "",
        }),
      }),
      Collaboration.configure({ document: doc, field: SECTION_FRAGMENT }),
      CollaborationCaret.configure({ provider, user }),
      Placeholder.configure({ placeholder: t("synthesis.placeholder") }),
      passageLinks(
        (itemId, codingId) => `/reviews/${reviewId}/items/${itemId}#passage-${codingId}`,
        t("synthesis.openPassage"),
      ),
      pasteCleaner(),
      commentHighlights(threadStore, t("comments.highlight")),
      citationTrigger({ search, onChange: trigger.onChange, onKeyDown: trigger.onKeyDown }),
    ],
    // The editor is built once per section; everything it reads later goes through refs and stores.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, provider],
  );

  const editor = useEditor(
    {
      extensions,
      immediatelyRender: false,
      editable: false,
      editorProps: {
        attributes: {
          "aria-label": t("synthesis.editorLabel", { title: options.sectionTitle }),
          role: "textbox",
          "aria-multiline": "true",
          class: "section-prose min-h-[24rem] px-8 py-6 focus:outline-none",
          lang: "zh-CN",
        },
        handleClick: (_view, _pos, event) => {
          const thread = (event.target as HTMLElement | null)?.closest?.("[data-thread]")?.getAttribute("data-thread");
          if (!thread) return false;
          options.onThreadClick(thread);
          return false;
        },
        handleClickOn: (view, pos, node) => {
          if (!view.editable || (node.type.name !== "citation" && node.type.name !== "note")) return false;
          const kind = node.type.name;
          options.onEditNode({
            pos,
            kind,
            value: String((kind === "citation" ? node.attrs.locator : node.attrs.text) ?? ""),
          });
          return true;
        },
      },
    },
    [extensions],
  );

  // Writable only once the server has said so: a reader's typing would otherwise be silently discarded.
  useEffect(() => {
    editor?.setEditable(writable);
  }, [editor, writable]);

  return editor;
}
