"use client";
// The last phrase (or caret) selected in the text, kept while the writer types a comment in the sidebar,
// and a tick that moves shortly after every change so anchors are looked up again.
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";

export interface SelectedPhrase {
  from: number;
  to: number;
  quote: string;
}

export function useEditorSelection(editor: Editor | null) {
  const [selected, setSelected] = useState<SelectedPhrase | null>(null);
  const [docTick, setDocTick] = useState(0);

  // Selections are read from the DOM so that readers (whose editor is not editable) can comment too.
  useEffect(() => {
    if (!editor) return;
    const onSelection = () => {
      const selection = document.getSelection();
      if (!selection || !selection.anchorNode || !selection.focusNode) return;
      const root = editor.view.dom;
      if (!root.contains(selection.anchorNode) || !root.contains(selection.focusNode)) return;
      try {
        if (selection.isCollapsed) {
          // A caret with nothing selected: the place a suggested insertion goes.
          const at = editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
          setSelected({ from: at, to: at, quote: "" });
          return;
        }
        const a = editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
        const b = editor.view.posAtDOM(selection.focusNode, selection.focusOffset);
        const from = Math.min(a, b);
        const to = Math.max(a, b);
        const quote = editor.state.doc.textBetween(from, to, " ").trim();
        setSelected(quote ? { from, to, quote } : null);
      } catch {
        setSelected(null);
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setDocTick((tick) => tick + 1), 300);
    };
    document.addEventListener("selectionchange", onSelection);
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onSelection);
      editor.off("update", onUpdate);
    };
  }, [editor]);

  return { selected, docTick };
}
