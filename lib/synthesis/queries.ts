// Reads of the synthesis for its pages, the citation renderer and the exports. Every read starts with the
// policy, so another team's section id finds nothing.
import { NOT_EXCLUDED_ITEM, screeningStanding } from "@/lib/screening/excluded";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { citationsInOrder, type CitationRef, type DocNode } from "./document-model";

const THEME = { select: { id: true, nameZh: true, nameEn: true, color: true } } as const;
const PERSON = { select: { id: true, name: true } } as const;

export async function listSections(access: ReviewAccess) {
  const { reviewId } = access.require("review.read");
  const [review, sections, trashed, writers, themes] = await Promise.all([
    db().review.findUniqueOrThrow({ where: { id: reviewId }, select: { citationStyle: true } }),
    db().synthesisSection.findMany({
      where: { reviewId, deletedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        status: true,
        version: true,
        updatedAt: true,
        theme: THEME,
        owner: PERSON,
        document: { select: { text: true, updatedAt: true, updatedBy: PERSON, citedItemIds: true } },
      },
    }),
    db().synthesisSection.findMany({
      where: { reviewId, deletedAt: { not: null } },
      orderBy: { deletedAt: "desc" },
      select: { id: true, title: true, deletedAt: true, deletedBy: PERSON },
    }),
    db().membership.findMany({
      where: { reviewId, role: { in: ["OWNER", "EDITOR"] } },
      orderBy: { createdAt: "asc" },
      select: { user: PERSON },
    }),
    db().theme.findMany({
      where: { reviewId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, nameZh: true, nameEn: true, color: true },
    }),
  ]);
  return {
    canWrite: can(access.role, "synthesis.write"),
    /** Whether the bibliography may link incomplete references to their edit forms. */
    canEditItems: can(access.role, "item.update"),
    citationStyle: review.citationStyle,
    sections: sections.map(({ document, ...section }) => ({
      ...section,
      characters: document ? countCharacters(document.text) : 0,
      citedCount: document?.citedItemIds.length ?? 0,
      lastEdit: document ? { at: document.updatedAt, by: document.updatedBy } : null,
    })),
    trashed,
    writers: writers.map((member) => member.user),
    themes,
  };
}

/** Characters for Chinese, words for Latin script: how long a text reads, whatever its language. */
export function countCharacters(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const words = text.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, " ").match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return cjk + words;
}

export async function getSectionForEditor(access: ReviewAccess, sectionId: string) {
  const { reviewId } = access.require("review.read");
  const section = await db().synthesisSection.findFirst({
    where: { id: sectionId, reviewId },
    select: {
      id: true,
      title: true,
      status: true,
      version: true,
      position: true,
      deletedAt: true,
      themeId: true,
      ownerId: true,
      theme: THEME,
      owner: PERSON,
    },
  });
  if (!section) throw new AppError("NOT_FOUND", `section ${sectionId} not in review ${reviewId}`);
  const siblings = await db().synthesisSection.findMany({
    where: { reviewId, deletedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true },
  });
  return {
    section,
    siblings,
    role: access.role,
    canWrite: can(access.role, "synthesis.write") && !section.deletedAt,
  };
}

export async function listSectionVersions(access: ReviewAccess, sectionId: string) {
  const { reviewId } = access.require("review.read");
  return db().sectionVersion.findMany({
    where: { sectionId, section: { reviewId } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, kind: true, name: true, createdAt: true, createdBy: PERSON, text: true },
  });
}

export async function getSectionVersion(access: ReviewAccess, sectionId: string, versionId: string) {
  const { reviewId } = access.require("review.read");
  const [version, current] = await Promise.all([
    db().sectionVersion.findFirst({
      where: { id: versionId, sectionId, section: { reviewId } },
      select: { id: true, kind: true, name: true, createdAt: true, createdBy: PERSON, content: true, text: true },
    }),
    db().sectionDocument.findFirst({
      where: { sectionId, section: { reviewId } },
      select: { content: true, text: true },
    }),
  ]);
  if (!version) throw new AppError("NOT_FOUND", `version ${versionId} not in section ${sectionId}`);
  return {
    version: { ...version, content: version.content as unknown as DocNode },
    current: current ? { content: current.content as unknown as DocNode, text: current.text } : null,
  };
}

/**
 * The synthesis in reading order, as stored: what exports and citation numbering read. With `liveSection`,
 * one section's citations come from the editor instead, which is ahead of the database while someone types.
 */
export async function loadSynthesisDocuments(
  access: ReviewAccess,
  options: { sectionId?: string; sectionIds?: string[]; live?: { sectionId: string; citations: CitationRef[] } } = {},
) {
  const { reviewId } = access.require("review.read");
  const [review, sections] = await Promise.all([
    db().review.findUniqueOrThrow({
      where: { id: reviewId },
      select: { titleZh: true, titleEn: true, citationStyle: true },
    }),
    db().synthesisSection.findMany({
      where: {
        reviewId,
        deletedAt: null,
        ...(options.sectionId
          ? { id: options.sectionId }
          : options.sectionIds
            ? { id: { in: options.sectionIds } }
            : {}),
      },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, document: { select: { content: true } } },
    }),
  ]);
  if (options.sectionId && sections.length === 0) {
    throw new AppError("NOT_FOUND", `section ${options.sectionId} not in review ${reviewId}`);
  }
  const documents = sections.map((section) => {
    const doc = (section.document?.content as unknown as DocNode | undefined) ?? { type: "doc", content: [] };
    const citations = options.live?.sectionId === section.id ? options.live.citations : citationsInOrder(doc);
    return { id: section.id, title: section.title, doc, citations };
  });
  return { review, sections: documents };
}

/**
 * Papers to cite, matched on title or author in either language; an empty query lists recent papers. Excluded
 * papers are left out unless asked for; every paper says where it stands in screening, so the picker can mark it.
 */
export async function searchCitableItems(
  access: ReviewAccess,
  rawQuery: string,
  options: { includeExcluded?: boolean } = {},
) {
  const { reviewId } = access.require("review.read");
  const query = rawQuery.trim().slice(0, 100);
  const contains = { contains: query, mode: "insensitive" as const };
  const items = await db().reviewItem.findMany({
    where: {
      reviewId,
      deletedAt: null,
      ...(options.includeExcluded ? {} : NOT_EXCLUDED_ITEM),
      ...(query
        ? {
            OR: [
              { titleZh: contains },
              { titleEn: contains },
              { journalZh: contains },
              { journalEn: contains },
              { abstractZh: contains },
              { abstractEn: contains },
              { keywordsZh: { has: query } },
              { keywordsEn: { has: query } },
              { authors: { some: { role: "AUTHOR", OR: [{ nameZh: contains }, { nameEn: contains }] } } },
              ...(/^\d{4}$/.test(query) ? [{ year: Number(query) }] : []),
            ],
          }
        : {}),
    },
    orderBy: [{ year: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 12,
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      year: true,
      journalZh: true,
      journalEn: true,
      screeningState: true,
      stage: { select: { kind: true } },
      authors: {
        where: { role: "AUTHOR" },
        orderBy: { position: "asc" },
        take: 3,
        select: { nameZh: true, nameEn: true },
      },
    },
  });
  // A paper without a title is still recognisable by the opening of its text.
  const openings = new Map(
    (
      await db().reviewItem.findMany({
        where: { id: { in: items.filter((item) => !item.titleZh && !item.titleEn).map((item) => item.id) } },
        select: { id: true, fullText: true, abstractZh: true },
      })
    ).map((item) => [item.id, (item.abstractZh ?? item.fullText ?? "").replace(/\s+/g, " ").trim().slice(0, 60)]),
  );
  return items.map((item) => ({
    id: item.id,
    title: item.titleZh ?? item.titleEn ?? "",
    authors: item.authors
      .map((author) => author.nameZh ?? author.nameEn ?? "")
      .filter(Boolean)
      .join(", "),
    year: item.year,
    journal: item.journalZh ?? item.journalEn ?? null,
    opening: openings.get(item.id) ?? null,
    standing: screeningStanding(item),
  }));
}
