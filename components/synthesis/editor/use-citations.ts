"use client";
// Citation labels and the bibliography depend on the whole synthesis; ask the server whenever this section's
// citations change (including changes typed by others), and note which coded passages are already quoted.
import type { Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import type { BibliographyListEntry } from "@/components/bibliography/BibliographyList";
import { citationsInOrder, quotedCodingIds, type DocNode } from "@/lib/synthesis/document-model";
import type { SectionActions } from "../SectionWorkspace";
import { citationKey, type LabelStore } from "./labels";
import type { createEditorRuntime } from "./runtime";

export function useCitations(options: {
  editor: Editor | null;
  labels: LabelStore;
  live: ReturnType<typeof createEditorRuntime>;
  reviewId: string;
  sectionId: string;
  actions: SectionActions;
  initialBibliography: BibliographyListEntry[];
  initialSuperscript: boolean;
}) {
  const { editor, labels, live, reviewId, sectionId, actions } = options;
  const [bibliography, setBibliography] = useState(options.initialBibliography);
  const [superscript, setSuperscript] = useState(options.initialSuperscript);
  const [quoted, setQuoted] = useState<Set<string>>(new Set());

  const lastCitations = useRef<string | null>(null);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An answer arriving after cleanup (unmount, another editor) is dropped rather than set on a dead component.
    let alive = true;
    const refresh = () => {
      const json = editor.getJSON() as DocNode;
      setQuoted((previous) => {
        const next = new Set(quotedCodingIds(json));
        return next.size === previous.size && [...next].every((id) => previous.has(id)) ? previous : next;
      });
      const citations = citationsInOrder(json);
      const key = JSON.stringify(citations);
      if (key === lastCitations.current) return;
      clearTimeout(timer);
      timer = setTimeout(async () => {
        lastCitations.current = key;
        const result = await actions.renderCitations({ reviewId, sectionId, citations });
        if (!alive || !result.ok) return;
        const map = new Map<string, string>();
        citations.forEach((citation, index) =>
          map.set(citationKey(citation.itemId, citation.locator), result.data.labels[index] ?? "[?]"),
        );
        live.rememberStandings(result.data.bibliography);
        labels.set(map);
        setBibliography(result.data.bibliography);
        setSuperscript(result.data.superscript);
      }, 250);
    };
    // Other sections (and the style) change numbering too: look again when the writer comes back to this tab
    // and every half minute while it is visible.
    const refreshAll = () => {
      if (document.visibilityState !== "visible") return;
      lastCitations.current = null;
      refresh();
    };
    const interval = setInterval(refreshAll, 30_000);
    refresh();
    editor.on("update", refresh);
    window.addEventListener("focus", refreshAll);
    document.addEventListener("visibilitychange", refreshAll);
    return () => {
      alive = false;
      // Whatever was in flight is dropped: the next editor asks again.
      lastCitations.current = null;
      clearTimeout(timer);
      clearInterval(interval);
      editor.off("update", refresh);
      window.removeEventListener("focus", refreshAll);
      document.removeEventListener("visibilitychange", refreshAll);
    };
  }, [editor, labels, live, reviewId, sectionId, actions]);

  return { bibliography, superscript, quoted };
}
