import type { Locator } from "@playwright/test";

/**
 * Selects, in a rendered PDF page's text layer, the first of `candidates` the page shows in one piece, the way
 * a mouse drag would, and releases the mouse so the reader reads the selection. Returns the phrase selected.
 */
export async function selectInPdfPage(pdfPage: Locator, candidates: string[]): Promise<string> {
  return pdfPage.evaluate((page, phrases) => {
    const spans = [...page.querySelectorAll<HTMLElement>(".textLayer span[data-layer-offset]")];
    const pieces = spans.map((span) => ({ span, at: Number(span.dataset.layerOffset), text: span.textContent ?? "" }));
    const text = pieces.map((piece) => piece.text).join("");
    let offset = 0;
    const starts = pieces.map((piece) => {
      const start = offset;
      offset += piece.text.length;
      return start;
    });
    const phrase = phrases.find((candidate) => text.includes(candidate));
    if (!phrase) throw new Error(`none of the phrases is on this page: ${text.slice(0, 200)}`);
    const begin = text.indexOf(phrase);
    const end = begin + phrase.length;
    const locate = (at: number, preferNext: boolean): [Node, number] => {
      for (let i = 0; i < pieces.length; i++) {
        const start = starts[i]!;
        const length = pieces[i]!.text.length;
        if (preferNext ? at < start + length : at <= start + length) return [pieces[i]!.span.firstChild!, at - start];
      }
      throw new Error("offset beyond the page");
    };
    const range = document.createRange();
    range.setStart(...locate(begin, true));
    range.setEnd(...locate(end, false));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    page.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    return phrase;
  }, candidates);
}
