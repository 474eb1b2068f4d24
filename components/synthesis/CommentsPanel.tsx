"use client";
// The comments beside the text: start a thread on the selected phrase or the whole section, read threads
// (filtered), reply, mark addressed, accept or reopen, edit and delete one's own comments.
import { useEffect, useId, useRef, useState } from "react";
import { MentionTextarea, withinLimit, type Mentionable } from "@/components/comments/MentionTextarea";
import { SUGGESTION_MAX_CHARS } from "@/lib/comments/limits";
import { useI18n } from "@/components/i18n/I18nProvider";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import type { AnsweredChangeView } from "@/lib/comments/queries";
import { AnsweredChange } from "./AnsweredChange";
import { formatDateTime } from "@/lib/i18n/format-time";
import { SUGGESTION_STATE_TONE as SUGGESTION_TONE, THREAD_STATE_TONE as STATE_TONE } from "./thread-tones";

export interface PanelSuggestion {
  text: string;
  state: "PENDING" | "APPLIED" | "REJECTED";
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface PanelThread {
  id: string;
  quote: string | null;
  state: "OPEN" | "ADDRESSED" | "ACCEPTED";
  detached: boolean;
  /** Who started the thread (a suggestion may have no comment of its own). */
  author: { id: string; name: string } | null;
  createdAt: string;
  suggestion: PanelSuggestion | null;
  round: { number: number; title: string } | null;
  comments: {
    id: string;
    body: string;
    createdAt: string;
    edited: boolean;
    author: { id: string; name: string } | null;
    /** For an answer that marked the thread addressed: how the section changed since the thread began. */
    change: AnsweredChangeView | null;
  }[];
}

export interface CommentPermissions {
  comment: boolean;
  /** Edit the text: mark comments addressed, apply or reject suggestions. */
  address: boolean;
  decide: boolean;
}

export type SuggestionDecision = "APPLIED" | "REJECTED";

// The thread cards' buttons: the shared button styles, sized down for the narrow sidebar.
const smallPrimary = `${buttonPrimary} px-2 py-1 text-xs`;
const smallSecondary = `${buttonSecondary} px-2 py-1 text-xs`;

type Run = (work: () => Promise<ActionResult<unknown>>) => Promise<boolean>;
type Decide = (threadIds: string[], decision: SuggestionDecision, reason?: string) => Promise<ActionResult<unknown>>;

export function CommentsPanel({
  threads,
  members,
  userId,
  can,
  selection,
  caret,
  round,
  activeId,
  onActivate,
  onStart,
  onSuggest,
  onDecide,
  onReply,
  onState,
  onEdit,
  onDelete,
  onEditSuggestion,
  onWithdrawSuggestion,
  run,
}: {
  threads: PanelThread[];
  /** Who can be @mentioned. */
  members: Mentionable[];
  userId: string;
  can: CommentPermissions;
  selection: string | null;
  /** A caret in the text with nothing selected: a suggestion there inserts. */
  caret: boolean;
  round: { number: number; title: string } | null;
  activeId: string | null;
  onActivate: (threadId: string | null) => void;
  onStart: (body: string, onPhrase: boolean) => Promise<ActionResult<unknown>>;
  onSuggest: (text: string, reason: string) => Promise<ActionResult<unknown>>;
  onDecide: Decide;
  onReply: (threadId: string, body: string, addressed: boolean) => Promise<ActionResult<unknown>>;
  onState: (threadId: string, state: "ACCEPTED" | "OPEN") => Promise<ActionResult<unknown>>;
  onEdit: (commentId: string, body: string) => Promise<ActionResult<unknown>>;
  onDelete: (commentId: string) => Promise<ActionResult<unknown>>;
  onEditSuggestion: (threadId: string, text: string) => Promise<ActionResult<unknown>>;
  onWithdrawSuggestion: (threadId: string) => Promise<ActionResult<unknown>>;
  run: Run;
}) {
  const { t, locale } = useI18n();
  const [confirmAll, setConfirmAll] = useState<SuggestionDecision | null>(null);
  // Opened on a resolved thread (from a link): show it rather than hide it behind the default filter.
  const [filter, setFilter] = useState<"open" | "resolved" | "all">(() =>
    threads.some((thread) => thread.id === activeId && thread.state === "ACCEPTED") ? "all" : "open",
  );
  const [roundFilter, setRoundFilter] = useState("");
  const [authorFilter, setAuthorFilter] = useState("");
  const [draft, setDraft] = useState("");
  const ids = { draft: useId(), filter: useId() };
  const pending = threads.filter((thread) => thread.suggestion?.state === "PENDING" && !thread.detached);
  const rounds = [
    ...new Map(threads.flatMap((thread) => (thread.round ? [[thread.round.number, thread.round]] : []))).values(),
  ];
  const authors = [
    ...new Map(threads.flatMap((thread) => (thread.author ? [[thread.author.id, thread.author]] : []))).values(),
  ];
  const shown = threads.filter(
    (thread) =>
      (filter === "all" ? true : filter === "open" ? thread.state !== "ACCEPTED" : thread.state === "ACCEPTED") &&
      (!roundFilter || String(thread.round?.number ?? "") === roundFilter) &&
      (!authorFilter || thread.author?.id === authorFilter),
  );
  return (
    <div className="space-y-4">
      {can.comment && (
        <form
          className="space-y-2"
          onSubmit={async (event) => {
            event.preventDefault();
            const onPhrase = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "phrase";
            if (await run(() => onStart(draft, onPhrase))) setDraft("");
          }}
        >
          <label htmlFor={ids.draft} className={labelClass}>
            {t("comments.newComment")}
          </label>
          {round && <p className="text-xs text-stone-500">{t("comments.inRound", round)}</p>}
          <p className="text-xs text-stone-500">
            {selection ? t("comments.selected", { quote: selection.slice(0, 60) }) : t("comments.selectHint")}
          </p>
          <MentionTextarea
            id={ids.draft}
            rows={3}
            required
            value={draft}
            onValueChange={setDraft}
            members={members}
            className={inputClass}
          />
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              value="phrase"
              className={buttonPrimary}
              disabled={!selection || !draft.trim() || !withinLimit(draft)}
            >
              {t("comments.commentPhrase")}
            </button>
            <button
              type="submit"
              value="section"
              className={buttonSecondary}
              disabled={!draft.trim() || !withinLimit(draft)}
            >
              {t("comments.commentSection")}
            </button>
          </div>
        </form>
      )}
      {can.comment && (
        // Editors can change the text themselves, so for them suggesting is folded away.
        <SuggestForm selection={selection} caret={caret} onSuggest={onSuggest} run={run} startOpen={!can.address} />
      )}
      {can.address && pending.length > 0 && (
        <div className="flex flex-wrap gap-2 rounded-md border border-violet-200 bg-violet-50/60 p-2">
          <button type="button" className={smallPrimary} onClick={() => setConfirmAll("APPLIED")}>
            {t("comments.applyAll", { n: pending.length })}
          </button>
          <button type="button" className={smallSecondary} onClick={() => setConfirmAll("REJECTED")}>
            {t("comments.rejectAll")}
          </button>
          <DecisionDialog
            decision={confirmAll}
            count={pending.length}
            onClose={() => setConfirmAll(null)}
            onConfirm={(reason) => {
              const decision = confirmAll!;
              setConfirmAll(null);
              void run(() =>
                onDecide(
                  pending.map((thread) => thread.id),
                  decision,
                  reason,
                ),
              );
            }}
          />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={ids.filter} className="text-xs text-stone-600">
          {t("comments.filter")}
        </label>
        <select
          id={ids.filter}
          value={filter}
          onChange={(event) => setFilter(event.target.value as typeof filter)}
          className="h-8 rounded border border-stone-200 bg-white px-1 text-sm"
        >
          <option value="open">{t("comments.filterOpen")}</option>
          <option value="resolved">{t("comments.filterResolved")}</option>
          <option value="all">{t("comments.filterAll")}</option>
        </select>
        {rounds.length > 0 && (
          <FilterSelect
            label={t("comments.filterRound")}
            value={roundFilter}
            onChange={setRoundFilter}
            everything={t("comments.allRounds")}
            options={rounds.map((round) => ({ value: String(round.number), label: t("comments.roundShort", round) }))}
          />
        )}
        {authors.length > 1 && (
          <FilterSelect
            label={t("comments.filterAuthor")}
            value={authorFilter}
            onChange={setAuthorFilter}
            everything={t("comments.allAuthors")}
            options={authors.map((author) => ({ value: author.id, label: author.name }))}
          />
        )}
      </div>
      {shown.length === 0 && <p className="text-sm text-stone-500">{t("comments.none")}</p>}
      <ol className="space-y-3">
        {shown.map((thread) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            members={members}
            userId={userId}
            can={can}
            active={thread.id === activeId}
            onActivate={() => onActivate(thread.id === activeId ? null : thread.id)}
            onDecide={onDecide}
            onReply={onReply}
            onState={onState}
            onEdit={onEdit}
            onDelete={onDelete}
            onEditSuggestion={onEditSuggestion}
            onWithdrawSuggestion={onWithdrawSuggestion}
            run={run}
            format={(iso) => formatDateTime(locale, iso)}
          />
        ))}
      </ol>
    </div>
  );
}

function ThreadCard({
  thread,
  members,
  userId,
  can,
  active,
  onActivate,
  onDecide,
  onReply,
  onState,
  onEdit,
  onDelete,
  onEditSuggestion,
  onWithdrawSuggestion,
  run,
  format,
}: {
  thread: PanelThread;
  members: Mentionable[];
  userId: string;
  can: CommentPermissions;
  active: boolean;
  onActivate: () => void;
  onDecide: Decide;
  onReply: (threadId: string, body: string, addressed: boolean) => Promise<ActionResult<unknown>>;
  onState: (threadId: string, state: "ACCEPTED" | "OPEN") => Promise<ActionResult<unknown>>;
  onEdit: (commentId: string, body: string) => Promise<ActionResult<unknown>>;
  onDelete: (commentId: string) => Promise<ActionResult<unknown>>;
  onEditSuggestion: (threadId: string, text: string) => Promise<ActionResult<unknown>>;
  onWithdrawSuggestion: (threadId: string) => Promise<ActionResult<unknown>>;
  run: Run;
  format: (iso: string) => string;
}) {
  const { t } = useI18n();
  const [reply, setReply] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [changing, setChanging] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const replyId = useId();
  const card = useRef<HTMLLIElement>(null);
  const { suggestion } = thread;
  const quote = thread.quote || (suggestion ? suggestion.text : t("comments.wholeSection"));
  // Opened from the text or from a link: bring the card into view beside it.
  useEffect(() => {
    if (active) card.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [active]);
  return (
    <li
      ref={card}
      aria-label={t("comments.threadOn", { quote })}
      className={`scroll-mt-24 rounded-md border bg-white p-2.5 text-sm ${active ? "border-amber-400 ring-2 ring-amber-200" : "border-stone-200"}`}
    >
      <button type="button" onClick={onActivate} className="block w-full text-left">
        <span className="flex flex-wrap items-center gap-1.5">
          {suggestion ? (
            <span className={`rounded-full px-2 py-0.5 text-xs ${SUGGESTION_TONE[suggestion.state]}`}>
              {t(`comments.suggestionStates.${suggestion.state}`)}
            </span>
          ) : (
            <span className={`rounded-full px-2 py-0.5 text-xs ${STATE_TONE[thread.state]}`}>
              {t(`comments.states.${thread.state}`)}
            </span>
          )}
          {thread.round && <span className="text-xs text-stone-500">{t("comments.roundShort", thread.round)}</span>}
          {thread.detached && <span className="text-xs text-red-700">{t("comments.detached")}</span>}
        </span>
        {suggestion ? (
          <span lang="zh-CN" className={`mt-1 block text-stone-700 ${thread.detached ? "line-through" : ""}`}>
            {!thread.quote
              ? t("comments.suggestInsert", { text: suggestion.text })
              : suggestion.text
                ? t("comments.suggestReplace", { quote: thread.quote, text: suggestion.text })
                : t("comments.suggestDelete", { quote: thread.quote })}
          </span>
        ) : (
          <q lang="zh-CN" className={`mt-1 line-clamp-2 text-stone-600 ${thread.detached ? "line-through" : ""}`}>
            {quote}
          </q>
        )}
        {suggestion && (
          <span className="mt-0.5 block text-xs text-stone-500">
            {thread.author?.name ?? "—"} · {format(thread.createdAt)}
            {suggestion.decidedAt &&
              ` · ${t(`comments.suggestionStates.${suggestion.state}`)} ${t("comments.decidedBy", {
                name: suggestion.decidedBy ?? "—",
                time: format(suggestion.decidedAt),
              })}`}
          </span>
        )}
      </button>
      {suggestion?.state === "PENDING" && can.address && (
        <div className="mt-2 flex gap-2">
          <button
            type="button"
            className={smallPrimary}
            disabled={thread.detached}
            aria-label={`${t("comments.applySuggestion")}: ${quote}`}
            onClick={() => void run(() => onDecide([thread.id], "APPLIED"))}
          >
            {t("comments.applySuggestion")}
          </button>
          <button
            type="button"
            className={smallSecondary}
            aria-label={`${t("comments.rejectSuggestion")}: ${quote}`}
            onClick={() => setRejecting(true)}
          >
            {t("comments.rejectSuggestion")}
          </button>
          <DecisionDialog
            decision={rejecting ? "REJECTED" : null}
            count={1}
            initialReason={reply}
            onClose={() => setRejecting(false)}
            onConfirm={async (reason) => {
              setRejecting(false);
              if (await run(() => onDecide([thread.id], "REJECTED", reason))) setReply("");
            }}
          />
        </div>
      )}
      {suggestion?.state === "PENDING" && thread.author?.id === userId && can.comment && (
        <div className="mt-2 space-y-1.5">
          {changing !== null ? (
            <form
              className="space-y-1.5"
              onSubmit={async (event) => {
                event.preventDefault();
                if (await run(() => onEditSuggestion(thread.id, changing))) setChanging(null);
              }}
            >
              <label className="block text-xs text-stone-600">
                {t("reviewTools.suggestionTextLabel")}
                <input
                  value={changing}
                  onChange={(event) => setChanging(event.target.value)}
                  className={`${inputClass} mt-0.5`}
                />
              </label>
              <div className="flex gap-2">
                <button type="submit" className={smallPrimary}>
                  {t("comments.save")}
                </button>
                <button type="button" className={smallSecondary} onClick={() => setChanging(null)}>
                  {t("comments.cancel")}
                </button>
              </div>
            </form>
          ) : (
            <span className="flex gap-3 text-xs">
              <button
                type="button"
                className="text-teal-700 hover:underline"
                onClick={() => setChanging(suggestion.text)}
              >
                {t("reviewTools.editSuggestion")}
              </button>
              <button type="button" className="text-red-700 hover:underline" onClick={() => setWithdrawing(true)}>
                {t("reviewTools.withdrawSuggestion")}
              </button>
            </span>
          )}
          <ConfirmDialog
            open={withdrawing}
            onOpenChange={setWithdrawing}
            title={t("reviewTools.withdrawTitle")}
            confirmLabel={t("reviewTools.withdrawConfirm")}
            cancelLabel={t("reviewTools.cancel")}
            destructive
            onConfirm={() => void run(() => onWithdrawSuggestion(thread.id))}
          >
            <p>{t("reviewTools.withdrawBody")}</p>
          </ConfirmDialog>
        </div>
      )}
      <ul className="mt-2 space-y-2">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <p className="text-xs text-stone-500">
              <span className="font-medium text-stone-800">{comment.author?.name ?? "—"}</span> ·{" "}
              {format(comment.createdAt)}
              {comment.edited && ` · ${t("comments.edited")}`}
            </p>
            {editing?.id === comment.id ? (
              <form
                className="mt-1 space-y-1"
                onSubmit={async (event) => {
                  event.preventDefault();
                  if (await run(() => onEdit(comment.id, editing.body))) setEditing(null);
                }}
              >
                <MentionTextarea
                  aria-label={t("comments.editComment")}
                  rows={2}
                  value={editing.body}
                  onValueChange={(body) => setEditing({ id: comment.id, body })}
                  members={members}
                  className={inputClass}
                />
                <div className="flex gap-2">
                  <button type="submit" className={smallPrimary} disabled={!withinLimit(editing.body)}>
                    {t("comments.save")}
                  </button>
                  <button type="button" className={smallSecondary} onClick={() => setEditing(null)}>
                    {t("comments.cancel")}
                  </button>
                </div>
              </form>
            ) : (
              <p className="whitespace-pre-wrap text-stone-800">{comment.body}</p>
            )}
            <AnsweredChange change={comment.change} />
            {comment.author?.id === userId && can.comment && editing?.id !== comment.id && (
              <span className="mt-0.5 flex gap-3 text-xs">
                <button
                  type="button"
                  className="text-teal-700 hover:underline"
                  onClick={() => setEditing({ id: comment.id, body: comment.body })}
                >
                  {t("comments.edit")}
                </button>
                <button type="button" className="text-red-700 hover:underline" onClick={() => setDeleting(comment.id)}>
                  {t("comments.delete")}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) setDeleting(null);
        }}
        title={t("comments.deleteConfirm")}
        confirmLabel={t("comments.delete")}
        cancelLabel={t("reviewTools.cancel")}
        destructive
        onConfirm={() => {
          const commentId = deleting;
          setDeleting(null);
          if (commentId) void run(() => onDelete(commentId));
        }}
      />
      {can.comment && (
        <form
          className="mt-2 space-y-1.5"
          onSubmit={async (event) => {
            event.preventDefault();
            const addressed = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "addressed";
            if (await run(() => onReply(thread.id, reply, addressed))) setReply("");
          }}
        >
          <label htmlFor={replyId} className="sr-only">
            {t("comments.replyTo", { quote })}
          </label>
          <MentionTextarea
            id={replyId}
            rows={2}
            value={reply}
            placeholder={t("comments.replyPlaceholder")}
            onValueChange={setReply}
            members={members}
            className={inputClass}
          />
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              value="reply"
              className={smallSecondary}
              disabled={!reply.trim() || !withinLimit(reply)}
            >
              {t("comments.reply")}
            </button>
            {can.address && thread.state === "OPEN" && !suggestion && (
              <button
                type="submit"
                value="addressed"
                className={smallSecondary}
                disabled={!reply.trim() || !withinLimit(reply)}
              >
                {t("comments.replyAddressed")}
              </button>
            )}
            {can.decide && thread.state !== "ACCEPTED" && !suggestion && (
              <button
                type="button"
                className={smallSecondary}
                onClick={() => void run(() => onState(thread.id, "ACCEPTED"))}
              >
                {/* Accepting an answer, or resolving a comment nobody needs to answer. */}
                {thread.state === "OPEN" ? t("comments.resolve") : t("comments.accept")}
              </button>
            )}
            {can.decide && thread.state !== "OPEN" && !suggestion && (
              <button
                type="button"
                className={smallSecondary}
                onClick={() => void run(() => onState(thread.id, "OPEN"))}
              >
                {t("comments.reopen")}
              </button>
            )}
          </div>
        </form>
      )}
    </li>
  );
}

/** A tracked change proposed beside the text: replace or delete the selection, or insert at the caret. */
function SuggestForm({
  selection,
  caret,
  onSuggest,
  run,
  startOpen,
}: {
  selection: string | null;
  caret: boolean;
  startOpen: boolean;
  onSuggest: (text: string, reason: string) => Promise<ActionResult<unknown>>;
  run: Run;
}) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  const ids = { text: useId(), reason: useId() };
  const place = selection
    ? t("comments.suggestReplaceHint", { quote: selection.slice(0, 60) })
    : caret
      ? t("comments.suggestInsertHint")
      : t("comments.suggestNoPlace");
  return (
    <details open={startOpen} className="group border-t border-stone-200 pt-3">
      <summary className="cursor-pointer text-sm font-medium text-stone-800">{t("comments.suggestTitle")}</summary>
      <form
        className="mt-2 space-y-2"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await run(() => onSuggest(text, reason))) {
            setText("");
            setReason("");
          }
        }}
      >
        <p className="text-xs text-stone-500">{place}</p>
        <label htmlFor={ids.text} className="sr-only">
          {t("comments.suggestText")}
        </label>
        <textarea
          id={ids.text}
          rows={2}
          value={text}
          placeholder={t("comments.suggestText")}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={text.length > SUGGESTION_MAX_CHARS || undefined}
          aria-describedby={text.length > SUGGESTION_MAX_CHARS ? `${ids.text}-limit` : undefined}
          className={inputClass}
        />
        {text.length > SUGGESTION_MAX_CHARS && (
          <p id={`${ids.text}-limit`} className="text-xs text-red-700">
            {t("limits.tooLong", { count: text.length, max: SUGGESTION_MAX_CHARS })}
          </p>
        )}
        <label htmlFor={ids.reason} className="sr-only">
          {t("comments.suggestReason")}
        </label>
        <input
          id={ids.reason}
          value={reason}
          placeholder={t("comments.suggestReason")}
          onChange={(event) => setReason(event.target.value)}
          className={inputClass}
        />
        <button
          type="submit"
          className={smallSecondary}
          disabled={
            (selection ? text === selection : !caret || !text.trim()) ||
            text.length > SUGGESTION_MAX_CHARS ||
            !withinLimit(reason)
          }
        >
          {t("comments.suggestSubmit")}
        </button>
      </form>
    </details>
  );
}

/** A narrowing of the thread list: "everything" (the empty value) or one of the options. */
function FilterSelect({
  label,
  value,
  onChange,
  everything,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  everything: string;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="h-8 rounded border border-stone-200 bg-white px-1 text-sm"
      >
        <option value="">{everything}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** Confirms accepting or rejecting suggestions; a rejection may carry a reason, kept as a reply. */
function DecisionDialog({
  decision,
  count,
  initialReason = "",
  onClose,
  onConfirm,
}: {
  decision: SuggestionDecision | null;
  count: number;
  initialReason?: string;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState(initialReason);
  const [shownFor, setShownFor] = useState<SuggestionDecision | null>(null);
  const reasonId = useId();
  if (decision !== shownFor) {
    setShownFor(decision);
    if (decision) setReason(initialReason);
  }
  const rejecting = decision === "REJECTED";
  return (
    <ConfirmDialog
      open={decision !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={
        rejecting
          ? count === 1
            ? t("reviewTools.rejectTitle")
            : t("reviewTools.rejectAllTitle", { n: count })
          : t("reviewTools.applyAllTitle", { n: count })
      }
      confirmLabel={rejecting ? t("reviewTools.rejectConfirm") : t("reviewTools.applyAllConfirm")}
      cancelLabel={t("reviewTools.cancel")}
      destructive={rejecting}
      onConfirm={() => onConfirm(rejecting ? reason : "")}
    >
      {rejecting ? (
        <>
          <p>{t("reviewTools.rejectBody")}</p>
          <label htmlFor={reasonId} className={labelClass}>
            {t("reviewTools.reasonLabel")}
          </label>
          <textarea
            id={reasonId}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className={inputClass}
          />
        </>
      ) : (
        <p>{t("reviewTools.applyAllBody")}</p>
      )}
    </ConfirmDialog>
  );
}
