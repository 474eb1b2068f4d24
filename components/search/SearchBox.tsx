"use client";
// The search box in the review header: Ctrl/⌘ K (or the button) opens it, results arrive as the user types,
// ↑/↓ choose one, Enter opens it (the first when none is chosen; the full search page when nothing matched),
// Esc closes. The dialog is Radix's: it traps focus, closes on Escape or a click outside, and gives focus back to the
// button that opened it.
import { Dialog } from "radix-ui";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import type { SearchResult } from "@/lib/search/search";
import { shownCount } from "./count";
import { SearchHitView } from "./SearchHitView";

const DEBOUNCE_MS = 180;
const LIVE_LIMIT = 8;

/** The latest answer, for the query it answered. */
type Answer = { q: string; result: SearchResult } | { q: string; failed: true };

export function SearchBox({ reviewId }: { reviewId: string }) {
  const { locale, t } = useI18n();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const pageHref = `/reviews/${reviewId}/search?q=${encodeURIComponent(query.trim())}`;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const q = query.trim();
  useEffect(() => {
    if (!open || !q) return;
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const response = await fetch(
          `/reviews/${reviewId}/search/results?q=${encodeURIComponent(q)}&limit=${LIVE_LIMIT}`,
          {
            signal: controller.signal,
          },
        );
        if (!response.ok) throw new Error(`search answered ${response.status}`);
        setAnswer({ q, result: (await response.json()) as SearchResult });
        setActive(-1);
      } catch (error) {
        if (!controller.signal.aborted) {
          console.error(error);
          setAnswer({ q, failed: true });
        }
      }
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [open, q, reviewId]);

  // While a newer query is on its way, the previous results stay in view.
  const result = q && answer && "result" in answer ? answer.result : null;
  const settled = answer?.q === q;
  const failed = settled && answer !== null && "failed" in answer;
  const hits = result?.hits ?? [];

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (event.key === "Enter" && query.trim()) {
      event.preventDefault();
      // A full navigation: the target page scrolls to the passage, paragraph or text named in the link.
      window.location.assign((hits[active] ?? hits[0])?.href ?? pageHref);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        className="inline-flex items-center gap-2 rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm text-stone-500 shadow-sm hover:bg-stone-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="h-4 w-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4 4" strokeLinecap="round" />
        </svg>
        <span>{t("search.open")}</span>
        <kbd className="rounded border border-stone-200 bg-stone-50 px-1 font-sans text-xs text-stone-500">
          {t("search.shortcut")}
        </kbd>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 flex items-start justify-center bg-stone-900/30 px-4 pt-[10vh]">
          <Dialog.Content
            aria-describedby={undefined}
            className="w-full max-w-2xl overflow-hidden rounded-lg border border-stone-200 bg-white shadow-xl"
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              input.current?.focus();
              input.current?.select();
            }}
            onKeyDown={onKeyDown}
          >
            <Dialog.Title className="sr-only">{t("search.dialog")}</Dialog.Title>
            <div className="flex items-center gap-2 border-b border-stone-200 px-4">
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="h-5 w-5 shrink-0 text-stone-400"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <circle cx="8.5" cy="8.5" r="5.5" />
                <path d="m13 13 4 4" strokeLinecap="round" />
              </svg>
              <input
                ref={input}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                aria-label={t("search.label")}
                placeholder={t("search.placeholder")}
                className="w-full border-0 py-3.5 text-base text-stone-900 placeholder:text-stone-400 focus:outline-none"
                autoComplete="off"
                aria-controls={hits.length > 0 ? "search-live-results" : undefined}
                aria-activedescendant={active >= 0 ? `search-live-${active}` : undefined}
              />
              <Dialog.Close
                className="rounded px-1.5 text-sm text-stone-500 hover:bg-stone-100"
                aria-label={t("search.close")}
              >
                Esc
              </Dialog.Close>
            </div>
            <div className="max-h-[60vh] overflow-y-auto" aria-live="polite">
              {!q && <p className="px-4 py-6 text-sm text-stone-500">{t("search.help")}</p>}
              {q && failed && <p className="px-4 py-6 text-sm text-red-700">{t("search.failed")}</p>}
              {result && result.pendingChanges > 0 && (
                <p className="border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900">
                  {t("search.pending", { n: result.pendingChanges.toLocaleString("en-US") })}
                </p>
              )}
              {result?.corrected && (
                <p className="border-b border-stone-100 px-4 py-1.5 text-xs text-stone-600">
                  {t("search.corrected", {
                    from: result.corrected.words.map((w) => w.from).join(" "),
                    to: result.corrected.words.map((w) => w.to).join(" "),
                  })}
                </p>
              )}
              {q && !settled && !result && <p className="px-4 py-6 text-sm text-stone-500">{t("search.searching")}</p>}
              {result && hits.length === 0 && settled && (
                <p className="px-4 py-6 text-sm text-stone-500">{t("search.none", { q: query.trim() })}</p>
              )}
              {hits.length > 0 && (
                <ul id="search-live-results" aria-label={t("search.results")} className="divide-y divide-stone-100">
                  {hits.map((hit, i) => (
                    <li key={`${hit.kind}-${hit.id}`} id={`search-live-${i}`}>
                      <a
                        href={hit.href}
                        className={`block px-4 py-2.5 hover:bg-stone-50 ${i === Math.max(active, 0) ? "bg-teal-50" : ""}`}
                        onMouseEnter={() => setActive(i)}
                      >
                        <SearchHitView hit={hit} locale={locale} t={t} compact />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {result && result.total > 0 && (
              <div className="border-t border-stone-200 bg-stone-50 px-4 py-2 text-sm">
                <a href={pageHref} className="text-teal-700 hover:underline">
                  {t("search.seeAll", {
                    n: result.approximate ? t("search.about", { n: shownCount(result.total, true) }) : result.total,
                  })}
                </a>
              </div>
            )}
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
