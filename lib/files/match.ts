// Which item of the review a dropped PDF is: first by DOI (from the PDF's metadata or its first pages), then by
// title — the item's Chinese or English title found in the PDF's opening text or equal to the PDF's own title,
// with case, width, spaces and punctuation ignored — and, among several, the one whose year and authors appear.
import { normalizedTitle } from "@/lib/items/title-key";

export interface MatchableItem {
  id: string;
  titleZh: string | null;
  titleEn: string | null;
  doi: string | null;
  year: number | null;
  authorNames: string[];
}

export interface PdfEvidence {
  title: string | null;
  doi: string | null;
  /** The text of the first pages, as extracted. */
  head: string;
}

export type FileMatch = { itemId: string; by: "doi" | "title" } | null;

/** The shared title key, with every kind of dash ignored too (PDFs set en dashes where records have hyphens). */
function key(text: string | null): string {
  return normalizedTitle(text).replace(/[\u2010-\u2015\u2212]/g, "");
}

/** Titles shorter than this once normalised ("引言", "Introduction") say nothing about which paper it is. */
const MIN_TITLE = 6;

export function matchPdf(evidence: PdfEvidence, items: readonly MatchableItem[]): FileMatch {
  const doi = evidence.doi?.toLowerCase();
  if (doi) {
    const byDoi = items.find((item) => item.doi?.toLowerCase() === doi);
    if (byDoi) return { itemId: byDoi.id, by: "doi" };
  }
  const head = key(evidence.head.slice(0, 4000));
  const ownTitle = key(evidence.title);
  const scored = items
    .map((item) => {
      const titles = [item.titleZh, item.titleEn].map(key).filter((title) => title.length >= MIN_TITLE);
      const found = titles.some((title) => title === ownTitle || head.includes(title));
      if (!found) return null;
      let score = 1;
      if (item.year && evidence.head.includes(String(item.year))) score += 1;
      const text = evidence.head.replace(/\s+/g, "");
      score += item.authorNames.filter((name) => name && text.includes(name.replace(/\s+/g, ""))).length;
      return { item, score };
    })
    .filter((entry): entry is { item: MatchableItem; score: number } => entry !== null)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return null;
  // Two equally good candidates: the user decides rather than a guess.
  if (scored.length > 1 && scored[0]!.score === scored[1]!.score) return null;
  return { itemId: scored[0]!.item.id, by: "title" };
}
