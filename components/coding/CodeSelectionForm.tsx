"use client";
// Coding a selection where it was made (the NVivo / ATLAS.ti habit): a popover beside the selected words with the
// theme picker and a memo, used by the text view and the PDF page alike. The popover is positioned `fixed` next to
// the selection and takes focus without scrolling, so the reader stays where they were before, while and after saving.
import { Popover } from "radix-ui";
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import type { ThemeOption } from "./ThemeChecklist";
import { ThemePicker, type CreateThemeInReader } from "./ThemePicker";

export interface CodeSelection {
  start: number;
  end: number;
  quote: string;
}

const NO_RECENT: string[] = [];

/** What a popover is placed against: the selection's range, or a highlight's element. */
export type Anchor = { getBoundingClientRect: () => DOMRect };

export function CodeSelectionForm({
  formAction,
  state,
  pending,
  reviewId,
  itemId,
  field,
  selection,
  lang,
  themes,
  recent = NO_RECENT,
  createTheme,
  onCancel,
}: {
  formAction: (form: FormData) => void;
  state: ActionResult<unknown> | null;
  pending: boolean;
  reviewId: string;
  itemId: string;
  field: string;
  selection: CodeSelection;
  lang: string;
  themes: ThemeOption[];
  /** The themes this member coded with most recently in the review (from the server), newest first. */
  recent?: string[];
  createTheme?: CreateThemeInReader;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const memoId = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [missingTheme, setMissingTheme] = useState(false);
  // Kept as it was when the form opened: the list does not reorder under the pointer when the page refreshes.
  const [recentAtOpen] = useState(recent);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        setMissingTheme(chosen.length === 0);
        if (chosen.length === 0) {
          event.preventDefault();
          return;
        }
      }}
      className="space-y-3"
      aria-label={t("coding.codeSelection")}
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="field" value={field} />
      <input type="hidden" name="start" value={selection.start} />
      <input type="hidden" name="end" value={selection.end} />
      <input type="hidden" name="quote" value={selection.quote} />
      <blockquote
        className="max-h-20 overflow-y-auto border-l-4 border-teal-600 pl-3 text-sm text-stone-700"
        lang={lang}
      >
        {selection.quote.length > 300 ? `${selection.quote.slice(0, 300)}…` : selection.quote}
      </blockquote>
      <ThemePicker
        reviewId={reviewId}
        themes={themes}
        recent={recentAtOpen}
        name="themeIds"
        chosen={chosen}
        onChosenChange={(next) => {
          setChosen(next);
          if (next.length) setMissingTheme(false);
        }}
        createTheme={createTheme}
        legend={t("coding.chooseThemes")}
      />
      <div>
        <label htmlFor={memoId} className={labelClass}>
          {t("coding.memo")}
        </label>
        <textarea id={memoId} name="memo" rows={2} className={`mt-1 ${inputClass}`} />
      </div>
      {missingTheme && <FormMessage error={t("coding.noThemeChosen")} />}
      {state && !state.ok && !missingTheme && <FormMessage error={state.error} />}
      <div className="flex gap-2">
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {pending ? t("coding.savingCoding") : t("coding.saveCoding")}
        </button>
        <button type="button" className={buttonSecondary} onClick={onCancel}>
          {t("coding.cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * The toolbar's "Code the selection" button (for keyboard selections) and the one line beside it: what is selected,
 * that the coding was saved, or how to start. The line never changes height, so the saved message takes the hint's
 * place instead of pushing the text down under the reader's eyes.
 */
export function CodeSelectionControls({
  where,
  quote,
  place,
  saved,
  note,
  fill = false,
  onOpen,
}: {
  /** Which text the button codes (the field, or the PDF view), for its accessible name. */
  where: string;
  quote: string | null;
  /** Where the selection is, said before it ("第 3 页"). */
  place?: string;
  saved: boolean;
  /** Said instead of everything else (a selection that cannot be coded, and why). */
  note?: string | null;
  /** The line takes the rest of the toolbar. */
  fill?: boolean;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <button
        type="button"
        className={buttonSecondary}
        disabled={quote === null}
        onClick={onOpen}
        aria-label={`${t("coding.codeSelection")} · ${where}`}
      >
        {t("coding.codeSelection")}
      </button>
      <span role="status" className={`min-w-0 ${fill ? "flex-1 " : ""}truncate text-xs text-stone-500`}>
        {note ? (
          note
        ) : quote !== null ? (
          `${place ? `${place} · ` : ""}${t("coding.selectedChars", { n: quote.length })} ${quote.slice(0, 40)}${quote.length > 40 ? "…" : ""}`
        ) : saved ? (
          <span className="font-medium text-emerald-700">{t("coding.codingSaved")}</span>
        ) : (
          t("coding.selectionHint")
        )}
      </span>
    </>
  );
}

/**
 * The popover beside a selection, in the text view and on a PDF page alike: first a small "Code" offer that leaves
 * the keyboard in the text, then the coding form itself.
 */
export function SelectionCodingPopover({
  kind,
  anchor,
  onClose,
  onOpenForm,
  form,
}: {
  kind: "offer" | "form" | null;
  anchor: RefObject<Anchor | null>;
  onClose: () => void;
  onOpenForm: () => void;
  form: Omit<Parameters<typeof CodeSelectionForm>[0], "onCancel">;
}) {
  const { t } = useI18n();
  const offerLabel = t("coding.codeHereLabel", { n: form.selection.quote.length });
  return (
    <AnchoredPopover
      key={kind ?? "closed"}
      anchor={anchor}
      open={kind !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      label={kind === "form" ? t("coding.codeSelection") : offerLabel}
      takeFocus={kind === "form"}
    >
      {kind === "form" ? (
        <CodeSelectionForm {...form} onCancel={onClose} />
      ) : (
        <button type="button" className={buttonPrimary} onClick={onOpenForm} aria-label={offerLabel}>
          {t("coding.codeHere")}
        </button>
      )}
    </AnchoredPopover>
  );
}

/**
 * A Radix popover placed against something that is not a button (a text selection, a highlight). It never moves
 * the page: it is positioned `fixed`, takes focus with preventScroll, and gives focus back to nothing on close
 * (the anchor is not focusable; focusing the page top would scroll).
 */
export function AnchoredPopover({
  anchor,
  open,
  onOpenChange,
  label,
  takeFocus = true,
  children,
}: {
  anchor: RefObject<Anchor | null>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  label: string;
  /** False for a small offer ("Code") that should not pull the keyboard away from the text. */
  takeFocus?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Anchor virtualRef={anchor as RefObject<Anchor>} />
      <Popover.Portal>
        <Popover.Content
          aria-label={label}
          side="bottom"
          align="start"
          sideOffset={6}
          collisionPadding={12}
          onOpenAutoFocus={(event) => {
            if (!takeFocus) event.preventDefault();
          }}
          onCloseAutoFocus={(event) => event.preventDefault()}
          className="z-30 max-h-[var(--radix-popover-content-available-height)] w-[24rem] max-w-[calc(100vw-1.5rem)] overflow-y-auto rounded-lg border border-stone-200 bg-white p-3 text-stone-900 shadow-xl focus:outline-none"
        >
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

/** A live anchor for the current browser selection: it follows the words if the layout moves. */
export function useSelectionAnchor(holding = false): {
  anchor: RefObject<Anchor | null>;
  capture: () => void;
  /** Brings the selection into view if it is not (only then does the page move): the form opens beside it. */
  reveal: () => void;
} {
  const anchor = useRef<Anchor | null>(null);
  const selected = useRef<Range | null>(null);
  const reveal = () => {
    const range = selected.current;
    if (!range) return;
    const rect = range.getBoundingClientRect();
    if (rect.bottom > 0 && rect.top < window.innerHeight) return;
    const node = range.startContainer;
    (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: "center" });
  };
  const capture = () => {
    const current = window.getSelection();
    if (!current || current.rangeCount === 0) return;
    const range = current.getRangeAt(0).cloneRange();
    selected.current = range;
    // The last line of the selection: the popover opens just under where the reader's eye ended.
    anchor.current = {
      getBoundingClientRect: () => {
        const rects = range.getClientRects();
        return rects.length ? rects[rects.length - 1]! : range.getBoundingClientRect();
      },
    };
  };
  // While the form is open its field has the focus, and the browser no longer paints the selection: the words
  // being coded stay marked (CSS Custom Highlight API, where the browser has it).
  useEffect(() => {
    const range = selected.current;
    if (!holding || !range || typeof Highlight === "undefined" || !CSS.highlights) return;
    CSS.highlights.set("coding-selection", new Highlight(range));
    return () => {
      CSS.highlights.delete("coding-selection");
    };
  }, [holding]);
  return { anchor, capture, reveal };
}

/** Keeps a popover's anchor on a highlight element. */
export function elementAnchor(element: Element): Anchor {
  return { getBoundingClientRect: () => element.getBoundingClientRect() };
}

/** Clears the browser selection once a coding is saved, without touching focus or scroll. */
export function useClearSelectionAfter(savedAt: number) {
  useEffect(() => {
    if (savedAt) window.getSelection()?.removeAllRanges();
  }, [savedAt]);
}
