// The DOM side of a rendered page's text layer: which layer character a selection boundary stands at, and where
// on the page a run of layer characters is drawn. Each text span carries its first character's offset in the
// page's layer text (data-layer-offset), set once the layer is rendered.

export const LAYER_OFFSET = "layerOffset";

export function markLayerOffsets(textDivs: HTMLElement[], itemStrings: string[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  textDivs.forEach((div, index) => {
    offsets.push(at);
    div.dataset[LAYER_OFFSET] = String(at);
    at += itemStrings[index]?.length ?? 0;
  });
  offsets.push(at);
  return offsets;
}

/** The page (its wrapper carries data-page-number) and layer offset of a selection boundary, if on a page. */
export function layerPosition(node: Node, offset: number): { page: number; layerOffset: number } | null {
  const element = node instanceof Element ? node : node.parentElement;
  const pageElement = element?.closest<HTMLElement>("[data-page-number]");
  const layer = element?.closest<HTMLElement>(".textLayer") ?? pageElement?.querySelector<HTMLElement>(".textLayer");
  if (!pageElement || !layer) return null;
  const page = Number(pageElement.dataset.pageNumber);
  const span = element?.closest<HTMLElement>(`span[data-layer-offset]`);
  if (span && node.nodeType === Node.TEXT_NODE)
    return { page, layerOffset: Number(span.dataset[LAYER_OFFSET]) + offset };
  if (span)
    return {
      page,
      layerOffset: Number(span.dataset[LAYER_OFFSET]) + (offset > 0 ? (span.textContent?.length ?? 0) : 0),
    };
  // A boundary between children of the layer (or on the page outside it): the next span in document order.
  const spans = [...layer.querySelectorAll<HTMLElement>("span[data-layer-offset]")];
  const probe = document.createRange();
  if (layer.contains(node))
    probe.setStart(node, Math.min(offset, node.childNodes.length || (node.textContent?.length ?? 0)));
  else
    probe.setStart(
      layer,
      node.compareDocumentPosition(layer) & Node.DOCUMENT_POSITION_FOLLOWING ? 0 : layer.childNodes.length,
    );
  for (const candidate of spans) {
    if (probe.comparePoint(candidate, 0) >= 0) return { page, layerOffset: Number(candidate.dataset[LAYER_OFFSET]) };
  }
  const last = spans[spans.length - 1];
  return { page, layerOffset: last ? Number(last.dataset[LAYER_OFFSET]) + (last.textContent?.length ?? 0) : 0 };
}

export interface PageRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The boxes, in the page's CSS pixels, of layer characters [start, end). */
export function rectsOfLayerRun(
  pageElement: HTMLElement,
  textDivs: HTMLElement[],
  offsets: number[],
  start: number,
  end: number,
): PageRect[] {
  if (end <= start) return [];
  const first = itemAt(offsets, start);
  const last = itemAt(offsets, end - 1);
  const startNode = textDivs[first]?.firstChild;
  const endNode = textDivs[last]?.firstChild;
  if (!startNode || !endNode) return [];
  const range = document.createRange();
  range.setStart(startNode, Math.min(start - offsets[first]!, startNode.textContent?.length ?? 0));
  range.setEnd(endNode, Math.min(end - offsets[last]!, endNode.textContent?.length ?? 0));
  const origin = pageElement.getBoundingClientRect();
  const rects: PageRect[] = [];
  for (const rect of range.getClientRects()) {
    // Ranges report the boxes of whole elements they contain (line breaks) as well: keep text-sized boxes only.
    if (rect.width < 0.5 || rect.height < 0.5) continue;
    rects.push({ left: rect.left - origin.left, top: rect.top - origin.top, width: rect.width, height: rect.height });
  }
  return dedupe(rects);
}

function itemAt(offsets: number[], layerOffset: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (offsets[middle]! <= layerOffset) low = middle;
    else high = middle - 1;
  }
  return low;
}

// A span's own box and its text's box coincide when a range covers the whole span; draw each box once.
function dedupe(rects: PageRect[]): PageRect[] {
  const seen = new Set<string>();
  return rects.filter((rect) => {
    const key = [rect.left, rect.top, rect.width, rect.height].map((n) => Math.round(n)).join(",");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
