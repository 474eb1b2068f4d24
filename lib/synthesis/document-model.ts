// The stored shape of a section (ProseMirror JSON from the Yjs document) and the few readings every
// consumer needs: its citations in reading order, the coded passages it quotes, and its plain text.
export interface DocMark {
  type: "bold" | "italic" | "link" | string;
  attrs?: Record<string, unknown>;
}

export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
}

export const EMPTY_DOCUMENT: DocNode = { type: "doc", content: [{ type: "paragraph" }] };

export interface CitationRef {
  itemId: string;
  locator: string | null;
}

function visit(node: DocNode, enter: (node: DocNode) => void) {
  enter(node);
  for (const child of node.content ?? []) visit(child, enter);
}

/** Citations in the order a reader meets them; numeric styles number items by first appearance. */
export function citationsInOrder(doc: DocNode): CitationRef[] {
  const found: CitationRef[] = [];
  visit(doc, (node) => {
    if (node.type === "citation" && typeof node.attrs?.itemId === "string") {
      const locator = node.attrs.locator;
      found.push({ itemId: node.attrs.itemId, locator: typeof locator === "string" && locator ? locator : null });
    }
  });
  return found;
}

export function quotedCodingIds(doc: DocNode): string[] {
  const found = new Set<string>();
  visit(doc, (node) => {
    if (node.type === "blockquote" && typeof node.attrs?.codingId === "string") found.add(node.attrs.codingId);
  });
  return [...found];
}

const BLOCKS = new Set(["paragraph", "heading", "blockquote", "listItem", "bulletList", "orderedList"]);

/** Plain text with one line per block: what search, previews and text comparisons read. */
export function plainText(doc: DocNode): string {
  const lines: string[] = [];
  let line = "";
  const walk = (node: DocNode) => {
    if (node.type === "text") line += node.text ?? "";
    else if (node.type === "hardBreak") line += "\n";
    for (const child of node.content ?? []) walk(child);
    if (BLOCKS.has(node.type) && node.type !== "bulletList" && node.type !== "orderedList" && line) {
      lines.push(line);
      line = "";
    }
  };
  walk(doc);
  if (line) lines.push(line);
  return lines.join("\n");
}
