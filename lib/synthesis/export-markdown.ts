// A synthesis as CommonMark (with GFM footnotes): the portable export that pastes into any editor.
import type { DocMark, DocNode } from "./document-model";
import { citationLabeller, nestedHeadingLevel, noteText, safeHref, type SynthesisExportInput } from "./export-input";

/** Characters that are Markdown syntax anywhere in a line; the rest only matter at a line's start. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, "\\$&").replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
}

// A line of prose must not become a heading, quote, list item, setext underline or code block.
function escapeLineStarts(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/^[ \t]+/, "")
        .replace(/^([#>+=-])/, "\\$1")
        .replace(/^(\d+)([.)])/, "$1\\$2"),
    )
    .join("\n");
}

interface Context {
  labelFor: (citation: DocNode) => string;
  notes: string[];
}

// Headings are one line, and a trailing "#" would be read as the closing sequence.
function escapeHeading(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, " ").trim()).replace(/#/g, "\\#");
}

const INLINE_TYPES = new Set(["text", "hardBreak", "citation", "note"]);

// Marks nest in one fixed order (link outside bold outside italic), so a run sharing a mark is one span.
const MARK_ORDER = ["link", "bold", "italic"];
const sameMark = (a: DocMark, b: DocMark) => a.type === b.type && a.attrs?.href === b.attrs?.href;
const markAt = (node: DocNode, depth: number): DocMark | undefined =>
  (node.marks ?? [])
    .filter((mark) => MARK_ORDER.includes(mark.type))
    .sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type))[depth];

function renderAtom(node: DocNode, context: Context, inHeading: boolean): string {
  switch (node.type) {
    case "text":
      return escapeMarkdown(node.text ?? "");
    case "hardBreak":
      return inHeading ? " " : "\\\n";
    case "citation":
      return escapeMarkdown(context.labelFor(node));
    case "note":
      context.notes.push(noteText(node));
      return `[^${context.notes.length}]`;
    default:
      return escapeMarkdown(node.text ?? "");
  }
}

// CommonMark only honours ** and * next to letters: "**“韧性”**治理" stays literal. Delimiters go where
// they work; otherwise the inline HTML equivalent, which every Markdown renderer accepts.
function wrap(mark: DocMark, inner: string): string {
  const [, lead = "", body = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner) ?? [];
  if (!body) return inner;
  if (mark.type === "link") {
    const href = safeHref(mark.attrs?.href);
    if (!href) return inner;
    const destination = href.replace(
      /[\s()<>]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
    );
    return `${lead}[${body}](${destination})${trail}`;
  }
  // Nested emphasis delimiters merge into one run (**强调*风险***), so the edge that counts is inside them.
  const edges = body.replace(/^\*+|\*+$/g, "");
  const safeEdges = /^[\p{L}\p{N}]/u.test(edges) && /[\p{L}\p{N}]$/u.test(edges) && !body.includes("\n");
  const [open, close] =
    mark.type === "bold"
      ? safeEdges
        ? ["**", "**"]
        : ["<strong>", "</strong>"]
      : safeEdges
        ? ["*", "*"]
        : ["<em>", "</em>"];
  return `${lead}${open}${body}${close}${trail}`;
}

function renderInline(nodes: DocNode[], context: Context, inHeading: boolean, depth = 0): string {
  let out = "";
  let index = 0;
  while (index < nodes.length) {
    const mark = markAt(nodes[index]!, depth);
    if (!mark) {
      out += renderAtom(nodes[index]!, context, inHeading);
      index++;
      continue;
    }
    let end = index + 1;
    while (end < nodes.length && sameMark(markAt(nodes[end]!, depth) ?? { type: "" }, mark)) end++;
    out += wrap(mark, renderInline(nodes.slice(index, end), context, inHeading, depth + 1));
    index = end;
  }
  return out;
}

function indent(text: string, prefix: string, firstPrefix = prefix): string {
  return text
    .split("\n")
    .map((line, index) => (index === 0 ? firstPrefix + line : line ? prefix + line : line))
    .join("\n");
}

function renderBlock(node: DocNode, context: Context): string {
  const children = node.content ?? [];
  switch (node.type) {
    case "paragraph":
      return escapeLineStarts(renderInline(children, context, false));
    case "heading": {
      const text = renderInline(children, context, true).replace(/#/g, "\\#").trim();
      return text ? `${"#".repeat(nestedHeadingLevel(node.attrs?.level, 6))} ${text}` : "";
    }
    case "blockquote":
      return renderBlocks(children, context)
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n");
    case "bulletList":
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      return children
        .map((item, index) => {
          const marker = node.type === "bulletList" ? "- " : `${start + index}. `;
          return indent(renderListItem(item, context), " ".repeat(marker.length), marker);
        })
        .join("\n");
    }
    default:
      // A node this exporter does not know still shows its content rather than vanishing.
      return children.every((child) => INLINE_TYPES.has(child.type))
        ? escapeLineStarts(renderInline(children, context, false))
        : renderBlocks(children, context);
  }
}

// Paragraphs of one item need a blank line between them; a nested list may follow directly (tight list).
function renderListItem(item: DocNode, context: Context): string {
  let out = "";
  for (const block of item.content ?? []) {
    const text = renderBlock(block, context);
    if (!text.trim()) continue;
    const nestedList = block.type === "bulletList" || block.type === "orderedList";
    out += out ? (nestedList ? "\n" : "\n\n") + text : text;
  }
  return out;
}

function renderBlocks(nodes: DocNode[], context: Context, separator = "\n\n"): string {
  return nodes
    .map((node) => renderBlock(node, context))
    .filter((text) => text.trim() !== "")
    .join(separator);
}

export function synthesisToMarkdown(input: SynthesisExportInput): string {
  const context: Context = { labelFor: citationLabeller(input.labels), notes: [] };
  const blocks: string[] = [`# ${escapeHeading(input.title)}`];
  for (const section of input.sections) {
    blocks.push(`## ${escapeHeading(section.title)}`);
    const body = renderBlocks(section.doc.content ?? [], context);
    if (body) blocks.push(body);
  }
  if (input.bibliography.length > 0) {
    blocks.push(`## ${escapeHeading(input.bibliographyHeading)}`);
    for (const entry of input.bibliography) blocks.push(escapeLineStarts(escapeMarkdown(entry.text)));
  }
  if (context.notes.length > 0) {
    blocks.push(`## ${escapeHeading(input.notesHeading)}`);
    context.notes.forEach((text, index) => {
      blocks.push(indent(escapeLineStarts(escapeMarkdown(text)), "    ", `[^${index + 1}]: `));
    });
  }
  return `${blocks.join("\n\n")}\n`;
}
