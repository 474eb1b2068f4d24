// Coverage: for each theme, which coded passages the synthesis already quotes, which come from papers it
// cites without quoting them, and which it does not use at all (the gaps a writer should look at).
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";

export type PassageUse = "quoted" | "cited" | "unused";

export async function getCoverage(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const [themes, codings, sections] = await Promise.all([
    db().theme.findMany({
      where: { reviewId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, nameZh: true, nameEn: true, color: true },
    }),
    db().coding.findMany({
      where: { reviewId, item: { deletedAt: null } },
      orderBy: [{ itemId: "asc" }, { start: "asc" }],
      select: {
        id: true,
        quote: true,
        orphaned: true,
        themes: { select: { themeId: true } },
        item: {
          select: {
            id: true,
            titleZh: true,
            titleEn: true,
            year: true,
            authors: {
              where: { role: "AUTHOR" },
              orderBy: { position: "asc" },
              select: { nameZh: true, nameEn: true },
            },
          },
        },
      },
    }),
    db().synthesisSection.findMany({
      where: { reviewId, deletedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, document: { select: { quotedCodingIds: true, citedItemIds: true } } },
    }),
  ]);
  const quotedIn = new Map<string, { id: string; title: string }[]>();
  const citedIn = new Map<string, { id: string; title: string }[]>();
  for (const section of sections) {
    const where = { id: section.id, title: section.title };
    for (const codingId of section.document?.quotedCodingIds ?? [])
      quotedIn.set(codingId, [...(quotedIn.get(codingId) ?? []), where]);
    for (const itemId of section.document?.citedItemIds ?? [])
      citedIn.set(itemId, [...(citedIn.get(itemId) ?? []), where]);
  }
  const passages = codings.map((coding) => {
    const quoted = quotedIn.get(coding.id) ?? [];
    const cited = citedIn.get(coding.item.id) ?? [];
    const use: PassageUse = quoted.length ? "quoted" : cited.length ? "cited" : "unused";
    return { ...coding, use, sections: quoted.length ? quoted : cited };
  });
  return {
    sectionCount: sections.length,
    themes: themes.map((theme) => {
      const own = passages.filter((passage) => passage.themes.some((link) => link.themeId === theme.id));
      const count = (use: PassageUse) => own.filter((passage) => passage.use === use).length;
      return {
        theme,
        total: own.length,
        quoted: count("quoted"),
        cited: count("cited"),
        unused: count("unused"),
        // Gaps first: what the synthesis does not use yet is what the writer needs to see.
        passages: [...own].sort((a, b) => ORDER[a.use] - ORDER[b.use]),
      };
    }),
  };
}

const ORDER: Record<PassageUse, number> = { unused: 0, cited: 1, quoted: 2 };
