// Citation labels for comparing two versions of a section: numbered as the editor numbers them (the whole
// synthesis in reading order, this section as it stands now), with citations only the older version had
// numbered after them, so a removed reference still shows a label rather than vanishing.
import type { ReviewAccess } from "@/lib/authz/authorize";
import { renderSynthesisCitations } from "./bibliography";
import type { CitationLocale } from "./citations";
import { citationsInOrder, type DocNode } from "./document-model";
import type { CitationLabel } from "./document-compare";

export async function comparisonLabels(
  access: ReviewAccess,
  sectionId: string,
  current: DocNode,
  others: DocNode[],
  locale: CitationLocale,
): Promise<CitationLabel> {
  const key = (itemId: string, locator: string | null) => `${itemId}\u0000${locator ?? ""}`;
  const citations = [current, ...others].flatMap((doc) => citationsInOrder(doc));
  const seen = new Set<string>();
  const distinct = citations.filter((citation) => {
    const id = key(citation.itemId, citation.locator);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  // The current citations first, in order and with repeats (numbering reads them), then the older ones.
  const ordered = [...citationsInOrder(current), ...distinct];
  const rendered = await renderSynthesisCitations(access, {
    locale,
    live: { sectionId, citations: ordered },
  });
  const labels = rendered.sections.find((section) => section.id === sectionId)?.labels ?? [];
  const byKey = new Map<string, string>();
  ordered.forEach((citation, index) => {
    const id = key(citation.itemId, citation.locator);
    if (!byKey.has(id) && labels[index]) byKey.set(id, labels[index]);
  });
  return (itemId, locator) => byKey.get(key(itemId, locator)) ?? "[?]";
}
