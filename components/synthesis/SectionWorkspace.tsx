"use client";
// The section editor: a Tiptap editor bound to the section's Yjs document, with the toolbar, citations,
// presence and sync state, and the side panels that feed it (theme passages, history, details).
import { BibliographyList, type BibliographyListEntry } from "@/components/bibliography/BibliographyList";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Placeholder from "@tiptap/extension-placeholder";
import { EditorContent, useEditor } from "@tiptap/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary } from "@/components/ui/styles";
import { citationsInOrder, quotedCodingIds, type DocNode } from "@/lib/synthesis/document-model";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import type { ActionResult } from "@/lib/errors/action-result";
import { formatDateTime } from "@/lib/i18n/format-time";
import { isThreadsMessage, THREADS_MESSAGE } from "@/lib/collab/stored-message";
import { CitationDialog } from "./CitationDialog";
import { CommentsPanel, type CommentPermissions, type PanelThread, type SuggestionDecision } from "./CommentsPanel";
import { anchorOfRange, commentHighlights, createThreadStore, resolveAnchor } from "./editor/comment-anchors";
import { CitationSuggestions } from "./CitationSuggestions";
import { EditorToolbar } from "./EditorToolbar";
import { HistoryPanel, type VersionSummary } from "./HistoryPanel";
import { PassagePanel, type ThemePassages } from "./PassagePanel";
import { PromptDialog } from "./PromptDialog";
import { Presence, SyncBadge } from "./SyncBadge";
import { citationTrigger, type CitableOption, type TriggerState } from "./editor/citation-trigger";
import { citationView, noteView, passageLinks, pasteCleaner } from "./editor/client-extensions";
import { citationKey, createLabelStore } from "./editor/labels";
import { createEditorRuntime } from "./editor/runtime";
import { useCollaboration } from "./editor/use-collaboration";
import { useConfirm } from "@/components/ui/use-confirm";

export interface SectionWorkspaceProps {
  reviewId: string;
  section: { id: string; title: string };
  canWrite: boolean;
  user: { name: string; color: string };
  knownTitles: Record<string, string>;
  passages: ThemePassages | null;
  versions: VersionSummary[];
  settings: React.ReactNode;
  initialBibliography: BibliographyListEntry[];
  /** Whether incomplete references link to their edit forms. */
  canEditItems: boolean;
  /** GB/T numeric labels are set as superscript; author-date and APA labels run in the line. */
  superscript: boolean;
  actions: SectionActions;
  comments: {
    userId: string;
    members: { id: string; name: string }[];
    can: CommentPermissions;
    round: { id: string; number: number; title: string } | null;
    threads: (Omit<PanelThread, "detached"> & {
      anchorStart: string | null;
      anchorEnd: string | null;
      authorColor: string;
    })[];
  };
}

/** Server actions, handed down by the page so this component stays free of routes. */
export interface SectionActions {
  renderCitations: (input: {
    reviewId: string;
    sectionId: string;
    citations: { itemId: string; locator: string | null }[];
  }) => Promise<ActionResult<{ labels: string[]; bibliography: BibliographyListEntry[]; superscript: boolean }>>;
  searchCitable: (input: { reviewId: string; query: string }) => Promise<ActionResult<CitableOption[]>>;
  saveVersion: (previous: unknown, form: FormData) => Promise<ActionResult<{ versionId: string }>>;
  startThread: (input: unknown) => Promise<ActionResult<unknown>>;
  decideSuggestions: (input: unknown) => Promise<ActionResult<{ decided: string[] }>>;
  replyToThread: (input: unknown) => Promise<ActionResult<unknown>>;
  setThreadState: (input: unknown) => Promise<ActionResult<unknown>>;
  editComment: (input: unknown) => Promise<ActionResult<unknown>>;
  deleteComment: (input: unknown) => Promise<ActionResult<unknown>>;
  editSuggestion: (input: unknown) => Promise<ActionResult<unknown>>;
  withdrawSuggestion: (input: unknown) => Promise<ActionResult<unknown>>;
  loadVersion: (input: {
    reviewId: string;
    sectionId: string;
    versionId: string;
  }) => Promise<ActionResult<{ content: DocNode }>>;
}

type Panel = "passages" | "comments" | "history" | "settings";

export function SectionWorkspace(props: SectionWorkspaceProps) {
  const { reviewId, section, canWrite, user, actions } = props;
  const { t, locale } = useI18n();
  const { confirm, dialog: confirmDialog } = useConfirm();
  const router = useRouter();
  const collaboration = useCollaboration({
    sectionId: section.id,
    tokenUrl: `/reviews/${reviewId}/synthesis/${section.id}/collab-token`,
    user,
  });
  const { doc, provider, sync, collaborators, readOnly } = collaboration;
  const [labels] = useState(createLabelStore);
  const [bibliography, setBibliography] = useState(props.initialBibliography);
  const [superscript, setSuperscript] = useState(props.superscript);
  const [quoted, setQuoted] = useState<Set<string>>(new Set());
  const [trigger, setTrigger] = useState<TriggerState>(null);
  const [activeSuggestion, setActiveSuggestion] = useState(0);
  const [live] = useState(() => createEditorRuntime(props.knownTitles));
  const [dialog, setDialog] = useState<"cite" | "link" | "note" | null>(null);
  // A citation or note clicked in the text, to change its page or its text.
  const [editing, setEditing] = useState<{ pos: number; kind: "citation" | "note"; value: string } | null>(null);
  // A link to a thread (from the inbox or a summary) opens the comments beside it.
  const searchParams = useSearchParams();
  const linkedThread = searchParams.get("thread");
  // Opened from a round or a notification (?panel=comments): the comments come first, even before any exist.
  const [panel, setPanel] = useState<Panel>(
    props.comments.threads.length || linkedThread || searchParams.get("panel") === "comments" ? "comments" : "passages",
  );
  const [threadStore] = useState(createThreadStore);
  const [activeThread, setActiveThread] = useState<string | null>(linkedThread);
  const [followedLink, setFollowedLink] = useState(linkedThread);
  if (linkedThread !== followedLink) {
    setFollowedLink(linkedThread);
    if (linkedThread) {
      setActiveThread(linkedThread);
      setPanel("comments");
    }
  }
  // The last phrase selected in the text: kept while the writer types the comment in the sidebar.
  const [selected, setSelected] = useState<{ from: number; to: number; quote: string } | null>(null);
  const [docTick, setDocTick] = useState(0);
  const [notice, setNotice] = useState<{ error?: string; success?: string; undo?: boolean } | null>(null);

  const search = useCallback(
    async (query: string): Promise<CitableOption[]> => {
      const result = await actions.searchCitable({ reviewId, query });
      if (!result.ok) return [];
      for (const item of result.data) live.rememberTitle(item.id, item.title);
      return result.data;
    },
    [reviewId, actions, live],
  );

  const extensions = useMemo(
    () => [
      ...sectionExtensions({
        citation: citationView(labels, live.titleOf, {
          pendingCitation: t("synthesis.citationPending"),
          missingCitation: t("synthesis.citationMissing"),
          citationOf: (label, title) => t("synthesis.citationOf", { label, title }),
          note: (text) => t("synthesis.noteOf", { text }),
          noteMarker: t("synthesis.noteMarker"),
          openPassage: t("synthesis.openPassage"),
        }),
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
      citationTrigger({
        search,
        onChange: (state) => {
          live.openTrigger(state);
          setTrigger(state);
          setActiveSuggestion(0);
        },
        onKeyDown: (event) => {
          const { state, active } = live.trigger();
          if (!state) return false;
          const count = state.items.length;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            const next = count ? (active + (event.key === "ArrowDown" ? 1 : count - 1)) % count : 0;
            live.setActive(next);
            setActiveSuggestion(next);
            return true;
          }
          if (event.key === "Enter" && count > 0) {
            state.command(state.items[active]!);
            return true;
          }
          return false;
        },
      }),
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
          "aria-label": t("synthesis.editorLabel", { title: section.title }),
          role: "textbox",
          "aria-multiline": "true",
          class: "section-prose min-h-[24rem] px-8 py-6 focus:outline-none",
          lang: "zh-CN",
        },
        handleClick: (_view, _pos, event) => {
          const thread = (event.target as HTMLElement | null)?.closest?.("[data-thread]")?.getAttribute("data-thread");
          if (!thread) return false;
          setActiveThread(thread);
          setPanel("comments");
          return false;
        },
        handleClickOn: (view, pos, node) => {
          if (!view.editable || (node.type.name !== "citation" && node.type.name !== "note")) return false;
          const kind = node.type.name;
          setEditing({ pos, kind, value: String((kind === "citation" ? node.attrs.locator : node.attrs.text) ?? "") });
          return true;
        },
      },
    },
    [extensions],
  );

  // Writable only once the server has said so: a reader's typing would otherwise be silently discarded.
  useEffect(() => {
    editor?.setEditable(canWrite && readOnly === false);
  }, [editor, canWrite, readOnly]);

  // Selections are read from the DOM so that readers (whose editor is not editable) can comment too.
  useEffect(() => {
    if (!editor) return;
    const onSelection = () => {
      const selection = document.getSelection();
      if (!selection || !selection.anchorNode || !selection.focusNode) return;
      const root = editor.view.dom;
      if (!root.contains(selection.anchorNode) || !root.contains(selection.focusNode)) return;
      try {
        if (selection.isCollapsed) {
          // A caret with nothing selected: the place a suggested insertion goes.
          const at = editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
          setSelected({ from: at, to: at, quote: "" });
          return;
        }
        const a = editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
        const b = editor.view.posAtDOM(selection.focusNode, selection.focusOffset);
        const from = Math.min(a, b);
        const to = Math.max(a, b);
        const quote = editor.state.doc.textBetween(from, to, " ").trim();
        setSelected(quote ? { from, to, quote } : null);
      } catch {
        setSelected(null);
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setDocTick((tick) => tick + 1), 300);
    };
    document.addEventListener("selectionchange", onSelection);
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onSelection);
      editor.off("update", onUpdate);
    };
  }, [editor]);

  // A search result links to a paragraph as #para=<its opening words>: once the text has arrived, scroll to it and flash it.
  useEffect(() => {
    if (!editor) return;
    const raw = /^#para=(.+)$/.exec(window.location.hash)?.[1];
    if (!raw) return;
    const key = decodeURIComponent(raw).replace(/\s+/g, " ").trim();
    let done = false;
    const locate = () => {
      if (done || !key) return;
      let found = -1;
      editor.state.doc.descendants((node, pos) => {
        if (found >= 0) return false;
        if (node.isTextblock && node.textContent.replace(/\s+/g, " ").includes(key)) found = pos;
        return found < 0;
      });
      if (found < 0) return;
      done = true;
      const dom = editor.view.nodeDOM(found);
      if (!(dom instanceof HTMLElement)) return;
      dom.scrollIntoView({ block: "center" });
      dom.setAttribute("data-search-target", "");
      window.setTimeout(() => dom.removeAttribute("data-search-target"), 2500);
    };
    locate();
    editor.on("transaction", locate);
    return () => {
      editor.off("transaction", locate);
    };
  }, [editor]);

  useEffect(() => {
    threadStore.set(
      props.comments.threads
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
  }, [threadStore, props.comments.threads, activeThread, t]);

  // The thread opened in the sidebar (or by a link) is brought into view in the text as well.
  useEffect(() => {
    if (!editor || !activeThread) return;
    const thread = props.comments.threads.find((candidate) => candidate.id === activeThread);
    if (!thread?.anchorStart || !thread.anchorEnd) return;
    const range = resolveAnchor(editor.state, thread.anchorStart, thread.anchorEnd, { point: !!thread.suggestion });
    if (!range) return;
    const { node } = editor.view.domAtPos(range.from);
    const element = node instanceof HTMLElement ? node : node.parentElement;
    element?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [editor, activeThread, props.comments.threads, docTick]);

  useEffect(() => {
    const onStateless = ({ payload }: { payload: string }) => {
      if (isThreadsMessage(payload)) router.refresh();
    };
    provider.on("stateless", onStateless);
    return () => {
      provider.off("stateless", onStateless);
    };
  }, [provider, router]);

  const panelThreads: PanelThread[] = useMemo(
    () =>
      props.comments.threads.map(({ anchorStart, anchorEnd, authorColor: _color, ...thread }) => ({
        ...thread,
        detached: !!(
          editor &&
          anchorStart &&
          anchorEnd &&
          docTick >= 0 &&
          !resolveAnchor(editor.state, anchorStart, anchorEnd, { point: !!thread.suggestion })
        ),
      })),
    [props.comments.threads, editor, docTick],
  );

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
    const chosen = props.comments.threads.filter((thread) => threadIds.includes(thread.id) && thread.suggestion);
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

  // Labels and the bibliography depend on the whole synthesis; ask the server whenever this section's
  // citations change (including changes typed by others).
  const lastCitations = useRef<string | null>(null);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      const json = editor.getJSON() as DocNode;
      setQuoted((previous) => {
        const next = new Set(quotedCodingIds(json));
        return next.size === previous.size && [...next].every((id) => previous.has(id)) ? previous : next;
      });
      const citations = citationsInOrder(json);
      const key = JSON.stringify(citations);
      if (key === lastCitations.current) return;
      clearTimeout(timer);
      timer = setTimeout(async () => {
        lastCitations.current = key;
        const result = await actions.renderCitations({ reviewId, sectionId: section.id, citations });
        if (!result.ok) return;
        const map = new Map<string, string>();
        citations.forEach((citation, index) =>
          map.set(citationKey(citation.itemId, citation.locator), result.data.labels[index] ?? "[?]"),
        );
        labels.set(map);
        setBibliography(result.data.bibliography);
        setSuperscript(result.data.superscript);
      }, 250);
    };
    // Other sections (and the style) change numbering too: look again when the writer comes back to this tab
    // and every half minute while it is visible.
    const refreshAll = () => {
      if (document.visibilityState !== "visible") return;
      lastCitations.current = null;
      refresh();
    };
    const interval = setInterval(refreshAll, 30_000);
    refresh();
    editor.on("update", refresh);
    window.addEventListener("focus", refreshAll);
    document.addEventListener("visibilitychange", refreshAll);
    return () => {
      clearTimeout(timer);
      clearInterval(interval);
      editor.off("update", refresh);
      window.removeEventListener("focus", refreshAll);
      document.removeEventListener("visibilitychange", refreshAll);
    };
  }, [editor, labels, reviewId, section.id, actions]);

  const insertCitation = (item: CitableOption, locator: string | null) => {
    live.rememberTitle(item.id, item.title);
    editor
      ?.chain()
      .focus()
      .insertContent({ type: "citation", attrs: { itemId: item.id, locator } })
      .run();
    setDialog(null);
  };

  const insertQuote = (passage: {
    codingId: string;
    itemId: string;
    quote: string;
    title: string;
    locator: string | null;
  }) => {
    if (!editor) return;
    live.rememberTitle(passage.itemId, passage.title);
    editor
      .chain()
      .focus()
      .insertContent([
        {
          type: "blockquote",
          attrs: { codingId: passage.codingId, itemId: passage.itemId },
          content: [
            {
              type: "paragraph",
              content: [
                { type: "text", text: passage.quote },
                // A passage from a PDF cites its page: [3]45 in GB/T 7714, (Kan, 2024, p. 45) in APA.
                { type: "citation", attrs: { itemId: passage.itemId, locator: passage.locator } },
              ],
            },
          ],
        },
        { type: "paragraph" },
      ])
      .run();
    setNotice({ success: t("synthesis.quoteInserted") });
  };

  const saveVersion = async (name: string, kind: "NAMED" | "BEFORE_RESTORE") => {
    const form = new FormData();
    form.set("reviewId", reviewId);
    form.set("sectionId", section.id);
    form.set("name", name);
    form.set("kind", kind);
    const result = await actions.saveVersion(null, form);
    if (!result.ok) setNotice({ error: result.error });
    else router.refresh();
    return result.ok;
  };

  const restore = async (versionId: string) => {
    if (!editor) return;
    if (!(await confirm({ title: t("synthesis.restoreConfirm"), confirmLabel: t("synthesis.restoreVersion") }))) return;
    if (sync.kind !== "saved") {
      setNotice({ error: t("synthesis.waitForSave") });
      return;
    }
    const loaded = await actions.loadVersion({ reviewId, sectionId: section.id, versionId });
    if (!loaded.ok) {
      setNotice({ error: loaded.error });
      return;
    }
    const saved = await saveVersion(
      t("synthesis.beforeRestoreName", { time: formatDateTime(locale, new Date()) }),
      "BEFORE_RESTORE",
    );
    if (!saved) return;
    // A normal, local change: collaborators see it at once and Undo takes it back.
    editor.chain().focus().setContent(loaded.data.content).run();
    setNotice({ success: t("synthesis.restored"), undo: true });
  };

  const tabs: { id: Panel; label: string }[] = [
    { id: "passages", label: t("synthesis.passagesTab") },
    {
      id: "comments",
      label: t("comments.tabCount", {
        n: props.comments.threads.filter((thread) => thread.state !== "ACCEPTED").length,
      }),
    },
    { id: "history", label: t("synthesis.historyTab") },
    { id: "settings", label: t("synthesis.settingsTab") },
  ];

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      {confirmDialog}
      <div className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Presence me={user} others={collaborators} />
          <SyncBadge sync={sync} readOnly={readOnly === true || !canWrite} />
        </div>
        {notice && (
          <div className="flex items-center gap-2">
            <div className="flex-1">
              <FormMessage error={notice.error} success={notice.success} />
            </div>
            {notice.undo && (
              <button
                type="button"
                className={buttonSecondary}
                onClick={() => {
                  editor?.chain().focus().undo().run();
                  setNotice(null);
                }}
              >
                {t("synthesis.undoRestore")}
              </button>
            )}
          </div>
        )}
        <div className="rounded-lg border border-stone-200 bg-white shadow-sm" data-superscript={superscript}>
          {editor && canWrite && readOnly === false && (
            <EditorToolbar
              editor={editor}
              onCite={() => setDialog("cite")}
              onLink={() => setDialog("link")}
              onNote={() => setDialog("note")}
            />
          )}
          <EditorContent editor={editor} />
        </div>
        {trigger && <CitationSuggestions state={trigger} active={activeSuggestion} />}
        <section aria-labelledby="bibliography-heading" className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="bibliography-heading" className="text-sm font-semibold text-stone-900">
            {t("synthesis.bibliographyWhole")}
          </h2>
          {bibliography.length === 0 ? (
            <p className="mt-2 text-sm text-stone-500">{t("synthesis.noBibliography")}</p>
          ) : (
            <BibliographyList
              reviewId={props.reviewId}
              entries={bibliography}
              canEdit={props.canEditItems}
              label={t("synthesis.bibliography")}
            />
          )}
        </section>
      </div>
      <aside
        aria-label={t("synthesis.panels")}
        className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
      >
        <div role="tablist" aria-label={t("synthesis.panels")} className="flex border-b border-stone-200">
          {tabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={panel === tab.id}
              aria-controls={`panel-${tab.id}`}
              onClick={() => setPanel(tab.id)}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${panel === tab.id ? "border-teal-700 text-teal-800" : "border-transparent text-stone-600 hover:text-stone-900"}`}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`} className="pt-3">
          {panel === "passages" && (
            <PassagePanel
              reviewId={reviewId}
              passages={props.passages}
              quoted={quoted}
              canInsert={!!editor && canWrite && readOnly === false}
              onInsert={insertQuote}
            />
          )}
          {panel === "comments" && (
            <CommentsPanel
              threads={panelThreads}
              members={props.comments.members}
              userId={props.comments.userId}
              can={props.comments.can}
              selection={selected?.quote || null}
              caret={!!selected && selected.from === selected.to}
              round={props.comments.round}
              activeId={activeThread}
              onActivate={setActiveThread}
              run={runComment}
              onStart={(body, onPhrase) => {
                const anchor =
                  onPhrase && selected && editor ? anchorOfRange(editor.state, selected.from, selected.to) : null;
                return actions.startThread({
                  reviewId,
                  sectionId: section.id,
                  roundId: props.comments.round?.id ?? null,
                  anchor: anchor && selected ? { ...anchor, quote: selected.quote } : null,
                  body,
                });
              }}
              onSuggest={(text, reason) => {
                const anchor = selected && editor ? anchorOfRange(editor.state, selected.from, selected.to) : null;
                return actions.startThread({
                  reviewId,
                  sectionId: section.id,
                  roundId: props.comments.round?.id ?? null,
                  anchor: anchor && selected ? { ...anchor, quote: selected.quote } : null,
                  suggestion: text,
                  body: reason,
                });
              }}
              onDecide={decideSuggestions}
              onReply={(threadId, body, addressed) => actions.replyToThread({ reviewId, threadId, body, addressed })}
              onState={(threadId, state) => actions.setThreadState({ reviewId, threadId, state })}
              onEdit={(commentId, body) => actions.editComment({ reviewId, commentId, body })}
              onDelete={(commentId) => actions.deleteComment({ reviewId, commentId })}
              onEditSuggestion={(threadId, suggestion) => actions.editSuggestion({ reviewId, threadId, suggestion })}
              onWithdrawSuggestion={(threadId) => actions.withdrawSuggestion({ reviewId, threadId })}
            />
          )}
          {panel === "history" && (
            <HistoryPanel
              reviewId={reviewId}
              sectionId={section.id}
              versions={props.versions}
              canWrite={canWrite && readOnly === false}
              saved={sync.kind === "saved"}
              onSave={(name) => saveVersion(name, "NAMED")}
              onRestore={restore}
            />
          )}
          {panel === "settings" && props.settings}
        </div>
      </aside>
      <CitationDialog
        open={dialog === "cite"}
        search={search}
        onInsert={insertCitation}
        onClose={() => setDialog(null)}
      />
      <PromptDialog
        open={dialog === "link"}
        label={t("synthesis.linkUrl")}
        initial={(editor?.getAttributes("link").href as string | undefined) ?? "https://"}
        onClose={() => setDialog(null)}
        onSubmit={(href) => {
          const chain = editor?.chain().focus().extendMarkRange("link");
          if (!href.trim() || href.trim() === "https://") chain?.unsetLink().run();
          else chain?.setLink({ href: href.trim() }).run();
          setDialog(null);
        }}
      />
      <PromptDialog
        open={editing !== null}
        label={editing?.kind === "note" ? t("synthesis.noteText") : t("synthesis.locator")}
        initial={editing?.value ?? ""}
        multiline={editing?.kind === "note"}
        submitLabel={t("synthesis.save")}
        onClose={() => setEditing(null)}
        onSubmit={(value) => {
          if (editor && editing) {
            const node = editor.state.doc.nodeAt(editing.pos);
            if (node && node.type.name === editing.kind) {
              const text = value.trim();
              editor
                .chain()
                .focus()
                .command(({ tr }) => {
                  // An emptied note is removed; an emptied page just drops the locator.
                  if (editing.kind === "note" && !text) tr.delete(editing.pos, editing.pos + node.nodeSize);
                  else
                    tr.setNodeMarkup(editing.pos, undefined, {
                      ...node.attrs,
                      ...(editing.kind === "note" ? { text } : { locator: text || null }),
                    });
                  return true;
                })
                .run();
            }
          }
          setEditing(null);
        }}
      />
      <PromptDialog
        open={dialog === "note"}
        label={t("synthesis.noteText")}
        initial=""
        multiline
        onClose={() => setDialog(null)}
        onSubmit={(text) => {
          if (text.trim())
            editor
              ?.chain()
              .focus()
              .insertContent({ type: "note", attrs: { text: text.trim() } })
              .run();
          setDialog(null);
        }}
      />
    </div>
  );
}
