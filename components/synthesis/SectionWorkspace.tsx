"use client";
// The section editor: a Tiptap editor bound to the section's Yjs document, with the toolbar, citations,
// presence and sync state, and the side panels that feed it (theme passages, history, details). Each job is a
// hook in ./editor; this component lays them out.
import { BibliographyList, type BibliographyListEntry } from "@/components/bibliography/BibliographyList";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { EditorContent } from "@tiptap/react";
import { Tabs } from "radix-ui";
import { useCallback, useState } from "react";
import type * as Y from "yjs";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary } from "@/components/ui/styles";
import type { DocNode } from "@/lib/synthesis/document-model";
import type { ActionResult } from "@/lib/errors/action-result";
import { CitationDialog } from "./CitationDialog";
import { CommentsPanel, type CommentPermissions, type PanelThread } from "./CommentsPanel";
import { createThreadStore } from "./editor/comment-anchors";
import { CitationSuggestions } from "./CitationSuggestions";
import { EditorToolbar } from "./EditorToolbar";
import { HistoryPanel, type VersionSummary } from "./HistoryPanel";
import { PassagePanel, type ThemePassages } from "./PassagePanel";
import { PromptDialog } from "./PromptDialog";
import { Presence, SyncBadge } from "./SyncBadge";
import type { CitableOption } from "./editor/citation-trigger";
import { createLabelStore } from "./editor/labels";
import { useConfirm } from "@/components/ui/use-confirm";
import { createEditorRuntime } from "./editor/runtime";
import { useCitations } from "./editor/use-citations";
import { useCitationTrigger } from "./editor/use-citation-trigger";
import { useCollaboration, type Collaboration } from "./editor/use-collaboration";
import { useCommentActions } from "./editor/use-comment-actions";
import { useCommentThreads } from "./editor/use-comment-threads";
import { useEditorSelection } from "./editor/use-editor-selection";
import { useSearchTarget } from "./editor/use-search-target";
import { useSectionEditor, type EditedNode } from "./editor/use-section-editor";
import { useVersions } from "./editor/use-versions";
import { useWorkspacePanels, type Panel } from "./editor/use-workspace-panels";

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
  searchCitable: (input: {
    reviewId: string;
    query: string;
    includeExcluded?: boolean;
  }) => Promise<ActionResult<CitableOption[]>>;
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

export function SectionWorkspace(props: SectionWorkspaceProps) {
  const { reviewId, section, user } = props;
  const collaboration = useCollaboration({
    sectionId: section.id,
    tokenUrl: `/reviews/${reviewId}/synthesis/${section.id}/collab-token`,
    user,
  });
  // The connection is opened by an effect (so StrictMode's second mount gets exactly one); until then the
  // same placeholder as while the code loads.
  if (!collaboration.connection)
    return <div className="h-96 animate-pulse rounded-lg border border-stone-200 bg-white" aria-hidden />;
  return (
    <ConnectedWorkspace
      key={collaboration.connection.doc.guid}
      {...props}
      collaboration={collaboration}
      connection={collaboration.connection}
    />
  );
}

function ConnectedWorkspace(
  props: SectionWorkspaceProps & {
    collaboration: Collaboration;
    connection: { doc: Y.Doc; provider: HocuspocusProvider };
  },
) {
  const { reviewId, section, canWrite, user, actions, connection } = props;
  const { t } = useI18n();
  const { askToConfirm, dialog: confirmDialog } = useConfirm();
  const { sync, collaborators, readOnly } = props.collaboration;
  const [labels] = useState(createLabelStore);
  const [live] = useState(() => createEditorRuntime(props.knownTitles, props.initialBibliography));
  const [threadStore] = useState(createThreadStore);
  const [dialog, setDialog] = useState<"cite" | "link" | "note" | null>(null);
  // A citation or note clicked in the text, to change its page or its text.
  const [editing, setEditing] = useState<EditedNode | null>(null);
  const [notice, setNotice] = useState<{ error?: string; success?: string; undo?: boolean } | null>(null);
  const { panel, setPanel, activeThread, setActiveThread, openThread } = useWorkspacePanels(
    props.comments.threads.length > 0,
  );
  const citationTrigger = useCitationTrigger(live);

  const search = useCallback(
    async (query: string, includeExcluded = false): Promise<CitableOption[]> => {
      const result = await actions.searchCitable({ reviewId, query, includeExcluded });
      if (!result.ok) return [];
      for (const item of result.data) live.rememberTitle(item.id, item.title);
      live.rememberStandings(result.data.map((item) => ({ itemId: item.id, standing: item.standing })));
      return result.data;
    },
    [reviewId, actions, live],
  );

  const editor = useSectionEditor({
    connection,
    user,
    reviewId,
    sectionTitle: section.title,
    writable: canWrite && readOnly === false,
    labels,
    live,
    threadStore,
    search,
    trigger: citationTrigger.handlers,
    onThreadClick: openThread,
    onEditNode: setEditing,
  });
  const { selected, docTick } = useEditorSelection(editor);
  useSearchTarget(editor);
  const panelThreads: PanelThread[] = useCommentThreads({
    editor,
    threads: props.comments.threads,
    threadStore,
    activeThread,
    docTick,
  });
  const comments = useCommentActions({
    editor,
    provider: connection.provider,
    reviewId,
    sectionId: section.id,
    roundId: props.comments.round?.id ?? null,
    actions,
    threads: props.comments.threads,
    selected,
    setNotice,
  });
  const { bibliography, superscript, quoted } = useCitations({
    editor,
    labels,
    live,
    reviewId,
    sectionId: section.id,
    actions,
    initialBibliography: props.initialBibliography,
    initialSuperscript: props.superscript,
  });
  const versions = useVersions({ editor, reviewId, sectionId: section.id, sync, actions, setNotice });
  const { trigger, activeSuggestion } = citationTrigger;

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

  const saveVersion = versions.saveVersion;

  const restore = async (versionId: string) => {
    if (!editor) return;
    if (!(await askToConfirm({ title: t("synthesis.restoreConfirm"), confirmLabel: t("synthesis.restoreVersion") })))
      return;
    await versions.restoreVersion(versionId);
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
        {trigger && (
          <CitationSuggestions
            state={trigger}
            active={activeSuggestion}
            editorElement={editor?.isInitialized ? editor.view.dom : null}
          />
        )}
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
        {/* Radix Tabs: the arrow keys move between the panels, Home/End to the first and last. */}
        <Tabs.Root value={panel} onValueChange={(value) => setPanel(value as Panel)}>
          <Tabs.List aria-label={t("synthesis.panels")} className="flex border-b border-stone-200">
            {tabs.map((tab) => (
              <Tabs.Trigger
                key={tab.id}
                value={tab.id}
                className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-stone-600 hover:text-stone-900 data-[state=active]:border-teal-700 data-[state=active]:text-teal-800"
              >
                {tab.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Tabs.Content value={panel} className="pt-3 focus:outline-none">
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
                run={comments.runComment}
                onStart={comments.onStart}
                onSuggest={comments.onSuggest}
                onDecide={comments.decideSuggestions}
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
          </Tabs.Content>
        </Tabs.Root>
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
