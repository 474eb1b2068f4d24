"use client";
// What the comments panel does to the server and to the text: run an action and tell the other editors,
// start a thread on the selected phrase, and apply accepted suggestions as this editor's own edit.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import type { ActionResult } from "@/lib/errors/action-result";
import { isThreadsMessage, THREADS_MESSAGE } from "@/lib/collab/stored-message";
import type { SuggestionDecision } from "../CommentsPanel";
import type { SectionActions } from "../SectionWorkspace";
import { anchorOfRange, resolveAnchor } from "./comment-anchors";
import type { SectionThread } from "./use-comment-threads";
import type { SelectedPhrase } from "./use-editor-selection";

export function useCommentActions(options: {
  editor: Editor | null;
  provider: HocuspocusProvider;
  reviewId: string;
  sectionId: string;
  roundId: string | null;
  actions: SectionActions;
  threads: SectionThread[];
  selected: SelectedPhrase | null;
  setNotice: (notice: { error?: string; success?: string } | null) => void;
}) {
  const { editor, provider, reviewId, sectionId, roundId, actions, threads, selected, setNotice } = options;
  const { t } = useI18n();
  const router = useRouter();

  // Another editor changed the comments: load them again.
  useEffect(() => {
    const onStateless = ({ payload }: { payload: string }) => {
      if (isThreadsMessage(payload)) router.refresh();
    };
    provider.on("stateless", onStateless);
    return () => {
      provider.off("stateless", onStateless);
    };
  }, [provider, router]);

  /** Runs a comment action; on success the page reloads its comments and tells the other editors to do so. */
  const runComment = async (work: () => Promise<ActionResult<unknown>>) => {
    let result: ActionResult<unknown>;
    try {
      result = await work();
    } catch (error) {
      // The request itself failed (the connection dropped, the server refused the body): the typed text stays.
      console.error("comment action failed:", error);
      setNotice({ error: t("errors.unexpected") });
      return false;
    }
    if (!result.ok) {
      setNotice({ error: result.error });
      return false;
    }
    setNotice(null);
    router.refresh();
    provider.sendStateless(THREADS_MESSAGE);
    return true;
  };

  /**
   * Accepting suggestions: check every phrase still reads as it did, let the server record the decision
   * (so two editors cannot both apply it), then make the change here, as this editor's own edit.
   */
  const decideSuggestions = async (
    threadIds: string[],
    decision: SuggestionDecision,
    reason?: string,
  ): Promise<ActionResult<unknown>> => {
    const refuse = (error: string): ActionResult<unknown> => ({ ok: false, error, code: "CLIENT", at: Date.now() });
    if (decision === "REJECTED") return actions.decideSuggestions({ reviewId, threadIds, decision, reason });
    if (!editor || !editor.isEditable) return refuse(t("comments.notConnected"));
    const chosen = threads.filter((thread) => threadIds.includes(thread.id) && thread.suggestion);
    const placed = () =>
      chosen.map((thread) => {
        const range =
          thread.anchorStart && thread.anchorEnd
            ? resolveAnchor(editor.state, thread.anchorStart, thread.anchorEnd, { point: true })
            : null;
        const current = range ? editor.state.doc.textBetween(range.from, range.to, " ") : null;
        return { thread, range: current?.trim() === (thread.quote ?? "").trim() ? range : null };
      });
    const stale = placed().find((change) => !change.range);
    if (stale)
      return refuse(t("comments.suggestionStale", { quote: stale.thread.quote ?? stale.thread.suggestion!.text }));
    const result = await actions.decideSuggestions({
      reviewId,
      threadIds: chosen.map((thread) => thread.id),
      decision,
    });
    if (!result.ok) return result;
    // Only what this request decided is applied (another editor may have taken some meanwhile), placed
    // again because collaborators may have typed while the server answered.
    const decided = new Set(result.data.decided);
    const changes = placed()
      .filter(({ thread }) => decided.has(thread.id))
      .flatMap(({ thread, range }) => (range ? [{ ...range, text: thread.suggestion!.text }] : []))
      .sort((a, b) => b.from - a.from);
    const tr = editor.state.tr;
    let limit = Infinity;
    for (const change of changes) {
      if (change.to > limit) continue; // overlapping another suggestion already applied: keep the text sound
      tr.insertText(change.text, change.from, change.to);
      limit = change.from;
    }
    editor.view.dispatch(tr);
    return result;
  };

  const onStart = (body: string, onPhrase: boolean) => {
    const anchor = onPhrase && selected && editor ? anchorOfRange(editor.state, selected.from, selected.to) : null;
    return actions.startThread({
      reviewId,
      sectionId,
      roundId,
      anchor: anchor && selected ? { ...anchor, quote: selected.quote } : null,
      body,
    });
  };

  const onSuggest = (text: string, reason: string) => {
    const anchor = selected && editor ? anchorOfRange(editor.state, selected.from, selected.to) : null;
    return actions.startThread({
      reviewId,
      sectionId,
      roundId,
      anchor: anchor && selected ? { ...anchor, quote: selected.quote } : null,
      suggestion: text,
      body: reason,
    });
  };

  return { runComment, decideSuggestions, onStart, onSuggest };
}
