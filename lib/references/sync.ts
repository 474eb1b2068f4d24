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

export type ReferenceRow = ReturnType<typeof referenceRowsOf>[number] & { itemId: string; reviewId: string };

/**
 * Inserts reference rows in one statement of column arrays: a list of thirty entries per paper, or every list of
 * a restored review, is written without per-row overhead in the client.
 */
export async function insertReferenceRows(tx: Transaction, rows: ReferenceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof ReferenceRow>(key: K) => rows.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO "ItemReference" ("id", "reviewId", "itemId", "position", "number", "raw", "type", "parsed", "matchKey", "doi")
    SELECT gen_random_uuid()::text, r.* FROM unnest(
      ${column("reviewId")}::text[], ${column("itemId")}::text[], ${column("position")}::int[],
      ${column("number")}::int[], ${column("raw")}::text[], ${column("type")}::text[],
      ${rows.map((row) => JSON.stringify(row.parsed))}::jsonb[], ${column("matchKey")}::text[], ${column("doi")}::text[]
    ) AS r`;
}

export async function refreshItemReferences(
  tx: Transaction,
  item: { id: string; reviewId: string; fullText: string | null },
): Promise<number> {
  await tx.itemReference.deleteMany({ where: { itemId: item.id } });
  const rows = referenceRowsOf(item.fullText);
  await insertReferenceRows(
    tx,
    rows.map((row) => ({ ...row, itemId: item.id, reviewId: item.reviewId })),
  );
  return rows.length;
}
