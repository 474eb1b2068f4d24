import type { Locator } from "@playwright/test";

/**
 * Selects text in the reader inside `region` the way a mouse would: from the first occurrence of `from` to the
 * end of `to` (which may lie in a later paragraph), then releases the mouse so the reader reads the selection.
 */
export async function selectText(region: Locator, from: string, to: string = from): Promise<void> {
  await region.evaluate(
    (root, [fromText, toText]) => {
      const reader = root.querySelector("p[data-start]")?.parentElement;
      if (!reader) throw new Error("no reader text in this region");
      const nodes: [Text, number][] = [];
      let text = "";
      const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push([node as Text, text.length]);
        text += node.textContent ?? "";
      }
      const start = text.indexOf(fromText!);
      const endAt = text.indexOf(toText!, start);
      if (start === -1 || endAt === -1) throw new Error(`text not found: ${fromText} … ${toText}`);
      const end = endAt + toText!.length;
      const locate = (offset: number, preferNext: boolean): [Text, number] => {
        for (const [node, at] of nodes) {
          const length = node.textContent?.length ?? 0;
          if (preferNext ? offset < at + length : offset <= at + length) return [node, offset - at];
        }
        const [last, at] = nodes.at(-1)!;
        return [last, offset - at];
      };
      const range = document.createRange();
      range.setStart(...locate(start, true));
      range.setEnd(...locate(end, false));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      reader.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    },
    [from, to],
  );
}
