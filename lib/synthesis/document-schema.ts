// The one list of editor extensions for a synthesis section. The browser editor adds collaboration on top;
// the collaboration server, the exports and the history views read documents written with exactly these
// nodes and marks, so a node added here is a node every reader must handle (see document-model.ts).
import { mergeAttributes, Node, type Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/** The Yjs fragment Tiptap's Collaboration extension binds to; the server reads the same one. */
export const SECTION_FRAGMENT = "default";

/** An in-text citation of one review item, with an optional locator (page, chapter…). */
export const Citation = Node.create({
  name: "citation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      itemId: { default: null, parseHTML: (element) => element.getAttribute("data-item-id") },
      locator: { default: null, parseHTML: (element) => element.getAttribute("data-locator") || null },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-citation]" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return [
      "span",
      mergeAttributes(HTMLAttributes, {
        "data-citation": "",
        "data-item-id": node.attrs.itemId,
        "data-locator": node.attrs.locator ?? undefined,
      }),
      "[*]",
    ];
  },
  renderText() {
    return "[*]";
  },
});

/** A footnote-like note: its text lives in the attribute and is numbered where it is shown. */
export const Note = Node.create({
  name: "note",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { text: { default: "", parseHTML: (element) => element.getAttribute("data-note") ?? "" } };
  },
  parseHTML() {
    return [{ tag: "span[data-note]" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-note": node.attrs.text }), "*"];
  },
  renderText() {
    return "";
  },
});

/**
 * Block quotes inserted from a coded passage remember the coding (and its item) so the quote links
 * back to its place in the paper and coverage can tell which passages the synthesis already uses.
 */
const quoteAttributes = {
  codingId: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute("data-coding-id") },
  itemId: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute("data-item-id") },
};

/** The browser passes its own views of citations and notes; the document they write is the same. */
export function sectionExtensions(views: { citation?: Node; note?: Node } = {}): Extensions {
  return [
    StarterKit.configure({
      // Yjs keeps the undo history when collaborating; ProseMirror's own would undo other people's typing.
      undoRedo: false,
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      // No autolink: an autolinking mark is inclusive, so the text typed after a link would join it.
      link: { openOnClick: false, autolink: false, protocols: ["http", "https", "mailto"] },
      blockquote: {},
    }).extend({
      addExtensions() {
        const base = this.parent?.() ?? [];
        return base.map((extension) =>
          extension.name === "heading"
            ? (extension as Node).extend({
                // Pasted documents use every level; the section title is the top one, so h1 folds into level 2.
                parseHTML() {
                  return ([1, 2, 3, 4, 5, 6] as const).map((level) => ({
                    tag: `h${level}`,
                    attrs: { level: Math.min(4, Math.max(2, level === 1 ? 2 : level)) },
                  }));
                },
              })
            : extension.name === "blockquote"
              ? (extension as Node).extend({
                  addAttributes() {
                    return {
                      ...this.parent?.(),
                      codingId: {
                        ...quoteAttributes.codingId,
                        renderHTML: (attributes: Record<string, unknown>) =>
                          attributes.codingId ? { "data-coding-id": attributes.codingId } : {},
                      },
                      itemId: {
                        ...quoteAttributes.itemId,
                        renderHTML: (attributes: Record<string, unknown>) =>
                          attributes.itemId ? { "data-item-id": attributes.itemId } : {},
                      },
                    };
                  },
                })
              : extension,
        );
      },
    }),
    views.citation ?? Citation,
    views.note ?? Note,
  ];
}
