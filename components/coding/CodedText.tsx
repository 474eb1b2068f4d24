"use client";
import { Fragment, memo, useActionState, useCallback, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";
import { useConfirm } from "@/components/ui/use-confirm";
import type { ActionResult } from "@/lib/errors/action-result";
import type { PassageFieldName } from "@/lib/coding/passage-field";
import { paragraphsOf, segmentsOf, type SpanCoding } from "@/lib/coding/segments";
import type { ThemeOption } from "./ThemeChecklist";
import { ThemePicker, type CreateThemeInReader } from "./ThemePicker";
import {
  AnchoredPopover,
  CodeSelectionControls,
  SelectionCodingPopover,
  elementAnchor,
  useClearSelectionAfter,
  useSelectionAnchor,
  type Anchor,
} from "./CodeSelectionForm";
import { useOpenPdfPage } from "@/components/pdf/open-pdf-page";
import { useHighlightFilter } from "./HighlightFilter";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export interface ReaderCoding extends SpanCoding {
  quote: string;
  memo: string | null;
  status: "exact" | "moved" | "fuzzy" | "orphaned";
  createdBy: string | null;
  /** Who coded it, to filter by coder (names may repeat; ids do not). */
  createdById?: string | null;
  createdAt: string;
  themes: { id: string; name: string; color: string }[];
  /** The passage's page in the item's PDF, where it has one. */
  page?: { pdfPage: number; locator: string } | null;
}

interface Selection {
  start: number;
  end: number;
  quote: string;
}

/**
 * A text of an item (full text or an abstract) with its coded passages highlighted in their themes' colours.
 * Selecting words offers to code them in a popover beside the selection; clicking a highlight opens its codings
 * (who, when, memo) to edit or delete; highlights can be narrowed to one coder or one theme.
 */
export function CodedText({
  reviewId,
  itemId,
  field,
  fieldLabel,
  text,
  lang,
  codings,
  themes,
  recentThemes,
  canCode,
  actions,
  createTheme,
  className,
}: {
  reviewId: string;
  itemId: string;
  field: PassageFieldName;
  fieldLabel: string;
  text: string;
  lang: string;
  codings: ReaderCoding[];
  themes: ThemeOption[];
  /** The themes this member coded with most recently in the review, newest first (listed first when coding). */
  recentThemes?: string[];
  canCode: boolean;
  actions: { code: Action; update: Action; remove: Action };
  createTheme?: CreateThemeInReader;
  className: string;
}) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<(Selection & { at: number }) | null>(null);
  // "offer": a small Code button beside a fresh selection; "form": the theme picker and memo.
  const [popover, setPopover] = useState<{ kind: "offer" | "form"; at: number } | null>(null);
  const [codeState, codeAction, codePending] = useActionState(actions.code, null);
  // A successful save ends the selection and the popover that were open when it was sent.
  const savedAt = codeState?.ok ? codeState.at : 0;
  const selection = selected && selected.at > savedAt ? selected : null;
  const popoverKind = popover && popover.at > savedAt && selection ? popover.kind : null;
  const { anchor: selectionAnchor, capture, reveal } = useSelectionAnchor(popoverKind === "form");
  const [flash, setFlash] = useState<string | null>(null);
  const highlightAnchor = useRef<Anchor | null>(null);
  const [openedIds, setOpenedIds] = useState<string[] | null>(null);

  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  const { visible, bar: filterBar } = useHighlightFilter(codings);
  const placed = useMemo(() => visible.filter((coding) => coding.status !== "orphaned"), [visible]);
  const byId = useMemo(() => new Map(codings.map((coding) => [coding.id, coding])), [codings]);
  const opened = useMemo(
    () => openedIds?.map((codingId) => byId.get(codingId)).filter((coding) => coding !== undefined) ?? [],
    [openedIds, byId],
  );

  useClearSelectionAfter(savedAt);

  const readSelection = () => {
    const found = selectionIn(container.current, text);
    if (!found) {
      setSelected(null);
      if (popover?.kind === "offer") setPopover(null);
      return;
    }
    capture();
    setSelected({ ...found, at: Date.now() });
    setOpenedIds(null);
    if (canCode && popover?.kind !== "form") setPopover({ kind: "offer", at: Date.now() });
  };

  const openHighlight = (event: React.MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (event.target as Element).closest<HTMLElement>("mark[data-coding-ids]");
    if (!mark || !container.current?.contains(mark)) return;
    const segmentStart = mark.dataset.segmentStart;
    const root = container.current;
    let last = mark.getBoundingClientRect();
    // The highlight is drawn again when codings change (an edit, a deletion): follow its successor, not the
    // detached element, so the popover stays put.
    highlightAnchor.current = {
      getBoundingClientRect: () => {
        const current = root.querySelector<HTMLElement>(`mark[data-segment-start="${segmentStart}"]`) ?? mark;
        if (current.isConnected) last = elementAnchor(current).getBoundingClientRect();
        return last;
      },
    };
    setOpenedIds(mark.dataset.codingIds!.split(" "));
  };

  const locate = useCallback((codingId: string) => {
    const mark = container.current?.querySelector<HTMLElement>(`[data-coding-start~="${codingId}"]`);
    mark?.scrollIntoView({ block: "center", behavior: "smooth" });
    setFlash(codingId);
    window.setTimeout(() => setFlash((current) => (current === codingId ? null : current)), 1600);
  }, []);

  // The text with its highlights is the expensive part (a paper may carry a thousand codings); it depends only
  // on the text, the codings and the flashing one, not on the selection the reader is making.
  const highlighted = useMemo(
    () =>
      paragraphs.map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start}>
          {segmentsOf(paragraph, placed).map((segment) => {
            const piece = text.slice(segment.start, segment.end);
            if (segment.codingIds.length === 0) return piece;
            const covering = segment.codingIds.map((codingId) => byId.get(codingId)!);
            const colors = [...new Set(covering.flatMap((coding) => coding.themes.map((theme) => theme.color)))];
            const names = [...new Set(covering.flatMap((coding) => coding.themes.map((theme) => theme.name)))];
            const flashing = flash !== null && segment.codingIds.includes(flash);
            // Where a passage truly begins, an empty target lets theme pages and the matrix link to it.
            const targets = segment.startsCodingIds.filter((codingId) => byId.get(codingId)!.start === segment.start);
            return (
              <Fragment key={segment.start}>
                {targets.map((codingId) => (
                  <span key={codingId} id={`passage-${codingId}`} className="scroll-mt-24" />
                ))}
                <mark
                  data-coding-start={segment.startsCodingIds.join(" ") || undefined}
                  data-coding-ids={segment.codingIds.join(" ")}
                  data-segment-start={segment.start}
                  title={t("coding.highlightLabel", { themes: names.join("、") })}
                  className={`cursor-pointer rounded-sm text-inherit transition-colors ${flashing ? "outline outline-2 outline-offset-1 outline-teal-600" : ""}`}
                  style={highlightStyle(colors, covering.length)}
                >
                  {piece}
                </mark>
              </Fragment>
            );
          })}
        </p>
      )),
    [paragraphs, placed, byId, flash, text, t],
  );

  return (
    <div className="space-y-3">
      {(canCode || codings.length > 0) && (
        <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center gap-2 border-b border-stone-100 bg-white px-1 py-1.5">
          {canCode && (
            <CodeSelectionControls
              where={fieldLabel}
              quote={selection?.quote ?? null}
              saved={Boolean(codeState?.ok)}
              fill
              onOpen={() => {
                reveal();
                setPopover({ kind: "form", at: Date.now() });
              }}
            />
          )}
          {filterBar}
        </div>
      )}

      {canCode && selection && (
        <SelectionCodingPopover
          kind={popoverKind}
          anchor={selectionAnchor}
          onClose={() => setPopover(null)}
          onOpenForm={() => {
            reveal();
            setPopover({ kind: "form", at: Date.now() });
          }}
          form={{
            formAction: codeAction,
            state: codeState,
            pending: codePending,
            reviewId,
            itemId,
            field: field,
            selection,
            lang: lang,
            themes,
            recent: recentThemes,
            createTheme,
          }}
        />
      )}

      <AnchoredPopover
        anchor={highlightAnchor}
        open={opened.length > 0}
        onOpenChange={(open) => {
          if (!open) setOpenedIds(null);
        }}
        label={t("coding.codingsAtHighlight")}
      >
        <CodingsAt
          reviewId={reviewId}
          codings={opened}
          themes={themes}
          canCode={canCode}
          actions={actions}
          createTheme={createTheme}
          onClose={() => setOpenedIds(null)}
        />
      </AnchoredPopover>

      <div
        ref={container}
        className={className}
        lang={lang}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
        onTouchEnd={readSelection}
        onClick={openHighlight}
      >
        {highlighted}
      </div>

      <CodingList
        reviewId={reviewId}
        fieldLabel={fieldLabel}
        codings={visible}
        themes={themes}
        canCode={canCode}
        actions={actions}
        createTheme={createTheme}
        onLocate={locate}
      />
    </div>
  );
}

/** The codings under a clicked highlight, each with who coded it, when, its memo, and edit and delete. */
export function CodingsAt({
  reviewId,
  codings,
  themes,
  canCode,
  actions,
  createTheme,
  onClose,
}: {
  reviewId: string;
  codings: ReaderCoding[];
  themes: ThemeOption[];
  canCode: boolean;
  actions: { update: Action; remove: Action };
  createTheme?: CreateThemeInReader;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-stone-700">{t("coding.codingsAtHighlight")}</h3>
        <button type="button" className="text-xs text-stone-600 hover:underline" onClick={onClose}>
          {t("coding.closePopover")}
        </button>
      </div>
      <ol className="-mx-3 divide-y divide-stone-200 border-t border-stone-200">
        {codings.map((coding) => (
          <CodingEntry
            key={coding.id}
            reviewId={reviewId}
            coding={coding}
            themes={themes}
            canCode={canCode}
            actions={actions}
            createTheme={createTheme}
          />
        ))}
      </ol>
    </div>
  );
}

/**
 * A passage coded once is tinted with its theme's colour; where codings overlap, each extra theme adds an
 * underline in its colour, so every layer stays visible and the text stays readable.
 */
function highlightStyle(colors: string[], layers: number): React.CSSProperties {
  const [first = "#0f766e", ...rest] = colors;
  const alpha = layers > 1 ? "55" : "38";
  return {
    backgroundColor: `${first}${alpha}`,
    boxShadow: rest.map((color, index) => `inset 0 -${(index + 1) * 3}px 0 ${color}`).join(", ") || undefined,
    paddingBottom: rest.length ? `${rest.length}px` : undefined,
  };
}

/** The current browser selection as offsets into `text`, if it lies inside this reader and is not blank. */
function selectionIn(root: HTMLElement | null, text: string): Selection | null {
  const current = window.getSelection();
  if (!root || !current || current.rangeCount === 0 || current.isCollapsed) return null;
  const range = current.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  const quote = text.slice(start, end);
  return quote.trim() ? { start, end, quote } : null;
}

/** Maps a DOM position to an offset in the stored text via the paragraph's `data-start`. */
function offsetOf(root: HTMLElement, node: Node, offset: number): number | null {
  if (node === root) {
    // A selection ending "after paragraph n" of the container.
    const paragraphs = [...root.querySelectorAll<HTMLElement>("p[data-start]")];
    const before = paragraphs[offset - 1];
    return before ? Number(before.dataset.start) + (before.textContent?.length ?? 0) : 0;
  }
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>("p[data-start]");
  if (!paragraph || !root.contains(paragraph)) return null;
  // The text between the paragraph's start and the position, however highlights split it into nodes.
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  const count = range.toString().length;
  return Number(paragraph.dataset.start) + count;
}

export const CodingList = memo(function CodingList({
  reviewId,
  fieldLabel,
  codings,
  themes,
  canCode,
  actions,
  createTheme,
  onLocate,
}: {
  reviewId: string;
  fieldLabel: string;
  codings: ReaderCoding[];
  themes: ThemeOption[];
  canCode: boolean;
  actions: { update: Action; remove: Action };
  createTheme?: CreateThemeInReader;
  onLocate: (codingId: string) => void;
}) {
  const { t } = useI18n();
  // Long lists start closed and are only built when opened: a thousand entries would slow the page for nothing.
  const [open, setOpen] = useState(codings.length <= 30);
  if (codings.length === 0) return null;
  return (
    <details
      className="rounded-md border border-stone-200 bg-stone-50/60"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-stone-700">
        {t("coding.codingsOf", { field: fieldLabel, n: codings.length })}
      </summary>
      {open && (
        <ol className="divide-y divide-stone-200 border-t border-stone-200">
          {codings.map((coding) => (
            <CodingEntry
              key={coding.id}
              reviewId={reviewId}
              coding={coding}
              themes={themes}
              canCode={canCode}
              actions={actions}
              createTheme={createTheme}
              onLocate={onLocate}
            />
          ))}
        </ol>
      )}
    </details>
  );
});

function CodingEntry({
  reviewId,
  coding,
  themes,
  canCode,
  actions,
  createTheme,
  onLocate,
}: {
  reviewId: string;
  coding: ReaderCoding;
  themes: ThemeOption[];
  canCode: boolean;
  actions: { update: Action; remove: Action };
  createTheme?: CreateThemeInReader;
  /** Absent in a highlight's popover, which already sits on the passage. */
  onLocate?: (codingId: string) => void;
}) {
  const { t, locale } = useI18n();
  const { confirmSubmit, dialog } = useConfirm();
  const [chosen, setChosen] = useState(() => coding.themes.map((theme) => theme.id));
  const openPdfPage = useOpenPdfPage();
  const [editOpenedAt, setEditOpenedAt] = useState<number | null>(null);
  const [updateState, updateAction, updatePending] = useActionState(actions.update, null);
  const editing = editOpenedAt !== null && !(updateState?.ok && updateState.at > editOpenedAt);
  const [removeState, removeAction, removePending] = useActionState(actions.remove, null);
  const short = coding.quote.length > 24 ? `${coding.quote.slice(0, 24)}…` : coding.quote;
  const time = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(coding.createdAt));
  const statusText =
    coding.status === "moved"
      ? t("coding.statusMoved")
      : coding.status === "fuzzy"
        ? t("coding.statusFuzzy")
        : coding.status === "orphaned"
          ? t("coding.statusOrphaned")
          : null;

  return (
    <li id={`coding-${coding.id}`} className="space-y-1.5 px-3 py-2.5 text-sm">
      <div className="flex flex-wrap items-center gap-1.5">
        {coding.themes.map((theme) => (
          <span
            key={theme.id}
            className="rounded px-1.5 py-0.5 text-xs text-white"
            style={{ backgroundColor: theme.color }}
          >
            {theme.name}
          </span>
        ))}
        {coding.page &&
          (openPdfPage ? (
            <button
              type="button"
              className="text-xs font-medium text-stone-700 hover:underline"
              onClick={() => openPdfPage(coding.page!.pdfPage)}
              aria-label={t("pdfView.openInPdf", { page: coding.page.locator })}
            >
              {t("pdfView.locator", { page: coding.page.locator })}
            </button>
          ) : (
            <span className="text-xs text-stone-600">{t("pdfView.locator", { page: coding.page.locator })}</span>
          ))}
        <span className="ml-auto text-xs text-stone-500">
          {t("coding.codedBy", { who: coding.createdBy ?? t("activity.someone"), time })}
        </span>
      </div>
      <p
        className={`leading-relaxed ${coding.status === "orphaned" ? "text-stone-500 line-through decoration-stone-300" : "text-stone-800"}`}
      >
        「{coding.quote.length > 200 ? `${coding.quote.slice(0, 200)}…` : coding.quote}」
      </p>
      {coding.memo && <p className="text-xs text-stone-600">✎ {coding.memo}</p>}
      {statusText && (
        <p role="note" className={`text-xs ${coding.status === "orphaned" ? "text-red-700" : "text-amber-800"}`}>
          {statusText}
        </p>
      )}
      <div className="flex flex-wrap gap-3 text-xs">
        {onLocate && coding.status !== "orphaned" && (
          <button
            type="button"
            className="text-teal-700 hover:underline"
            onClick={() => onLocate(coding.id)}
            aria-label={t("coding.locateCoding", { quote: short })}
          >
            {t("coding.locate")}
          </button>
        )}
        {canCode && (
          <>
            <button
              type="button"
              className="text-teal-700 hover:underline"
              onClick={() => {
                if (!editing) setChosen(coding.themes.map((theme) => theme.id));
                setEditOpenedAt(editing ? null : Date.now());
              }}
              aria-expanded={editing}
              aria-label={t("coding.editCodingOf", { quote: short })}
            >
              {t("coding.editCoding")}
            </button>
            <form
              action={removeAction}
              onSubmit={(event) =>
                confirmSubmit(event, {
                  title: t("coding.deleteConfirm"),
                  confirmLabel: t("coding.deleteCoding"),
                  destructive: true,
                })
              }
            >
              {dialog}
              <input type="hidden" name="reviewId" value={reviewId} />
              <input type="hidden" name="codingId" value={coding.id} />
              <button
                type="submit"
                className="text-red-700 hover:underline"
                disabled={removePending}
                aria-label={t("coding.deleteCodingOf", { quote: short })}
              >
                {t("coding.deleteCoding")}
              </button>
            </form>
          </>
        )}
      </div>
      {removeState && !removeState.ok && <FormMessage error={removeState.error} />}
      {editing && (
        <form action={updateAction} className="space-y-2 rounded-md border border-stone-200 bg-white p-3">
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="codingId" value={coding.id} />
          <ThemePicker
            reviewId={reviewId}
            themes={themes}
            name="themeIds"
            chosen={chosen}
            onChosenChange={setChosen}
            createTheme={createTheme}
            legend={t("coding.chooseThemes")}
          />
          <label className={labelClass}>
            {t("coding.memo")}
            <textarea name="memo" rows={2} defaultValue={coding.memo ?? ""} className={`mt-1 ${inputClass}`} />
          </label>
          {updateState && !updateState.ok && <FormMessage error={updateState.error} />}
          <button type="submit" className={buttonPrimary} disabled={updatePending}>
            {t("coding.save")}
          </button>
        </form>
      )}
    </li>
  );
}
