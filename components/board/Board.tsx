"use client";
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import { Modal } from "@/components/ui/Modal";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/errors/action-result";

export interface BoardCard {
  id: string;
  href: string;
  title: string;
  author: string | null;
  year: number | null;
  assignees: string[];
  themes: { id: string; name: string; color: string }[];
}

export interface BoardColumn {
  id: string;
  name: string;
  excluded: boolean;
  count: number;
  cards: BoardCard[];
  moreHref: string | null;
}

type Pending = { card: BoardCard; from: string; to: BoardColumn };

export function Board({
  reviewId,
  columns: initial,
  reasons,
  canMove,
  move,
  themes,
  tag,
}: {
  reviewId: string;
  columns: BoardColumn[];
  reasons: { id: string; label: string }[];
  canMove: boolean;
  move: (form: FormData) => Promise<ActionResult>;
  /** The codebook offered for tagging; empty when the member may not tag. */
  themes: { id: string; name: string; color: string }[];
  tag: (form: FormData) => Promise<ActionResult>;
}) {
  const { t } = useI18n();
  const [columns, setColumns] = useState(initial);
  // A failed move or tag is said beside the board; a done one in a toast.
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const [asking, setAsking] = useState<Pending | null>(null);
  const [dragOver, setDragOver] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  // What had focus when the reason was asked (the card's "move to" list), to take it back afterwards.
  const opener = useRef<HTMLElement | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // Which way more columns lie off-screen: a fade and an arrow button on that side say so.
  const [overflow, setOverflow] = useState({ left: false, right: false });

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      const left = element.scrollLeft > 4;
      const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 4;
      setOverflow((current) => (current.left === left && current.right === right ? current : { left, right }));
    };
    measure();
    element.addEventListener("scroll", measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      element.removeEventListener("scroll", measure);
      observer.disconnect();
    };
  }, []);

  function scrollColumns(direction: 1 | -1) {
    const element = scroller.current;
    if (!element) return;
    element.scrollBy({ left: direction * Math.max(element.clientWidth * 0.8, 300), behavior: "smooth" });
  }

  // Fresh server data (after any move, here or elsewhere) replaces the optimistic picture.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setColumns(initial);
  }

  function relocate(cardId: string, from: string, to: string) {
    setColumns((current) => {
      const card = current.find((column) => column.id === from)?.cards.find((c) => c.id === cardId);
      if (!card) return current;
      return current.map((column) =>
        column.id === from
          ? { ...column, count: column.count - 1, cards: column.cards.filter((c) => c.id !== cardId) }
          : column.id === to
            ? { ...column, count: column.count + 1, cards: [card, ...column.cards] }
            : column,
      );
    });
  }

  function commit(pending: Pending, reasonId?: string, note?: string) {
    relocate(pending.card.id, pending.from, pending.to.id);
    const form = new FormData();
    form.set("reviewId", reviewId);
    form.set("itemId", pending.card.id);
    form.set("stageId", pending.to.id);
    if (reasonId) form.set("exclusionReasonId", reasonId);
    if (note) form.set("note", note);
    startTransition(async () => {
      const result = await move(form);
      if (result.ok) {
        setError(null);
        toast(t("board.moved", { title: pending.card.title, stage: pending.to.name }));
      } else {
        relocate(pending.card.id, pending.to.id, pending.from);
        setError(result.error);
      }
    });
  }

  function retag(card: BoardCard, choice: string) {
    const [mode, themeId] = choice.split(":");
    const theme = themes.find((entry) => entry.id === themeId);
    if (!theme || (mode !== "add" && mode !== "remove")) return;
    const apply = (add: boolean) =>
      setColumns((current) =>
        current.map((column) => ({
          ...column,
          cards: column.cards.map((c) =>
            c.id === card.id
              ? { ...c, themes: add ? [...c.themes, theme] : c.themes.filter((t) => t.id !== theme.id) }
              : c,
          ),
        })),
      );
    apply(mode === "add");
    const form = new FormData();
    form.set("reviewId", reviewId);
    form.set("itemId", card.id);
    form.set("themeId", theme.id);
    form.set("mode", mode);
    startTransition(async () => {
      const result = await tag(form);
      if (result.ok) {
        setError(null);
        toast(t(mode === "add" ? "board.tagged" : "board.untagged", { title: card.title, theme: theme.name }));
      } else {
        apply(mode !== "add");
        setError(result.error);
      }
    });
  }

  function request(cardId: string, from: string, to: string) {
    if (from === to) return;
    const card = columns.find((column) => column.id === from)?.cards.find((c) => c.id === cardId);
    const target = columns.find((column) => column.id === to);
    if (!card || !target) return;
    const pending = { card, from, to: target };
    if (target.excluded) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setAsking(pending);
    } else commit(pending);
  }

  return (
    <div className="space-y-3">
      <div aria-live="polite">{error && <FormMessage error={error} />}</div>
      <div className="flex items-center justify-end gap-2">
        <button
          type="button"
          className={buttonSecondary}
          aria-label={t("board.scrollLeft")}
          disabled={!overflow.left}
          onClick={() => scrollColumns(-1)}
        >
          ←
        </button>
        <button
          type="button"
          className={buttonSecondary}
          aria-label={t("board.scrollRight")}
          disabled={!overflow.right}
          onClick={() => scrollColumns(1)}
        >
          →
        </button>
      </div>
      <div className="relative">
        {overflow.left && (
          <div
            aria-hidden
            className="pointer-events-none absolute inset-y-0 left-0 z-10 w-10 bg-gradient-to-r from-stone-50 to-transparent"
          />
        )}
        {overflow.right && (
          <div
            aria-hidden
            data-testid="board-more-right"
            className="pointer-events-none absolute inset-y-0 right-0 z-10 w-12 bg-gradient-to-l from-stone-50 to-transparent"
          />
        )}
        <div
          ref={scroller}
          role="region"
          aria-label={t("board.columnsRegion")}
          tabIndex={0}
          className="flex gap-3 overflow-x-auto pb-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
        >
          {columns.map((column) => (
            <section
              key={column.id}
              aria-label={t("board.column", { stage: column.name })}
              onDragOver={(event) => {
                if (!canMove) return;
                event.preventDefault();
                setDragOver(column.id);
              }}
              onDragLeave={() => setDragOver((current) => (current === column.id ? null : current))}
              onDrop={(event) => {
                event.preventDefault();
                setDragOver(null);
                const [cardId, from] = event.dataTransfer.getData("text/plain").split("|");
                if (cardId && from) request(cardId, from, column.id);
              }}
              className={`flex w-[min(18rem,80vw)] shrink-0 flex-col rounded-lg border ${dragOver === column.id ? "border-teal-500 bg-teal-50" : column.excluded ? "border-rose-200 bg-rose-50/40" : "border-stone-200 bg-stone-100/70"}`}
            >
              <h2 className="flex items-baseline justify-between px-3 py-2 text-sm font-semibold">
                <span>{column.name}</span>
                <span className="rounded-full bg-white px-2 text-xs font-normal tabular-nums text-stone-600">
                  {t("board.count", { n: column.count })}
                </span>
              </h2>
              <ul className="flex min-h-24 flex-1 flex-col gap-2 px-2 pb-2">
                {column.cards.length === 0 && (
                  <li className="px-1 py-3 text-center text-xs text-stone-600">{t("board.empty")}</li>
                )}
                {column.cards.map((card) => (
                  <li
                    key={card.id}
                    draggable={canMove}
                    onDragStart={(event) => {
                      event.dataTransfer.setData("text/plain", `${card.id}|${column.id}`);
                      event.dataTransfer.effectAllowed = "move";
                    }}
                    className={`rounded-md border border-stone-200 bg-white p-2.5 text-sm shadow-sm ${canMove ? "cursor-grab active:cursor-grabbing" : ""}`}
                  >
                    <Link
                      href={card.href}
                      className="font-medium leading-snug text-stone-900 hover:text-teal-800 hover:underline"
                    >
                      {card.title}
                    </Link>
                    <p className="mt-1 text-xs text-stone-500">
                      {[card.author, card.year].filter(Boolean).join(" · ")}
                    </p>
                    {card.assignees.length > 0 && (
                      <ul
                        aria-label={t("board.assigneesOf", { title: card.title })}
                        className="mt-1.5 flex flex-wrap items-center gap-1"
                      >
                        {card.assignees.map((name) => (
                          <li
                            key={name}
                            className="inline-flex max-w-full items-center gap-1 rounded-full bg-teal-50 py-0.5 pl-0.5 pr-2 text-[11px] text-teal-900"
                          >
                            <span
                              aria-hidden
                              className="inline-flex size-4 shrink-0 items-center justify-center rounded-full bg-teal-700 text-[9px] font-semibold text-white"
                            >
                              {name.slice(0, 1)}
                            </span>
                            <span className="truncate">{name}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                    <div className="mt-2 flex items-center justify-between gap-2">
                      <span className="flex items-center gap-1">
                        {card.themes.map((theme) => (
                          <span
                            key={theme.id}
                            title={theme.name}
                            className="size-2.5 rounded-full"
                            style={{ backgroundColor: theme.color }}
                          >
                            <span className="sr-only">{theme.name}</span>
                          </span>
                        ))}
                      </span>
                      {themes.length > 0 && (
                        <select
                          aria-label={t("board.tagFor", { title: card.title })}
                          value=""
                          onChange={(event) => retag(card, event.target.value)}
                          className="max-w-20 rounded border border-stone-300 bg-white px-1 py-0.5 text-xs text-stone-700"
                        >
                          <option value="" disabled>
                            {t("board.tagShort")}
                          </option>
                          {themes.map((theme) => {
                            const tagged = card.themes.some((entry) => entry.id === theme.id);
                            return (
                              <option key={theme.id} value={`${tagged ? "remove" : "add"}:${theme.id}`}>
                                {t(tagged ? "board.tagRemove" : "board.tagAdd", { name: theme.name })}
                              </option>
                            );
                          })}
                        </select>
                      )}
                      {canMove && (
                        <select
                          aria-label={t("board.moveTo", { title: card.title })}
                          value=""
                          onChange={(event) => request(card.id, column.id, event.target.value)}
                          className="max-w-28 rounded border border-stone-300 bg-white px-1 py-0.5 text-xs text-stone-700"
                        >
                          <option value="" disabled>
                            {t("board.moveToShort")}
                          </option>
                          {columns
                            .filter((other) => other.id !== column.id)
                            .map((other) => (
                              <option key={other.id} value={other.id}>
                                {other.name}
                              </option>
                            ))}
                        </select>
                      )}
                    </div>
                  </li>
                ))}
                {column.moreHref && column.count > column.cards.length && (
                  <li>
                    <Link
                      href={column.moreHref}
                      className="block rounded px-2 py-1.5 text-center text-xs font-medium text-teal-800 hover:bg-white"
                    >
                      {t("board.showMore", { n: column.count })}
                    </Link>
                  </li>
                )}
              </ul>
            </section>
          ))}
        </div>
      </div>
      <Modal
        open={asking !== null}
        onOpenChange={(open) => !open && setAsking(null)}
        title={asking ? t("board.reasonTitle", { title: asking.card.title }) : ""}
        description={asking ? t("board.reasonHelp", { stage: asking.to.name }) : undefined}
        // The card's "move to" list, or the board when the card has moved away from it.
        returnFocus={() =>
          opener.current?.isConnected && opener.current !== document.body ? opener.current : scroller.current
        }
      >
        {asking && (
          <form
            className="mt-3 space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              commit(asking, String(data.get("reason")), String(data.get("note") ?? ""));
              setAsking(null);
            }}
          >
            <div>
              <label htmlFor="board-reason" className={labelClass}>
                {t("board.reason")}
              </label>
              <select id="board-reason" name="reason" required defaultValue="" className={`mt-1 ${inputClass}`}>
                <option value="" disabled>
                  {t("board.chooseReason")}
                </option>
                {reasons.map((reason) => (
                  <option key={reason.id} value={reason.id}>
                    {reason.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="board-note" className={labelClass}>
                {t("board.note")}
              </label>
              <input id="board-note" name="note" maxLength={500} className={`mt-1 ${inputClass}`} />
            </div>
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonSecondary} onClick={() => setAsking(null)}>
                {t("board.cancel")}
              </button>
              <button type="submit" className={buttonPrimary}>
                {t("board.confirm")}
              </button>
            </div>
          </form>
        )}
      </Modal>
    </div>
  );
}
