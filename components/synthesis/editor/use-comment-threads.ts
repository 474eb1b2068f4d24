"use client";
// The comment threads as the text shows them: highlighted phrases (the active one emphasised), the active
// thread scrolled into view, and which threads lost their phrase.
import type { Editor } from "@tiptap/react";
import { useEffect, useMemo } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import type { PanelThread } from "../CommentsPanel";
import type { SectionWorkspaceProps } from "../SectionWorkspace";
import { resolveAnchor, type ThreadStore } from "./comment-anchors";

export type SectionThread = SectionWorkspaceProps["comments"]["threads"][number];

export function useCommentThreads(options: {
  editor: Editor | null;
  threads: SectionThread[];
  threadStore: ThreadStore;
  activeThread: string | null;
  /** Moves after the text changed, so anchors are resolved again. */
  docTick: number;
}): PanelThread[] {
  const { editor, threads, threadStore, activeThread, docTick } = options;
  const { t } = useI18n();

  useEffect(() => {
    threadStore.set(
      threads
        .filter((thread) => thread.anchorStart && thread.anchorEnd)
        .map((thread) => ({
          id: thread.id,
          start: thread.anchorStart!,
          end: thread.anchorEnd!,
          resolved: thread.state === "ACCEPTED",
          suggestion:
            thread.suggestion?.state === "PENDING"
              ? {
                  text: thread.suggestion.text,
                  color: thread.authorColor,
                  label: t("comments.suggestionLabel", { name: thread.author?.name ?? "—" }),
                }
              : null,
        })),
      activeThread,
    );
  }, [threadStore, threads, activeThread, t]);

  // The thread opened in the sidebar (or by a link) is brought into view in the text as well.
  useEffect(() => {
    if (!editor || !activeThread) return;
    const thread = threads.find((candidate) => candidate.id === activeThread);
    if (!thread?.anchorStart || !thread.anchorEnd) return;
    const range = resolveAnchor(editor.state, thread.anchorStart, thread.anchorEnd, { point: !!thread.suggestion });
    if (!range) return;
    const { node } = editor.view.domAtPos(range.from);
    const element = node instanceof HTMLElement ? node : node.parentElement;
    element?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [editor, activeThread, threads, docTick]);

  return useMemo(
    () =>
      threads.map(({ anchorStart, anchorEnd, authorColor: _color, ...thread }) => ({
        ...thread,
        detached: !!(
          editor &&
          anchorStart &&
          anchorEnd &&
          docTick >= 0 &&
          !resolveAnchor(editor.state, anchorStart, anchorEnd, { point: !!thread.suggestion })
        ),
      })),
    [threads, editor, docTick],
  );
}
