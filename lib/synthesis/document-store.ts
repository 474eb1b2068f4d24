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
  /**
   * Called under the row lock with the state already stored. With several collaboration processes, another one
   * may have stored changes this one has not received yet; the callback merges them into the live document and
   * returns what to store instead, so one process's store never overwrites another's.
   */
  mergeStored?: (stored: Uint8Array) => { state: Uint8Array; content: DocNode };
}

export async function storeSectionState(input: StoreSectionInput, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    let { state, content } = input;
    if (input.mergeStored) {
      const [stored] = await tx.$queryRaw<{ state: Uint8Array }[]>`
        SELECT state FROM "SectionDocument" WHERE "sectionId" = ${input.sectionId} FOR UPDATE`;
      if (stored) ({ state, content } = input.mergeStored(new Uint8Array(stored.state)));
    }
    const text = plainText(content);
    const projection = {
      state: Buffer.from(state),
      content: content as object,
      text,
      citedItemIds: [...new Set(citationsInOrder(content).map((citation) => citation.itemId))],
      quotedCodingIds: quotedCodingIds(content),
      updatedById: input.updatedById,
    };
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
