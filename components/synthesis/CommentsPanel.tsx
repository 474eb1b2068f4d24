"use client";
// The comments beside the text: start a thread on the selected phrase or the whole section, read threads
// (filtered), reply, mark addressed, accept or reopen, edit and delete one's own comments.
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import { formatDateTime } from "@/lib/i18n/format-time";

export interface PanelThread {
  id: string;
  quote: string | null;
  state: "OPEN" | "ADDRESSED" | "ACCEPTED";
  detached: boolean;
  round: { number: number; title: string } | null;
  comments: {
    id: string;
    body: string;
    createdAt: string;
    edited: boolean;
    author: { id: string; name: string } | null;
  }[];
}

export interface CommentPermissions {
  comment: boolean;
  address: boolean;
  decide: boolean;
}

type Run = (work: () => Promise<ActionResult<unknown>>) => Promise<boolean>;

const STATE_TONE = {
  OPEN: "bg-amber-50 text-amber-800",
  ADDRESSED: "bg-sky-50 text-sky-800",
  ACCEPTED: "bg-emerald-50 text-emerald-800",
} as const;

export function CommentsPanel({
  threads,
  userId,
  can,
  selection,
  round,
  activeId,
  onActivate,
  onStart,
  onReply,
  onState,
  onEdit,
  onDelete,
  run,
}: {
  threads: PanelThread[];
  userId: string;
  can: CommentPermissions;
  selection: string | null;
  round: { number: number; title: string } | null;
  activeId: string | null;
  onActivate: (threadId: string | null) => void;
  onStart: (body: string, onPhrase: boolean) => Promise<ActionResult<unknown>>;
  onReply: (threadId: string, body: string, addressed: boolean) => Promise<ActionResult<unknown>>;
  onState: (threadId: string, state: "ACCEPTED" | "OPEN") => Promise<ActionResult<unknown>>;
  onEdit: (commentId: string, body: string) => Promise<ActionResult<unknown>>;
  onDelete: (commentId: string) => Promise<ActionResult<unknown>>;
  run: Run;
}) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<"open" | "resolved" | "all">("open");
  const [roundFilter, setRoundFilter] = useState("");
  const [authorFilter, setAuthorFilter] = useState("");
  const [draft, setDraft] = useState("");
  const ids = { draft: useId(), filter: useId(), round: useId(), author: useId() };
  const rounds = [
    ...new Map(threads.flatMap((thread) => (thread.round ? [[thread.round.number, thread.round]] : []))).values(),
  ];
  const authors = [
    ...new Map(
      threads.flatMap((thread) => {
        const author = thread.comments[0]?.author;
        return author ? [[author.id, author]] : [];
      }),
    ).values(),
  ];
  const shown = threads.filter(
    (thread) =>
      (filter === "all" ? true : filter === "open" ? thread.state !== "ACCEPTED" : thread.state === "ACCEPTED") &&
      (!roundFilter || String(thread.round?.number ?? "") === roundFilter) &&
      (!authorFilter || thread.comments[0]?.author?.id === authorFilter),
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
          <textarea
            id={ids.draft}
            rows={3}
            required
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className={inputClass}
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" value="phrase" className={buttonPrimary} disabled={!selection || !draft.trim()}>
              {t("comments.commentPhrase")}
            </button>
            <button type="submit" value="section" className={buttonSecondary} disabled={!draft.trim()}>
              {t("comments.commentSection")}
            </button>
          </div>
        </form>
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
          <>
            <label htmlFor={ids.round} className="sr-only">
              {t("comments.filterRound")}
            </label>
            <select
              id={ids.round}
              value={roundFilter}
              onChange={(event) => setRoundFilter(event.target.value)}
              className="h-8 rounded border border-stone-200 bg-white px-1 text-sm"
            >
              <option value="">{t("comments.allRounds")}</option>
              {rounds.map((round) => (
                <option key={round.number} value={String(round.number)}>
                  {t("comments.roundShort", round)}
                </option>
              ))}
            </select>
          </>
        )}
        {authors.length > 1 && (
          <>
            <label htmlFor={ids.author} className="sr-only">
              {t("comments.filterAuthor")}
            </label>
            <select
              id={ids.author}
              value={authorFilter}
              onChange={(event) => setAuthorFilter(event.target.value)}
              className="h-8 rounded border border-stone-200 bg-white px-1 text-sm"
            >
              <option value="">{t("comments.allAuthors")}</option>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {shown.length === 0 && <p className="text-sm text-stone-500">{t("comments.none")}</p>}
      <ol className="space-y-3">
        {shown.map((thread) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            userId={userId}
            can={can}
            active={thread.id === activeId}
            onActivate={() => onActivate(thread.id === activeId ? null : thread.id)}
            onReply={onReply}
            onState={onState}
            onEdit={onEdit}
            onDelete={onDelete}
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
  userId,
  can,
  active,
  onActivate,
  onReply,
  onState,
  onEdit,
  onDelete,
  run,
  format,
}: {
  thread: PanelThread;
  userId: string;
  can: CommentPermissions;
  active: boolean;
  onActivate: () => void;
  onReply: (threadId: string, body: string, addressed: boolean) => Promise<ActionResult<unknown>>;
  onState: (threadId: string, state: "ACCEPTED" | "OPEN") => Promise<ActionResult<unknown>>;
  onEdit: (commentId: string, body: string) => Promise<ActionResult<unknown>>;
  onDelete: (commentId: string) => Promise<ActionResult<unknown>>;
  run: Run;
  format: (iso: string) => string;
}) {
  const { t } = useI18n();
  const [reply, setReply] = useState("");
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const replyId = useId();
  const quote = thread.quote ?? t("comments.wholeSection");
  return (
    <li
      id={`thread-${thread.id}`}
      aria-label={t("comments.threadOn", { quote })}
      className={`scroll-mt-24 rounded-md border bg-white p-2.5 text-sm ${active ? "border-amber-400 ring-2 ring-amber-200" : "border-stone-200"}`}
    >
      <button type="button" onClick={onActivate} className="block w-full text-left">
        <span className="flex flex-wrap items-center gap-1.5">
          <span className={`rounded-full px-2 py-0.5 text-xs ${STATE_TONE[thread.state]}`}>
            {t(`comments.states.${thread.state}`)}
          </span>
          {thread.round && <span className="text-xs text-stone-500">{t("comments.roundShort", thread.round)}</span>}
          {thread.detached && <span className="text-xs text-red-700">{t("comments.detached")}</span>}
        </span>
        <q lang="zh-CN" className={`mt-1 line-clamp-2 text-stone-600 ${thread.detached ? "line-through" : ""}`}>
          {quote}
        </q>
      </button>
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
                <textarea
                  aria-label={t("comments.editComment")}
                  rows={2}
                  value={editing.body}
                  onChange={(event) => setEditing({ id: comment.id, body: event.target.value })}
                  className={inputClass}
                />
                <div className="flex gap-2">
                  <button type="submit" className={`${buttonPrimary} px-2 py-1 text-xs`}>
                    {t("comments.save")}
                  </button>
                  <button
                    type="button"
                    className={`${buttonSecondary} px-2 py-1 text-xs`}
                    onClick={() => setEditing(null)}
                  >
                    {t("comments.cancel")}
                  </button>
                </div>
              </form>
            ) : (
              <p className="whitespace-pre-wrap text-stone-800">{comment.body}</p>
            )}
            {comment.author?.id === userId && can.comment && editing?.id !== comment.id && (
              <span className="mt-0.5 flex gap-3 text-xs">
                <button
                  type="button"
                  className="text-teal-700 hover:underline"
                  onClick={() => setEditing({ id: comment.id, body: comment.body })}
                >
                  {t("comments.edit")}
                </button>
                <button
                  type="button"
                  className="text-red-700 hover:underline"
                  onClick={() => {
                    if (window.confirm(t("comments.deleteConfirm"))) void run(() => onDelete(comment.id));
                  }}
                >
                  {t("comments.delete")}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
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
          <textarea
            id={replyId}
            rows={2}
            value={reply}
            placeholder={t("comments.replyPlaceholder")}
            onChange={(event) => setReply(event.target.value)}
            className={inputClass}
          />
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              value="reply"
              className={`${buttonSecondary} px-2 py-1 text-xs`}
              disabled={!reply.trim()}
            >
              {t("comments.reply")}
            </button>
            {can.address && thread.state === "OPEN" && (
              <button
                type="submit"
                value="addressed"
                className={`${buttonSecondary} px-2 py-1 text-xs`}
                disabled={!reply.trim()}
              >
                {t("comments.replyAddressed")}
              </button>
            )}
            {can.decide && thread.state !== "ACCEPTED" && (
              <button
                type="button"
                className={`${buttonSecondary} px-2 py-1 text-xs`}
                onClick={() => void run(() => onState(thread.id, "ACCEPTED"))}
              >
                {t("comments.accept")}
              </button>
            )}
            {can.decide && thread.state !== "OPEN" && (
              <button
                type="button"
                className={`${buttonSecondary} px-2 py-1 text-xs`}
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
