"use client";
// A search result links to a paragraph as #para=<its opening words>: once the text has arrived, scroll to it
// and flash it.
import type { Editor } from "@tiptap/react";
import { useEffect } from "react";

export function useSearchTarget(editor: Editor | null) {
  useEffect(() => {
    if (!editor) return;
    const raw = /^#para=(.+)$/.exec(window.location.hash)?.[1];
    if (!raw) return;
    const key = decodeURIComponent(raw).replace(/\s+/g, " ").trim();
    let done = false;
    const locate = () => {
      if (done || !key) return;
      let found = -1;
      editor.state.doc.descendants((node, pos) => {
        if (found >= 0) return false;
        if (node.isTextblock && node.textContent.replace(/\s+/g, " ").includes(key)) found = pos;
        return found < 0;
      });
      if (found < 0) return;
      done = true;
      const dom = editor.view.nodeDOM(found);
      if (!(dom instanceof HTMLElement)) return;
      dom.scrollIntoView({ block: "center" });
      dom.setAttribute("data-search-target", "");
      window.setTimeout(() => dom.removeAttribute("data-search-target"), 2500);
    };
    locate();
    editor.on("transaction", locate);
    return () => {
      editor.off("transaction", locate);
    };
  }, [editor]);
}
