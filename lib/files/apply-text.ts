// The step from a file's extracted text to its item's full text, shared by the extraction job (an item with no
// text takes it at once) and by a member's confirmation after the comparison.
import { recordActivity } from "@/lib/activity/record";
import { reanchorCodings } from "@/lib/coding/commands";
import type { Transaction } from "@/lib/db/client";
import { refreshItemReferences } from "@/lib/references/sync";

/**
 * Writes a file's extracted text as its item's full text, in the caller's transaction: the references are
 * parsed again and existing codings follow their words into the new text.
 */
export async function applyFileText(
  tx: Transaction,
  file: { id: string; reviewId: string; itemId: string; extractedText: string | null },
  actorId: string | null,
): Promise<void> {
  if (!file.extractedText) return;
  await tx.reviewItem.update({
    where: { id: file.itemId },
    data: { fullText: file.extractedText, version: { increment: 1 } },
  });
  await refreshItemReferences(tx, { id: file.itemId, reviewId: file.reviewId, fullText: file.extractedText });
  await reanchorCodings(tx, file.itemId, "FULL_TEXT", file.extractedText);
  await tx.itemFile.update({ where: { id: file.id }, data: { textAppliedAt: new Date(), textDeclinedAt: null } });
  await recordActivity(tx, {
    reviewId: file.reviewId,
    actorId,
    kind: "item.fullTextFromFile",
    subjectType: "item",
    subjectId: file.itemId,
    data: { fileId: file.id },
  });
}
