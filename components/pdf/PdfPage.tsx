"use client";
import { memo, useEffect, useRef, useState } from "react";
import type { PageAlignment } from "@/lib/pdf-pages/page-alignment";
import type { TermSpan } from "@/lib/screening/highlight";
import { textSpanToLayerRuns } from "@/lib/pdf-pages/page-alignment";
import { markLayerOffsets, rectsOfLayerRun } from "./pdf-dom";
import type { PdfDocument, PdfLibrary, PdfTextContent } from "./pdfjs-loader";

export interface PageHighlight {
  id: string;
  /** The passage's span in the extracted text. */
  start: number;
  end: number;
  color: string;
  label: string;
}

export interface PageSize {
  width: number;
  height: number;
}

interface LayerState {
  textDivs: HTMLElement[];
  offsets: number[];
  alignment: PageAlignment;
}

/**
 * One page: a placeholder of the right size while far from view; near it, the canvas, the highlights of the
 * codings on it (beneath the text, multiplied so the print stays legible) and pdf.js's text layer on top, in
 * which the reader selects.
 */
export const PdfPage = memo(function PdfPage({
  pdfjs,
  pdf,
  pageNumber,
  scale,
  size,
  active,
  label,
  loadText,
  alignmentOf,
  highlights,
  keywords,
  findRuns,
  activeFind,
  onSize,
}: {
  pdfjs: PdfLibrary;
  pdf: PdfDocument;
  pageNumber: number;
  scale: number;
  size: PageSize;
  active: boolean;
  label: string;
  loadText: (page: number) => Promise<PdfTextContent>;
  alignmentOf: (page: number, content: PdfTextContent) => PageAlignment;
  highlights: PageHighlight[];
  /** The review's highlight words on this page, as spans of the extracted text. */
  keywords: TermSpan[];
  findRuns: { start: number; end: number }[];
  activeFind: number;
  onSize: (page: number, size: PageSize) => void;
}) {
  const wrapper = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayerElement = useRef<HTMLDivElement>(null);
  const highlightLayer = useRef<HTMLDivElement>(null);
  const layer = useRef<LayerState | null>(null);
  // The last render on this canvas, settled: pdf.js refuses a second render on a canvas whose first one (just
  // cancelled) has not finished, which left the page blank when the page was drawn again while still loading.
  const lastRender = useRef<Promise<void>>(Promise.resolve());
  const [layerReadyAt, setLayerReadyAt] = useState(0);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    let renderTask: { cancel(): void; promise: Promise<void> } | null = null;
    let textLayer: InstanceType<PdfLibrary["TextLayer"]> | null = null;
    (async () => {
      const page = await pdf.getPage(pageNumber);
      await lastRender.current;
      if (cancelled) return;
      const natural = page.getViewport({ scale: 1 });
      if (Math.abs(natural.width - size.width) > 0.5 || Math.abs(natural.height - size.height) > 0.5) {
        onSize(pageNumber, { width: natural.width, height: natural.height });
      }
      const viewport = page.getViewport({ scale });
      const target = canvas.current!;
      const ratio = window.devicePixelRatio || 1;
      target.width = Math.floor(viewport.width * ratio);
      target.height = Math.floor(viewport.height * ratio);
      renderTask = page.render({
        canvas: target,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      lastRender.current = renderTask.promise.catch(() => {});
      // Marked once painted (tests and the bench wait for it); cancelled renders reject, a failed one leaves the
      // text usable.
      renderTask.promise.then(
        () => {
          if (!cancelled && wrapper.current) wrapper.current.dataset.rendered = "true";
        },
        () => {},
      );

      const content = await loadText(pageNumber);
      if (cancelled) return;
      const container = textLayerElement.current!;
      container.replaceChildren();
      textLayer = new pdfjs.TextLayer({ textContentSource: content, container, viewport });
      await textLayer.render();
      if (cancelled) return;
      const textDivs = textLayer.textDivs as HTMLElement[];
      const offsets = markLayerOffsets(textDivs, textLayer.textContentItemsStr);
      const end = document.createElement("div");
      end.className = "endOfContent";
      container.append(end);
      const alignment = alignmentOf(pageNumber, content);
      layer.current = { textDivs, offsets, alignment };
      setLayerReadyAt(performance.now());
    })().catch((error: unknown) => {
      if (!cancelled && !(error instanceof Error && error.name === "RenderingCancelledException")) {
        console.error(`PDF page ${pageNumber} failed to render`, error);
      }
    });
    const canvasElement = canvas.current;
    const wrapperElement = wrapper.current;
    const textElement = textLayerElement.current;
    const highlightElement = highlightLayer.current;
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
      layer.current = null;
      // Pages out of view give their memory back: a 300-page PDF keeps only a few canvases.
      if (canvasElement) canvasElement.width = canvasElement.height = 0;
      if (wrapperElement) delete wrapperElement.dataset.rendered;
      textElement?.replaceChildren();
      highlightElement?.replaceChildren();
    };
  }, [active, pdf, pdfjs, pageNumber, scale, size.width, size.height, loadText, alignmentOf, onSize]);

  // Highlight words, codings and find matches are drawn from the text layer's geometry, so they follow zoom and
  // line breaks. The words lie lowest, as a marker pen would: a coding's colour multiplies over them.
  useEffect(() => {
    const state = layer.current;
    const target = highlightLayer.current;
    const page = wrapper.current;
    if (!state || !target || !page || !layerReadyAt) return;
    const boxes: HTMLElement[] = [];
    for (const keyword of keywords) {
      for (const run of textSpanToLayerRuns(state.alignment, keyword.start, keyword.end)) {
        for (const rect of rectsOfLayerRun(page, state.textDivs, state.offsets, run.start, run.end)) {
          const box = overlayBox(rect, "rgb(252 211 77 / 0.6)");
          box.dataset.term = keyword.term;
          box.style.mixBlendMode = "multiply";
          boxes.push(box);
        }
      }
    }
    for (const highlight of highlights) {
      let labelled = false;
      for (const run of textSpanToLayerRuns(state.alignment, highlight.start, highlight.end)) {
        for (const rect of rectsOfLayerRun(page, state.textDivs, state.offsets, run.start, run.end)) {
          const box = overlayBox(rect, `${highlight.color}40`);
          box.dataset.codingId = highlight.id;
          box.style.mixBlendMode = "multiply";
          if (!labelled) {
            box.setAttribute("role", "img");
            box.setAttribute("aria-label", highlight.label);
            labelled = true;
          }
          box.title = highlight.label;
          boxes.push(box);
        }
      }
    }
    let activeBox: HTMLElement | null = null;
    findRuns.forEach((run, index) => {
      for (const rect of rectsOfLayerRun(page, state.textDivs, state.offsets, run.start, run.end)) {
        const box = overlayBox(rect, index === activeFind ? "rgb(234 88 12 / 0.45)" : "rgb(250 204 21 / 0.45)");
        if (index === activeFind) {
          box.style.outline = "2px solid rgb(194 65 12)";
          activeBox ??= box;
        }
        boxes.push(box);
      }
    });
    target.replaceChildren(...boxes);
    (activeBox as HTMLElement | null)?.scrollIntoView({ block: "center" });
  }, [layerReadyAt, highlights, keywords, findRuns, activeFind]);

  const width = size.width * scale;
  const height = size.height * scale;
  return (
    <div
      ref={wrapper}
      data-page-number={pageNumber}
      aria-label={label}
      // A group, not a region: a 300-page book must not add 300 landmarks.
      role="group"
      className="pdf-page relative mx-auto bg-white shadow ring-1 ring-stone-200"
      style={{ width, height, ["--scale-factor" as string]: scale }}
    >
      <canvas ref={canvas} aria-hidden className="absolute inset-0 block" style={{ width, height }} />
      <div ref={highlightLayer} className="pointer-events-none absolute inset-0 z-[1]" />
      <div ref={textLayerElement} className="textLayer" />
      {!active && (
        <span aria-hidden className="absolute inset-0 flex items-center justify-center text-sm text-stone-300">
          {pageNumber}
        </span>
      )}
    </div>
  );
});

function overlayBox(rect: { left: number; top: number; width: number; height: number }, background: string) {
  const box = document.createElement("div");
  box.style.position = "absolute";
  box.style.left = `${rect.left}px`;
  box.style.top = `${rect.top}px`;
  box.style.width = `${rect.width}px`;
  box.style.height = `${rect.height}px`;
  box.style.background = background;
  box.style.borderRadius = "2px";
  return box;
}
