// What every export of a synthesis receives, and the one rule that ties a citation node to its label.
import type { DocNode } from "./document-model";

export interface SynthesisExportInput {
  title: string;
  sections: { title: string; doc: DocNode }[];
  /** One label per citation across all sections in reading order, as renderCitations returns them. */
  labels: string[];
  bibliography: { text: string }[];
  bibliographyHeading: string;
  notesHeading: string;
}

export const MISSING_LABEL = "[?]";

/**
 * Hands out labels in reading order. A citation node counts exactly when citationsInOrder lists it (it
 * has an item id), so label i stays with citation i; a node without an item id, or labels running short,
 * shows as [?] instead of shifting every later label.
 */
export function citationLabeller(labels: string[]): (citation: DocNode) => string {
  let next = 0;
  return (citation) => {
    if (typeof citation.attrs?.itemId !== "string") return MISSING_LABEL;
    return labels[next++] ?? MISSING_LABEL;
  };
}

/** The text of a note node; notes keep their text in an attribute. */
export function noteText(note: DocNode): string {
  return typeof note.attrs?.text === "string" ? note.attrs.text : "";
}

/** Links are exported only for the schemes the editor accepts, so a crafted href cannot run script. */
export function safeHref(href: unknown): string | null {
  return typeof href === "string" && /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

/** Heading levels inside a section sit one below the section title (level 2 → 3), within what formats allow. */
export function nestedHeadingLevel(level: unknown, deepest: number): number {
  const value = typeof level === "number" && Number.isInteger(level) ? level : 2;
  return Math.min(Math.max(value + 1, 3), deepest);
}
