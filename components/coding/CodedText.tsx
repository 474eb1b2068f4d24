"use client";
import { Fragment, memo, useActionState, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import type { PassageFieldName } from "@/lib/coding/passage-field";
import { paragraphsOf, segmentsOf, type SpanCoding } from "@/lib/coding/segments";
import { ThemeChecklist, type ThemeOption } from "./ThemeChecklist";
import { useOpenPdfPage } from "@/components/pdf/open-pdf-page";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export interface ReaderCoding extends SpanCoding {
  quote: string;
  memo: string | null;
  status: "exact" | "moved" | "fuzzy" | "orphaned";
  createdBy: string | null;
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
 * A text of an item (full text or an abstract) with its coded passages highlighted in their themes' colours,
 * and, for members who code, a way to code a selection and to edit or delete codings.
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
  canCode,
  actions,
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
  canCode: boolean;
  actions: { code: Action; update: Action; remove: Action };
  className: string;
}) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<(Selection & { at: number }) | null>(null);
  const [composeAt, setComposeAt] = useState<number | null>(null);
  const [codeState, codeAction, codePending] = useActionState(actions.code, null);
  // A successful save ends the selection and the form that were open when it was sent.
  const savedAt = codeState?.ok ? codeState.at : 0;
  const selection = selected && selected.at > savedAt ? selected : null;
  const composing = composeAt !== null && composeAt > savedAt;
  const [flash, setFlash] = useState<string | null>(null);
  const [missingTheme, setMissingTheme] = useState(false);

  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  const placed = useMemo(() => codings.filter((coding) => coding.status !== "orphaned"), [codings]);
  const byId = useMemo(() => new Map(codings.map((coding) => [coding.id, coding])), [codings]);

  useEffect(() => {
    if (savedAt) window.getSelection()?.removeAllRanges();
  }, [savedAt]);

  const readSelection = () => {
    const found = selectionIn(container.current, text);
    setSelected(found && { ...found, at: Date.now() });
    if (!found) setComposeAt(null);
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
                  title={t("coding.highlightLabel", { themes: names.join("、") })}
                  className={`rounded-sm text-inherit transition-colors ${flashing ? "outline outline-2 outline-offset-1 outline-teal-600" : ""}`}
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
      {canCode && (
        <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center gap-2 border-b border-stone-100 bg-white px-1 py-1.5">
          <button
            type="button"
            className={buttonSecondary}
            disabled={!selection}
            onClick={() => setComposeAt(Date.now())}
            aria-label={`${t("coding.codeSelection")} · ${fieldLabel}`}
          >
            {t("coding.codeSelection")}
          </button>
          <span className="min-w-0 truncate text-xs text-stone-500">
            {selection
              ? `${t("coding.selectedChars", { n: selection.quote.length })} ${selection.quote.slice(0, 40)}${selection.quote.length > 40 ? "…" : ""}`
              : t("coding.selectionHint")}
          </span>
        </div>
      )}
      {composing && selection && (
        <form
          action={codeAction}
          onSubmit={(event) => {
            const chosen = event.currentTarget.querySelector("input[name=themeIds]:checked");
            setMissingTheme(!chosen);
            if (!chosen) event.preventDefault();
          }}
          className="space-y-3 rounded-md border border-teal-200 bg-teal-50/60 p-3"
          aria-label={t("coding.codeSelection")}
        >
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="field" value={field} />
          <input type="hidden" name="start" value={selection.start} />
          <input type="hidden" name="end" value={selection.end} />
          <input type="hidden" name="quote" value={selection.quote} />
          <blockquote className="border-l-4 border-teal-600 pl-3 text-sm text-stone-700" lang={lang}>
            {selection.quote.length > 300 ? `${selection.quote.slice(0, 300)}…` : selection.quote}
          </blockquote>
          <ThemeChecklist themes={themes} legend={t("coding.chooseThemes")} name="themeIds" />
          <div>
            <label htmlFor={`memo-${field}`} className={labelClass}>
              {t("coding.memo")}
            </label>
            <textarea id={`memo-${field}`} name="memo" rows={2} className={`mt-1 ${inputClass}`} />
          </div>
          {missingTheme && <FormMessage error={t("coding.noThemeChosen")} />}
          {codeState && !codeState.ok && !missingTheme && <FormMessage error={codeState.error} />}
          <div className="flex gap-2">
            <button type="submit" className={buttonPrimary} disabled={codePending}>
              {codePending ? t("coding.savingCoding") : t("coding.saveCoding")}
            </button>
            <button type="button" className={buttonSecondary} onClick={() => setComposeAt(null)}>
              {t("coding.cancel")}
            </button>
          </div>
        </form>
      )}
      {codeState?.ok && <FormMessage success={t("coding.codingSaved")} />}

      <div
        ref={container}
        className={className}
        lang={lang}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
        onTouchEnd={readSelection}
      >
        {highlighted}
      </div>

      <CodingList
        reviewId={reviewId}
        fieldLabel={fieldLabel}
        codings={codings}
        themes={themes}
        canCode={canCode}
        actions={actions}
        onLocate={locate}
      />
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
  onLocate,
}: {
  reviewId: string;
  fieldLabel: string;
  codings: ReaderCoding[];
  themes: ThemeOption[];
  canCode: boolean;
  actions: { update: Action; remove: Action };
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
  onLocate,
}: {
  reviewId: string;
  coding: ReaderCoding;
  themes: ThemeOption[];
  canCode: boolean;
  actions: { update: Action; remove: Action };
  onLocate: (codingId: string) => void;
}) {
  const { t, locale } = useI18n();
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
        {coding.status !== "orphaned" && (
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
              onClick={() => setEditOpenedAt(editing ? null : Date.now())}
              aria-expanded={editing}
              aria-label={t("coding.editCodingOf", { quote: short })}
            >
              {t("coding.editCoding")}
            </button>
            <form
              action={removeAction}
              onSubmit={(event) => {
                if (!window.confirm(t("coding.deleteConfirm"))) event.preventDefault();
              }}
            >
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
          <ThemeChecklist
            themes={themes}
            legend={t("coding.chooseThemes")}
            name="themeIds"
            checked={coding.themes.map((theme) => theme.id)}
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
