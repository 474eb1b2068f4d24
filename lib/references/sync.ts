// Keeps an item's stored references in step with its full text: called in the transaction that writes the
// text (adding, editing, seeding, restoring a backup), so the list never describes an older text.
import type { Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { normalizedTitle } from "@/lib/items/title-key";
import { findReferenceList } from "./find-reference-list";
import { parseReference, type ParsedReference } from "./parse-reference";

/** Titles shorter than this, once normalised, are too generic to say two references are one work. */
const MIN_KEY_LENGTH = 4;

/** What recognises one cited work across items: the normalised title and the year (or "" when unprinted). */
export function referenceMatchKey(reference: Pick<ParsedReference, "title" | "year">): string | null {
  const title = normalizedTitle(reference.title);
  return title.length >= MIN_KEY_LENGTH ? `${title}|${reference.year ?? ""}` : null;
}

export function referenceRowsOf(fullText: string | null) {
  const list = findReferenceList(fullText);
  if (!list) return [];
  return list.entries.map((entry, position) => {
    const parsed = parseReference(entry.text, entry.number);
    return {
      position,
      number: parsed.number,
      raw: parsed.raw,
      type: parsed.type,
      parsed: parsed as unknown as Prisma.InputJsonValue,
      matchKey: referenceMatchKey(parsed),
      doi: parsed.doi?.toLowerCase() ?? null,
    };
  });
}

export async function refreshItemReferences(
  tx: Transaction,
  item: { id: string; reviewId: string; fullText: string | null },
): Promise<number> {
  await tx.itemReference.deleteMany({ where: { itemId: item.id } });
  const rows = referenceRowsOf(item.fullText);
  if (rows.length > 0) {
    await tx.itemReference.createMany({
      data: rows.map((row) => ({ ...row, itemId: item.id, reviewId: item.reviewId })),
    });
  }
  return rows.length;
}
