// Citations rendered in the review's style: labels per section and the bibliography at the end. Numbering
// depends on every section before the one being edited, so the editor reads the synthesis as a whole;
// a one-section export (sectionId) is a document of its own and numbers from [1].
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import type { CitationStyle as StoredStyle } from "@/lib/db/generated/enums";
import { renderCitations, type CitationLocale, type CitationStyle } from "./citations";
import { missingForCitation } from "@/lib/bibliography/completeness";
import { citableItemSelect, toCslItem } from "@/lib/bibliography/csl";
import type { CitationNeed } from "@/lib/bibliography/item-types";
import type { CitationRef } from "./document-model";
import { loadSynthesisDocuments } from "./queries";
import { screeningStanding, type ScreeningStanding } from "@/lib/screening/excluded";

export const STYLE_OF: Record<StoredStyle, CitationStyle> = {
  GBT7714_NUMERIC: "gbt7714-numeric",
  GBT7714_AUTHOR_DATE: "gbt7714-author-date",
  APA: "apa",
};

/** One rendered reference, with what its type needs and the item lacks (empty when complete). */
export interface BibliographyEntry {
  itemId: string;
  text: string;
  missing: CitationNeed[];
  /** Where the cited paper stands in screening: citing an excluded or unscreened paper earns a warning. */
  standing: ScreeningStanding;
}

export interface SynthesisCitations {
  style: StoredStyle;
  superscript: boolean;
  /** Per section in reading order: one label per citation. */
  sections: { id: string; title: string; labels: string[] }[];
  bibliography: BibliographyEntry[];
  /** Titles of the cited items, for tooltips (empty when the paper has none). */
  titles: Record<string, string>;
}

export async function renderSynthesisCitations(
  access: ReviewAccess,
  options: {
    locale: CitationLocale;
    live?: { sectionId: string; citations: CitationRef[] };
    sectionId?: string;
    /** A chosen set of sections (a round's) exported as a document of their own. */
    sectionIds?: string[];
  },
): Promise<SynthesisCitations & { documents: Awaited<ReturnType<typeof loadSynthesisDocuments>> }> {
  const { reviewId } = access.require("review.read");
  const documents = await loadSynthesisDocuments(access, options);
  const citations = documents.sections.flatMap((section) => section.citations);
  const itemIds = [...new Set(citations.map((citation) => citation.itemId))];
  const [items, screening] = itemIds.length
    ? await Promise.all([
        db().reviewItem.findMany({
          where: { reviewId, id: { in: itemIds }, deletedAt: null },
          select: citableItemSelect,
        }),
        db().reviewItem.findMany({
          where: { reviewId, id: { in: itemIds }, deletedAt: null },
          select: { id: true, screeningState: true, stage: { select: { kind: true } } },
        }),
      ])
    : [[], []];
  const standingOf = new Map(screening.map((item) => [item.id, screeningStanding(item)]));
  const rendered = renderCitations({
    style: STYLE_OF[documents.review.citationStyle],
    items: items.map(toCslItem),
    citations,
    locale: options.locale,
  });
  let next = 0;
  return {
    style: documents.review.citationStyle,
    superscript: rendered.superscript,
    sections: documents.sections.map((section) => {
      const labels = rendered.labels.slice(next, next + section.citations.length);
      next += section.citations.length;
      return { id: section.id, title: section.title, labels };
    }),
    bibliography: rendered.bibliography.map((entry) => {
      const item = items.find((candidate) => candidate.id === entry.itemId);
      return {
        ...entry,
        missing: item ? missingForCitation(item) : [],
        standing: standingOf.get(entry.itemId) ?? ("screened" as const),
      };
    }),
    titles: Object.fromEntries(items.map((item) => [item.id, item.titleZh ?? item.titleEn ?? ""])),
    documents,
  };
}
