"use client";
// What the browser adds to the shared extension list: how citations, notes and passage quotes look and
// behave while editing. The document they produce is exactly the shared schema's.
import { Extension, type Extensions } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { cleanPastedHtml } from "@/lib/synthesis/clean-paste";
import { Citation, Note } from "@/lib/synthesis/document-schema";
import { citationKey, type LabelStore } from "./labels";

export interface ViewTexts {
  pendingCitation: string;
  missingCitation: string;
  citationOf: (label: string, title: string) => string;
  note: (text: string) => string;
  noteMarker: string;
  openPassage: string;
  /** The warning a citation of an excluded or unscreened paper carries. */
  citationWarning?: (standing: "excluded" | "unscreened") => string;
}

export function citationView(
  labels: LabelStore,
  titleOf: (itemId: string) => string | undefined,
  texts: ViewTexts,
  standingOf: (itemId: string) => "excluded" | "unscreened" | "screened" | undefined = () => undefined,
) {
  return Citation.extend({
    addNodeView() {
      return ({ node: initial }) => {
        let node = initial;
        const dom = document.createElement("span");
        dom.className = "citation";
        dom.setAttribute("data-citation", "");
        const render = () => {
          const label = labels.get(citationKey(node.attrs.itemId, node.attrs.locator));
          const title = titleOf(node.attrs.itemId);
          dom.textContent = label ?? (title ? texts.pendingCitation : texts.missingCitation);
          dom.setAttribute("data-item-id", node.attrs.itemId ?? "");
          const standing = standingOf(node.attrs.itemId);
          // Citing a paper screening excluded, or has not screened, is allowed but never silent.
          const warning =
            (standing === "excluded" || standing === "unscreened") && texts.citationWarning
              ? texts.citationWarning(standing)
              : null;
          dom.classList.toggle("citation-warning", !!warning);
          if (warning && standing) dom.setAttribute("data-standing", standing);
          else dom.removeAttribute("data-standing");
          const description = [texts.citationOf(label ?? "", title || texts.missingCitation), warning]
            .filter(Boolean)
            .join(" — ");
          dom.title = description;
          dom.setAttribute("aria-label", description);
        };
        render();
        const unsubscribe = labels.subscribe(render);
        return {
          dom,
          update(next) {
            if (next.type.name !== "citation") return false;
            node = next;
            render();
            return true;
          },
          destroy: unsubscribe,
        };
      };
    },
  });
}

export function noteView(texts: ViewTexts) {
  return Note.extend({
    addNodeView() {
      return ({ node: initial }) => {
        let node = initial;
        const dom = document.createElement("sup");
        dom.className = "note-marker";
        const render = () => {
          dom.textContent = texts.noteMarker;
          dom.title = node.attrs.text;
          dom.setAttribute("aria-label", texts.note(node.attrs.text));
        };
        render();
        return {
          dom,
          update(next) {
            if (next.type.name !== "note") return false;
            node = next;
            render();
            return true;
          },
        };
      };
    },
  });
}

/** A quote inserted from a coded passage ends with a link back to that passage in its paper. */
export function passageLinks(hrefOf: (itemId: string, codingId: string) => string, label: string) {
  return Extension.create({
    name: "passageLinks",
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey("passageLinks"),
          props: {
            decorations(state) {
              const decorations: Decoration[] = [];
              state.doc.descendants((node, pos) => {
                if (node.type.name !== "blockquote") return true;
                const { codingId, itemId } = node.attrs as { codingId: string | null; itemId: string | null };
                if (codingId && itemId) {
                  decorations.push(
                    Decoration.widget(
                      pos + node.nodeSize - 1,
                      () => {
                        const link = document.createElement("a");
                        link.href = hrefOf(itemId, codingId);
                        link.target = "_blank";
                        link.rel = "noopener";
                        link.className = "passage-link";
                        link.textContent = label;
                        link.contentEditable = "false";
                        return link;
                      },
                      { side: -1, key: `passage-${codingId}` },
                    ),
                  );
                }
                return false;
              });
              return DecorationSet.create(state.doc, decorations);
            },
          },
        }),
      ];
    },
  });
}

export function pasteCleaner(): Extensions[number] {
  return Extension.create({
    name: "pasteCleaner",
    addProseMirrorPlugins() {
      return [new Plugin({ key: new PluginKey("pasteCleaner"), props: { transformPastedHTML: cleanPastedHtml } })];
    },
  });
}
