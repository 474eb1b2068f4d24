// Persistence of section documents for the collaboration server: the Yjs state as written, its
// projections, and automatic snapshots while people write. Authorization happens when the socket
// is opened (lib/collab); these functions trust their caller.
import { db } from "@/lib/db/client";
import { citationsInOrder, plainText, quotedCodingIds, type DocNode } from "./document-model";

/** A new automatic snapshot is taken once the latest one is this old and the text has changed since. */
export const AUTO_SNAPSHOT_INTERVAL_MS = Number(process.env.HUITONG_AUTO_SNAPSHOT_MS ?? 10 * 60_000);

export interface SectionAccessFacts {
  reviewId: string;
  deleted: boolean;
}

export async function findSectionForSocket(sectionId: string): Promise<SectionAccessFacts | null> {
  const section = await db().synthesisSection.findUnique({
    where: { id: sectionId },
    select: { reviewId: true, deletedAt: true },
  });
  return section ? { reviewId: section.reviewId, deleted: section.deletedAt !== null } : null;
}

export async function loadSectionState(sectionId: string): Promise<Uint8Array | null> {
  const stored = await db().sectionDocument.findUnique({ where: { sectionId }, select: { state: true } });
  return stored ? new Uint8Array(stored.state) : null;
}

export interface StoreSectionInput {
  sectionId: string;
  state: Uint8Array;
  content: DocNode;
  updatedById: string | null;
}

export async function storeSectionState(input: StoreSectionInput, now = new Date()): Promise<void> {
  const text = plainText(input.content);
  const citedItemIds = [...new Set(citationsInOrder(input.content).map((citation) => citation.itemId))];
  const projection = {
    state: Buffer.from(input.state),
    content: input.content as object,
    text,
    citedItemIds,
    quotedCodingIds: quotedCodingIds(input.content),
    updatedById: input.updatedById,
  };
  await db().$transaction(async (tx) => {
    await tx.sectionDocument.upsert({
      where: { sectionId: input.sectionId },
      create: { sectionId: input.sectionId, ...projection },
      update: projection,
    });
    const latest = await tx.sectionVersion.findFirst({
      where: { sectionId: input.sectionId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, text: true },
    });
    const due = !latest || now.getTime() - latest.createdAt.getTime() >= AUTO_SNAPSHOT_INTERVAL_MS;
    if (due && text.trim() && text !== latest?.text) {
      await tx.sectionVersion.create({
        data: {
          sectionId: input.sectionId,
          kind: "AUTO",
          state: projection.state,
          content: projection.content,
          text,
          createdById: input.updatedById,
          createdAt: now,
        },
      });
    }
  });
}
