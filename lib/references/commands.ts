// Snowballing: a reference an item cites becomes an item of the review in one action, carrying only the
// metadata its printed string gives.
import { z } from "zod";
import { authorize } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { insertItem } from "@/lib/items/commands";
import { EMPTY_ITEM_FIELDS, newItemFieldsSchema, type ItemFields } from "@/lib/items/item-fields";
import { parseInput } from "@/lib/validation";
import type { ParsedReference } from "./parse-reference";
import { matchingItems } from "./queries";

const id = z.string().min(1).max(64);

export const addCitedReferenceSchema = z.object({ reviewId: id, referenceId: id });

/** The bibliographic fields an item gets from a reference: what is printed, in the language it is printed in. */
export function itemFieldsFromReference(reference: ParsedReference): ItemFields {
  const zh = reference.language === "zh";
  // A book's printed pages are the pages cited, not the extent of the work, so they are not the item's pages.
  const partOfSomething = ["journal", "newspaper", "conference"].includes(reference.type);
  return {
    ...EMPTY_ITEM_FIELDS,
    titleZh: zh ? reference.title : null,
    titleEn: zh ? null : reference.title,
    authors: reference.authors.map((name) => ({
      nameZh: zh ? name : null,
      nameEn: zh ? null : name,
      affiliations: [],
      corresponding: false,
      bio: null,
    })),
    journalZh: zh && partOfSomething ? reference.container : null,
    journalEn: !zh && partOfSomething ? reference.container : null,
    year: reference.year,
    volume: reference.volume,
    issue: reference.issue,
    pages: partOfSomething ? reference.pages : null,
    doi: reference.doi,
    identifiers: reference.url ? [{ type: "URL", value: reference.url }] : [],
  };
}

/** Adds a cited reference to the review as a new item; refused if the review already holds the work. */
export async function addCitedReference(userId: string, rawInput: unknown): Promise<{ itemId: string }> {
  const input = parseInput(addCitedReferenceSchema, rawInput);
  return db().$transaction(async (tx) => {
    await authorize(userId, input.reviewId, "item.create", tx);
    const reference = await tx.itemReference.findFirst({
      where: { id: input.referenceId, reviewId: input.reviewId },
      select: { id: true, raw: true, parsed: true, itemId: true, number: true },
    });
    if (!reference) throw new AppError("NOT_FOUND", `reference ${input.referenceId} not in review ${input.reviewId}`);
    const parsed = reference.parsed as unknown as ParsedReference;
    const existing = (await matchingItems(tx, input.reviewId, [parsed])).get(0);
    if (existing) {
      throw new AppError("REFERENCE_IN_REVIEW", `reference ${reference.id} is item ${existing.id}`, undefined, {
        itemId: existing.id,
      });
    }
    if (!parsed.title) throw new AppError("REFERENCE_UNREADABLE", `reference ${reference.id} has no readable title`);
    const fields = parseInput(newItemFieldsSchema, itemFieldsFromReference(parsed));
    return insertItem(tx, {
      reviewId: input.reviewId,
      userId,
      fields,
      // The printed string stays with the item: it is where every field came from.
      sourceNote: reference.raw,
      activity: { source: "reference", citedBy: reference.itemId, referenceNumber: reference.number },
    });
  });
}
