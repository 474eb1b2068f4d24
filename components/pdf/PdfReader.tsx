"use client";
import "./pdf-text-layer.css";
import { useActionState, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import type { ThemeOption } from "@/components/coding/ThemeChecklist";
import type { CreateThemeInReader } from "@/components/coding/ThemePicker";
import { CodingList, CodingsAt, type ReaderCoding } from "@/components/coding/CodedText";
import { useHighlightFilter } from "@/components/coding/HighlightFilter";
import { KeywordLegend } from "@/components/screening/KeywordLegend";
import {
  AnchoredPopover,
  CodeSelectionControls,
  SelectionCodingPopover,
  useClearSelectionAfter,
  useSelectionAnchor,
  type Anchor,
} from "@/components/coding/CodeSelectionForm";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, inlineInputClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import { findInLayer } from "@/lib/pdf-pages/find-in-page";
import { alignPage, textOffsetAtOrAfter, textOffsetBefore, type PageAlignment } from "@/lib/pdf-pages/page-alignment";
import { pageOfOffset, pageRange } from "@/lib/pdf-pages/page-of-offset";
import { offsetMap } from "@/lib/pdf-pages/text-mapping";
import { countHighlights, highlightSpans, type TermSpan } from "@/lib/screening/highlight";
import { layerPosition } from "./pdf-dom";
import { PdfPage, type PageHighlight, type PageSize } from "./PdfPage";
import { layerTextOf, openPdf, type PdfDocument, type PdfLibrary, type PdfTextContent } from "./pdfjs-loader";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

const ZOOM_STEP = 1.25;
const MIN_SCALE = 0.4;
const MAX_SCALE = 4;

interface Selection {
  start: number;
  end: number;
  quote: string;
  page: number;
  at: number;
}

/**
 * An item's PDF, read on its pages, with the item's coded passages drawn on them. A selection on a page is
 * mapped through the extracted text to the item's full text, and coded with the same command as in the text
 * view — so a passage coded here is the same coding there, and the other way round.
 */
export function PdfReader({
  reviewId,
  itemId,
  fileUrl,
  fileName,
  extractedText: extractedOrNull,
  pageStarts,
  fullText,
  codings,
  themes,
  recentThemes,
  canCode,
  codeAction,
  initialPage,
  goTo,
  codingActions,
  createTheme,
  keywords = NO_TERMS,
  keywordsShown,
  heightClass = "h-[78vh]",
}: {
  reviewId: string;
  itemId: string;
  fileUrl: string;
  fileName: string;
  /** The text extracted from the PDF; null when it is the item's full text. */
  extractedText: string | null;
  pageStarts: number[];
  fullText: string;
  codings: ReaderCoding[];
  themes: ThemeOption[];
  /** The themes this member coded with most recently in the review, newest first (listed first when coding). */
  recentThemes?: string[];
  canCode: boolean;
  /** Required where the reader codes (canCode); update and remove let the page's codings be edited here too. */
  codeAction?: Action;
  codingActions?: { update: Action; remove: Action };
  /** Creates a theme from the picker while coding; absent for members who may not change the codebook. */
  createTheme?: CreateThemeInReader;
  initialPage?: number;
  /** A request to show a page (a coding's "page 3" in the text view), new each time it is made. */
  goTo?: { page: number; at: number } | null;
  /** The review's highlight words, marked on the pages with their counts and a switch to hide them. */
  keywords?: readonly string[];
  /**
   * Given where the surrounding panel shows the words' legend and switch itself (screening's side panel): the
   * reader then only marks them, or not. Absent, the reader shows its own legend.
   */
  keywordsShown?: boolean;
  /** The height of the scrolling page area (the side panel gives it the rest of the screen). */
  heightClass?: string;
}) {
  const { t } = useI18n();
  const extractedText = extractedOrNull ?? fullText;
  const [loaded, setLoaded] = useState<{ pdfjs: PdfLibrary; pdf: PdfDocument; firstSize: PageSize } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [scale, setScale] = useState<number | null>(null);
  const [sizes, setSizes] = useState<Map<number, PageSize>>(() => new Map());
  const [near, setNear] = useState<Set<number>>(() => new Set([initialPage ?? 1]));
  const [currentPage, setCurrentPage] = useState(initialPage ?? 1);
  const [pageInput, setPageInput] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const alignments = useRef(new Map<number, PageAlignment>());
  const texts = useRef(new Map<number, Promise<PdfTextContent>>());
  const pendingScroll = useRef<number | null>(initialPage && initialPage > 1 ? initialPage : null);

  // The full text and the extracted text are usually the same; when a member corrected or replaced the full
  // text, offsets travel between the two through a character diff.
  const toExtracted = useMemo(() => offsetMap(fullText, extractedText), [fullText, extractedText]);
  const toFull = useMemo(() => offsetMap(extractedText, fullText), [extractedText, fullText]);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | null = null;
    openPdf(fileUrl)
      .then(async ({ pdfjs, task }) => {
        destroy = () => void task.destroy();
        const pdf = await task.promise;
        const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
        if (cancelled) return;
        setLoaded({ pdfjs, pdf, firstSize: { width: first.width, height: first.height } });
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [fileUrl]);

  const fitWidth = useCallback(() => {
    if (!loaded || !scroller.current) return;
    const available = scroller.current.clientWidth - 32;
    setScale(Math.min(MAX_SCALE, Math.max(MIN_SCALE, available / loaded.firstSize.width)));
  }, [loaded]);
  useEffect(() => {
    if (loaded && scale === null) fitWidth();
  }, [loaded, scale, fitWidth]);

  const numPages = loaded?.pdf.numPages ?? 0;
  const sizeOf = useCallback(
    (page: number) => sizes.get(page) ?? loaded?.firstSize ?? { width: 595, height: 842 },
    [sizes, loaded],
  );

  // Pages within a screen of the view are rendered; the others stay placeholders of their size.
  useEffect(() => {
    const root = scroller.current;
    if (!root || !loaded || scale === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        setNear((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.pageNumber);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        });
      },
      { root, rootMargin: "100% 0px" },
    );
    for (const element of root.querySelectorAll("[data-page-number]")) observer.observe(element);
    return () => observer.disconnect();
  }, [loaded, scale, numPages]);

  const scrollToPage = useCallback((page: number) => {
    const element = scroller.current?.querySelector<HTMLElement>(`[data-page-number="${page}"]`);
    if (!element || !scroller.current) return;
    scroller.current.scrollTop = element.offsetTop - 8;
    setCurrentPage(page);
  }, []);

  useEffect(() => {
    if (pendingScroll.current && loaded && scale !== null) {
      scrollToPage(pendingScroll.current);
      pendingScroll.current = null;
    }
  }, [loaded, scale, scrollToPage]);

  useEffect(() => {
    if (!goTo) return;
    if (loaded && scale !== null) scrollToPage(goTo.page);
    else pendingScroll.current = goTo.page;
  }, [goTo, loaded, scale, scrollToPage]);

  const onScroll = () => {
    const root = scroller.current;
    if (!root) return;
    const line = root.scrollTop + root.clientHeight / 3;
    const pages = root.querySelectorAll<HTMLElement>("[data-page-number]");
    let low = 0;
    let high = pages.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (pages[middle]!.offsetTop <= line) low = middle;
      else high = middle - 1;
    }
    setCurrentPage(low + 1);
  };

  const zoomTo = (next: number) => {
    const root = scroller.current;
    const ratio = root ? root.scrollTop / Math.max(1, root.scrollHeight) : 0;
    setScale(Math.min(MAX_SCALE, Math.max(MIN_SCALE, next)));
    // Keep the same place in view once the pages have their new size.
    requestAnimationFrame(() => {
      if (root) root.scrollTop = ratio * root.scrollHeight;
    });
  };

  const loadText = useCallback(
    (page: number) => {
      let text = texts.current.get(page);
      if (!text && loaded) {
        text = loaded.pdf.getPage(page).then((proxy) => proxy.getTextContent());
        texts.current.set(page, text);
      }
      return text ?? Promise.reject(new Error("no document"));
    },
    [loaded],
  );
  const alignmentOf = useCallback(
    (page: number, content: PdfTextContent) => {
      const known = alignments.current.get(page);
      if (known) return known;
      const range = pageRange(pageStarts, page, extractedText.length);
      const alignment = alignPage(layerTextOf(content), extractedText, range.start, range.end);
      alignments.current.set(page, alignment);
      return alignment;
    },
    [pageStarts, extractedText],
  );
  const onSize = useCallback((page: number, size: PageSize) => {
    setSizes((previous) => new Map(previous).set(page, size));
  }, []);

  // The coder and theme filter, the text view's own: only the codings it lets through are drawn and listed.
  const { visible, bar: filterBar } = useHighlightFilter(codings);

  // Each coding, as a span of the extracted text, filed under the pages it covers.
  const highlightsByPage = useMemo(() => {
    const byPage = new Map<number, PageHighlight[]>();
    for (const coding of visible) {
      if (coding.status === "orphaned") continue;
      const start = toExtracted.map(coding.start);
      const end = toExtracted.map(coding.end);
      if (end <= start) continue;
      const first = pageOfOffset(pageStarts, start) ?? 1;
      const last = pageOfOffset(pageStarts, end - 1) ?? first;
      const names = coding.themes.map((theme) => theme.name).join("、");
      const label = `${t("pdfView.highlight", { themes: names })}${coding.memo ? ` · ${coding.memo}` : ""}`;
      for (let page = first; page <= last; page++) {
        const list = byPage.get(page) ?? [];
        list.push({ id: coding.id, start, end, color: coding.themes[0]?.color ?? "#0f766e", label });
        byPage.set(page, list);
      }
    }
    return byPage;
  }, [visible, toExtracted, pageStarts, t]);

  // The review's highlight words, found in the extracted text (so the counts are the text view's) and filed under
  // the pages they are on.
  const [ownKeywordsShown, setOwnKeywordsShown] = useState(true);
  const markKeywords = keywordsShown ?? ownKeywordsShown;
  const keywordCounts = useMemo(() => countHighlights(extractedText, keywords), [extractedText, keywords]);
  const keywordsByPage = useMemo(() => {
    const byPage = new Map<number, TermSpan[]>();
    if (!markKeywords) return byPage;
    for (const span of highlightSpans(extractedText, keywords)) {
      const first = pageOfOffset(pageStarts, span.start) ?? 1;
      const last = pageOfOffset(pageStarts, span.end - 1) ?? first;
      for (let page = first; page <= last; page++) {
        const list = byPage.get(page) ?? [];
        list.push(span);
        byPage.set(page, list);
      }
    }
    return byPage;
  }, [markKeywords, extractedText, keywords, pageStarts]);

  // The codings on the page in view, listed under the pages with their themes and memos, to edit or delete.
  const codingsHere = useMemo(() => {
    const ids = new Set((highlightsByPage.get(currentPage) ?? []).map((highlight) => highlight.id));
    return visible.filter((coding) => ids.has(coding.id));
  }, [highlightsByPage, currentPage, visible]);
  // Clicking a highlight on a page opens its codings. The highlight boxes lie under the text layer (which must
  // stay selectable), so the click is matched against their rectangles rather than its target.
  const [openedIds, setOpenedIds] = useState<string[] | null>(null);
  const highlightAnchor = useRef<Anchor | null>(null);
  const opened = useMemo(
    () =>
      openedIds
        ?.map((codingId) => codings.find((coding) => coding.id === codingId))
        .filter((coding) => coding !== undefined) ?? [],
    [openedIds, codings],
  );
  const openHighlightAt = (event: React.MouseEvent) => {
    if (!codingActions || !window.getSelection()?.isCollapsed) return;
    const hit = [...(scroller.current?.querySelectorAll<HTMLElement>("[data-coding-id]") ?? [])].filter((box) => {
      const rect = box.getBoundingClientRect();
      return (
        event.clientX >= rect.left &&
        event.clientX <= rect.right &&
        event.clientY >= rect.top &&
        event.clientY <= rect.bottom
      );
    });
    if (hit.length === 0) return;
    const box = hit[0]!;
    const codingId = box.dataset.codingId!;
    const root = scroller.current!;
    let last = box.getBoundingClientRect();
    // Follows the box as the pages scroll, and its successor when the page's highlights are drawn again.
    highlightAnchor.current = {
      getBoundingClientRect: () => {
        const current = box.isConnected ? box : root.querySelector(`[data-coding-id="${codingId}"]`);
        if (current) last = current.getBoundingClientRect();
        return last;
      },
    };
    setOpenedIds([...new Set(hit.map((box) => box.dataset.codingId!))]);
  };
  const locateCoding = useCallback(
    (codingId: string) => {
      const coding = codings.find((entry) => entry.id === codingId);
      const page = coding && pageOfOffset(pageStarts, toExtracted.map(coding.start));
      if (page) scrollToPage(page);
    },
    [codings, pageStarts, toExtracted, scrollToPage],
  );

  // ---- find ----
  const [findQuery, setFindQuery] = useState("");
  const [findState, setFindState] = useState<{
    query: string;
    matches: { page: number; start: number; end: number }[];
    index: number;
    searching: boolean;
  } | null>(null);
  const runFind = async (query: string) => {
    if (!loaded || !query.trim()) {
      setFindState(null);
      return;
    }
    const matches: { page: number; start: number; end: number }[] = [];
    setFindState({ query, matches: [], index: -1, searching: true });
    for (let page = 1; page <= loaded.pdf.numPages; page++) {
      const content = await loadText(page);
      for (const found of findInLayer(layerTextOf(content), query)) matches.push({ page, ...found });
    }
    const index = Math.max(
      0,
      matches.findIndex((match) => match.page >= currentPage),
    );
    setFindState({ query, matches, index: matches.length ? index : -1, searching: false });
    if (matches[index]) scrollToPage(matches[index].page);
  };
  const stepFind = (direction: 1 | -1) => {
    if (!findState || findState.matches.length === 0) return;
    const index = (findState.index + direction + findState.matches.length) % findState.matches.length;
    setFindState({ ...findState, index });
    const match = findState.matches[index]!;
    if (match.page !== currentPage) scrollToPage(match.page);
  };
  const findByPage = useMemo(() => {
    const byPage = new Map<number, { runs: { start: number; end: number }[]; active: number }>();
    findState?.matches.forEach((match, index) => {
      const entry = byPage.get(match.page) ?? { runs: [], active: -1 };
      if (index === findState.index) entry.active = entry.runs.length;
      entry.runs.push({ start: match.start, end: match.end });
      byPage.set(match.page, entry);
    });
    return byPage;
  }, [findState]);

  // ---- selection and coding ----
  const [selected, setSelected] = useState<Selection | null>(null);
  const [unmappable, setUnmappable] = useState(false);
  // "offer": a small Code button beside a fresh selection; "form": the theme picker and memo.
  const [popover, setPopover] = useState<{ kind: "offer" | "form"; at: number } | null>(null);
  const [codeState, submitCode, codePending] = useActionState(codeAction ?? noAction, null);
  const savedAt = codeState?.ok ? codeState.at : 0;
  const selection = selected && selected.at > savedAt ? selected : null;
  const popoverKind = popover && popover.at > savedAt && selection ? popover.kind : null;
  const { anchor: selectionAnchor, capture, reveal } = useSelectionAnchor(popoverKind === "form");

  useClearSelectionAfter(savedAt);

  const readSelection = () => {
    for (const element of scroller.current?.querySelectorAll(".textLayer.selecting") ?? []) {
      element.classList.remove("selecting");
    }
    const current = window.getSelection();
    if (!current || current.rangeCount === 0 || current.isCollapsed || !scroller.current) {
      setSelected(null);
      setUnmappable(false);
      return;
    }
    const range = current.getRangeAt(0);
    if (!scroller.current.contains(range.commonAncestorContainer)) return;
    const from = layerPosition(range.startContainer, range.startOffset);
    const to = layerPosition(range.endContainer, range.endOffset);
    const startAlignment = from && alignments.current.get(from.page);
    const endAlignment = to && alignments.current.get(to.page);
    const start = startAlignment ? textOffsetAtOrAfter(startAlignment, from.layerOffset) : null;
    const end = endAlignment ? textOffsetBefore(endAlignment, to.layerOffset) : null;
    if (start === null || end === null || end <= start) {
      setSelected(null);
      setUnmappable(range.toString().trim() !== "");
      return;
    }
    const fullStart = toFull.map(start);
    const fullEnd = toFull.map(end);
    const quote = fullText.slice(fullStart, fullEnd);
    if (!quote.trim()) {
      setSelected(null);
      setUnmappable(true);
      return;
    }
    setUnmappable(false);
    capture();
    setSelected({ start: fullStart, end: fullEnd, quote, page: from!.page, at: Date.now() });
    if (canCode && popover?.kind !== "form") setPopover({ kind: "offer", at: Date.now() });
  };

  const goToTyped = (value: string) => {
    const page = Number(value);
    if (Number.isInteger(page) && page >= 1 && page <= numPages) scrollToPage(page);
    setPageInput(null);
  };

  if (failure) return <FormMessage error={t("pdfView.loadFailed", { reason: failure })} />;

  return (
    <div className="space-y-2">
      {!toExtracted.identity && <p className="text-xs text-amber-800">{t("pdfView.textDiffers")}</p>}
      <div
        role="toolbar"
        aria-label={t("pdfView.toolbar")}
        className="sticky top-0 z-10 flex flex-wrap items-center gap-2 border-b border-stone-200 bg-white py-1.5 text-sm"
      >
        <button
          type="button"
          className={buttonSecondary}
          onClick={() => scrollToPage(Math.max(1, currentPage - 1))}
          disabled={!loaded || currentPage <= 1}
          aria-label={t("pdfView.previousPage")}
        >
          ‹
        </button>
        <label className="flex items-center gap-1">
          <span className="sr-only">{t("pdfView.page")}</span>
          <input
            className={`${inlineInputClass} w-16 py-1 text-center`}
            inputMode="numeric"
            aria-label={t("pdfView.page")}
            value={pageInput ?? String(currentPage)}
            onChange={(event) => setPageInput(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") goToTyped(event.currentTarget.value);
            }}
            onBlur={(event) => pageInput !== null && goToTyped(event.currentTarget.value)}
          />
          <span className="whitespace-nowrap text-stone-500">{t("pdfView.pageOf", { n: numPages || "…" })}</span>
        </label>
        <button
          type="button"
          className={buttonSecondary}
          onClick={() => scrollToPage(Math.min(numPages, currentPage + 1))}
          disabled={!loaded || currentPage >= numPages}
          aria-label={t("pdfView.nextPage")}
        >
          ›
        </button>
        <span className="mx-1 h-5 w-px bg-stone-200" aria-hidden />
        <button
          type="button"
          className={buttonSecondary}
          onClick={() => zoomTo((scale ?? 1) / ZOOM_STEP)}
          disabled={!loaded}
          aria-label={t("pdfView.zoomOut")}
        >
          −
        </button>
        <span className="w-12 text-center tabular-nums text-stone-600" aria-live="polite">
          <span className="sr-only">{t("pdfView.zoomLevel", { percent: Math.round((scale ?? 1) * 100) })}</span>
          <span aria-hidden>{Math.round((scale ?? 1) * 100)}%</span>
        </span>
        <button
          type="button"
          className={buttonSecondary}
          onClick={() => zoomTo((scale ?? 1) * ZOOM_STEP)}
          disabled={!loaded}
          aria-label={t("pdfView.zoomIn")}
        >
          +
        </button>
        <button type="button" className={buttonSecondary} onClick={fitWidth} disabled={!loaded}>
          {t("pdfView.fitWidth")}
        </button>
        <form
          role="search"
          className="ml-auto flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            if (findState && findState.query === findQuery && !findState.searching) stepFind(1);
            else void runFind(findQuery);
          }}
        >
          <input
            type="search"
            className={`${inlineInputClass} w-36 py-1`}
            placeholder={t("pdfView.findPlaceholder")}
            aria-label={t("pdfView.find")}
            value={findQuery}
            onChange={(event) => setFindQuery(event.target.value)}
            disabled={!loaded}
          />
          <button
            type="button"
            className={buttonSecondary}
            onClick={() => stepFind(-1)}
            disabled={!findState?.matches.length}
            aria-label={t("pdfView.findPrevious")}
          >
            ↑
          </button>
          <button
            type="button"
            className={buttonSecondary}
            onClick={() => stepFind(1)}
            disabled={!findState?.matches.length}
            aria-label={t("pdfView.findNext")}
          >
            ↓
          </button>
          <span role="status" className="min-w-12 text-xs tabular-nums text-stone-600">
            {findState
              ? findState.searching
                ? t("pdfView.findSearching")
                : findState.matches.length
                  ? t("pdfView.findCount", { index: findState.index + 1, n: findState.matches.length })
                  : t("pdfView.findNone")
              : ""}
          </span>
        </form>
      </div>

      {(canCode || codings.length > 0 || (keywords.length > 0 && keywordsShown === undefined)) && (
        <div className="flex flex-wrap items-center gap-2">
          {canCode && (
            <CodeSelectionControls
              where={t("pdfView.pdfView")}
              quote={selection?.quote ?? null}
              place={selection ? t("pdfView.pageLabel", { n: selection.page }) : undefined}
              saved={Boolean(codeState?.ok)}
              note={unmappable ? t("pdfView.notInText") : null}
              onOpen={() => {
                reveal();
                setPopover({ kind: "form", at: Date.now() });
              }}
            />
          )}
          {filterBar}
          {keywordsShown === undefined && (
            <KeywordLegend
              terms={keywords}
              counts={keywordCounts}
              shown={ownKeywordsShown}
              onShownChange={setOwnKeywordsShown}
            />
          )}
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
            formAction: submitCode,
            state: codeState,
            pending: codePending,
            reviewId,
            itemId,
            field: "FULL_TEXT",
            selection,
            lang: "zh-CN",
            themes,
            recent: recentThemes,
            createTheme,
          }}
        />
      )}

      <div
        ref={scroller}
        onScroll={onScroll}
        onPointerDown={(event) => {
          (event.target as HTMLElement).closest(".textLayer")?.classList.add("selecting");
        }}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
        onTouchEnd={readSelection}
        onClick={openHighlightAt}
        role="region"
        aria-label={t("pdfView.pdfOf", { file: fileName })}
        aria-busy={!loaded}
        className={`relative ${heightClass} overflow-auto rounded-md bg-stone-100 p-4`}
      >
        {!loaded || scale === null ? (
          <p className="text-sm text-stone-600">{t("pdfView.loading")}</p>
        ) : (
          <div className="flex flex-col gap-4">
            {Array.from({ length: numPages }, (_, index) => index + 1).map((page) => (
              <PdfPage
                key={page}
                pdfjs={loaded.pdfjs}
                pdf={loaded.pdf}
                pageNumber={page}
                scale={scale}
                size={sizeOf(page)}
                active={near.has(page)}
                label={t("pdfView.pageLabel", { n: page })}
                loadText={loadText}
                alignmentOf={alignmentOf}
                highlights={highlightsByPage.get(page) ?? NO_HIGHLIGHTS}
                keywords={keywordsByPage.get(page) ?? NO_KEYWORDS}
                findRuns={findByPage.get(page)?.runs ?? NO_RUNS}
                activeFind={findByPage.get(page)?.active ?? -1}
                onSize={onSize}
              />
            ))}
          </div>
        )}
      </div>
      {codingActions && (
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
            actions={codingActions}
            createTheme={createTheme}
            onClose={() => setOpenedIds(null)}
          />
        </AnchoredPopover>
      )}
      {codingActions && codingsHere.length > 0 && (
        <CodingList
          reviewId={reviewId}
          fieldLabel={t("pdfView.pageLabel", { n: currentPage })}
          codings={codingsHere}
          themes={themes}
          canCode={canCode}
          actions={codingActions}
          createTheme={createTheme}
          onLocate={locateCoding}
        />
      )}
    </div>
  );
}

const noAction: Action = async () => ({ ok: false, code: "FORBIDDEN", error: "", at: Date.now() });
const NO_HIGHLIGHTS: PageHighlight[] = [];
const NO_KEYWORDS: TermSpan[] = [];
const NO_TERMS: readonly string[] = [];
const NO_RUNS: { start: number; end: number }[] = [];
