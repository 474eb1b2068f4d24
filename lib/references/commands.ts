// Snowballing: a reference an item cites becomes an item of the review in one action, carrying only the
// metadata its printed string gives.
import { z } from "zod";
import { confirmAccess, type ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { insertItem } from "@/lib/items/commands";
import { typeHasField, type ItemType } from "@/lib/bibliography/item-types";
import { itemTypeFromGbtCode } from "@/lib/bibliography/type-maps";
import { EMPTY_ITEM_FIELDS, newItemFieldsSchema, type ItemFields } from "@/lib/items/item-fields";
import { parseInput } from "@/lib/validation";
import type { ParsedReference } from "./parse-reference";
import { matchingItems } from "./queries";

const id = z.string().min(1).max(64);

export const addCitedReferenceSchema = z.object({ reviewId: id, referenceId: id });

const TYPE_OF_REFERENCE: Record<ParsedReference["type"], ItemType> = {
  journal: "JOURNAL_ARTICLE",
  book: "BOOK",
  thesis: "THESIS",
  conference: "CONFERENCE_PAPER",
  newspaper: "NEWSPAPER_ARTICLE",
  online: "WEB_PAGE",
  report: "REPORT",
  standard: "STANDARD",
  patent: "PATENT",
  other: "OTHER",
  unknown: "OTHER",
};

/** A printed date as the item stores it (2013-01-12, 2013-01, 2013), or null when it is not one. */
function isoDate(value: string | null): string | null {
  const match = value ? /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value.trim()) : null;
  if (!match) return null;
  return [match[1], match[2]?.padStart(2, "0"), match[3]?.padStart(2, "0")].filter(Boolean).join("-");
}

/** The bibliographic fields an item gets from a reference: what is printed, in the language it is printed in. */
export function itemFieldsFromReference(reference: ParsedReference): ItemFields {
  const zh = reference.language === "zh";
  // A chapter printed [M]// is a part of a book: its container is the book, its editors the book's.
  const code = reference.typeCode?.split("/")[0] ?? null;
  const itemType: ItemType =
    reference.type === "book" && reference.container
      ? "BOOK_CHAPTER"
      : ((code ? itemTypeFromGbtCode(code) : null) ?? TYPE_OF_REFERENCE[reference.type]);
  const has = (field: Parameters<typeof typeHasField>[1]) => typeHasField(itemType, field);
  // A book's printed pages are the pages cited, not the extent of the work, so they are not the item's pages.
  const partOfSomething =
    ["journal", "newspaper", "conference"].includes(reference.type) || itemType === "BOOK_CHAPTER";
  const name = (value: string) => (zh ? { nameZh: value, nameEn: null } : { nameZh: null, nameEn: value });
  return {
    ...EMPTY_ITEM_FIELDS,
    itemType,
    titleZh: zh ? reference.title : null,
    titleEn: zh ? null : reference.title,
    authors: reference.authors.map((author) => ({
      ...name(author),
      affiliations: [],
      corresponding: false,
      bio: null,
    })),
    contributors: reference.editors.map((editor) => ({ role: "EDITOR" as const, ...name(editor) })),
    journalZh: zh && partOfSomething && has("container") ? reference.container : null,
    journalEn: !zh && partOfSomething && has("container") ? reference.container : null,
    year: reference.year,
    volume: reference.volume,
    issue: reference.issue,
    pages: partOfSomething ? reference.pages : null,
    doi: reference.doi,
    publisher: reference.publisher,
    publisherPlace: reference.place,
    edition: reference.edition,
    url: reference.url && /^(https?|ftp):\/\/\S+$/i.test(reference.url) ? reference.url : null,
    issuedDate: has("issuedDate") ? isoDate(reference.date) : null,
    accessedDate: isoDate(reference.accessed),
    language: reference.language,
    identifiers: reference.url ? [{ type: "URL", value: reference.url }] : [],
  };
}

/** Adds a cited reference to the review as a new item; refused if the review already holds the work. */
export async function addCitedReference(access: ReviewAccess, rawInput: unknown): Promise<{ itemId: string }> {
  const { userId } = access;
  const input = parseInput(addCitedReferenceSchema, rawInput);
  return db().$transaction(async (tx) => {
    await confirmAccess(access, "item.create", tx, input.reviewId);
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
      sourceKind: "CITATION_SEARCH",
      activity: { source: "reference", citedBy: reference.itemId, referenceNumber: reference.number },
    });
  });
}
