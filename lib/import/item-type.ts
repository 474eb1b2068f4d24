// A record's type as its format names it → the item's type, through the one set of type maps in
// lib/bibliography/type-maps.ts. Formats without a type vocabulary of their own (MEDLINE, CNKI E-Study, CSV)
// have their few names here and otherwise fall back on the shared names.
import { ITEM_TYPES } from "@/lib/bibliography/item-types";
import {
  endnoteTypeOf,
  itemTypeFromBibtex,
  itemTypeFromCsl,
  itemTypeFromEndnoteRefType,
  itemTypeFromRis,
  itemTypeFromTypeName,
} from "@/lib/bibliography/type-maps";
import type { ItemType } from "@/lib/db/generated/enums";
import type { ImportFormat, SourceRecord } from "./source-record";

// MEDLINE publication types (PT); the first that names a type wins, the rest ("Review", "Clinical Trial")
// describe a journal article.
const MEDLINE_TYPES: Record<string, ItemType> = {
  "books and documents": "BOOK",
  "book chapter": "BOOK_CHAPTER",
  preprint: "PREPRINT",
  dataset: "DATASET",
  "newspaper article": "NEWSPAPER_ARTICLE",
  congress: "CONFERENCE_PAPER",
  "technical report": "REPORT",
};

// CNKI E-Study's source database names.
const ESTUDY_TYPES: Record<string, ItemType> = {
  期刊: "JOURNAL_ARTICLE",
  学术期刊: "JOURNAL_ARTICLE",
  特色期刊: "JOURNAL_ARTICLE",
  硕士: "THESIS",
  博士: "THESIS",
  学位论文: "THESIS",
  报纸: "NEWSPAPER_ARTICLE",
  会议: "CONFERENCE_PAPER",
  国际会议: "CONFERENCE_PAPER",
  国内会议: "CONFERENCE_PAPER",
  专利: "PATENT",
  中国专利: "PATENT",
  标准: "STANDARD",
  国家标准: "STANDARD",
  行业标准: "STANDARD",
  图书: "BOOK",
  年鉴: "OTHER",
  成果: "REPORT",
};

// Document types as Scopus and Web of Science write them in their CSV and tab-delimited exports.
const DOCUMENT_TYPES: Record<string, ItemType> = {
  article: "JOURNAL_ARTICLE",
  review: "JOURNAL_ARTICLE",
  "editorial material": "JOURNAL_ARTICLE",
  editorial: "JOURNAL_ARTICLE",
  letter: "JOURNAL_ARTICLE",
  note: "JOURNAL_ARTICLE",
  "early access": "JOURNAL_ARTICLE",
  "article in press": "JOURNAL_ARTICLE",
  "proceedings paper": "CONFERENCE_PAPER",
  "conference paper": "CONFERENCE_PAPER",
  "conference review": "CONFERENCE_PAPER",
  "book chapter": "BOOK_CHAPTER",
  book: "BOOK",
  "data paper": "DATASET",
  preprint: "PREPRINT",
};

// This app's CSV export names each type by its EndNote name; read back exactly, before any other guess.
const OWN_CSV_TYPES = new Map(ITEM_TYPES.map((type) => [endnoteTypeOf(type).toLowerCase(), type]));

export function itemTypeOf(
  format: ImportFormat,
  type: string | null,
  hints: SourceRecord["typeHints"] = {},
): { itemType: ItemType; known: boolean } {
  if (!type) return { itemType: "JOURNAL_ARTICLE", known: true };
  const value = type.trim();
  let found: ItemType | null = null;
  switch (format) {
    case "ris":
      found = itemTypeFromRis(value);
      break;
    case "bibtex": {
      found = itemTypeFromBibtex(value, hints);
      // Plain BibTeX has no entry type for these; a @misc says which in its `type` (as this app writes it).
      const marker = hints?.type?.toLowerCase().replace(/\s+/g, "") ?? "";
      if (found === "OTHER" || found === "WEB_PAGE") {
        if (marker === "webpage" || marker === "online") found = "WEB_PAGE";
        else if (marker === "dataset") found = "DATASET";
        else if (marker === "preprint") found = "PREPRINT";
      }
      break;
    }
    case "csl-json":
      found = itemTypeFromCsl(value);
      break;
    case "endnote-xml":
      found = itemTypeFromTypeName(value) ?? (/^\d+$/.test(value) ? itemTypeFromEndnoteRefType(value) : null);
      break;
    case "endnote":
    case "noteexpress":
    case "refworks":
      found = itemTypeFromTypeName(value);
      break;
    case "nbib":
      found = MEDLINE_TYPES[value.toLowerCase()] ?? "JOURNAL_ARTICLE";
      break;
    case "cnki-estudy":
      found = ESTUDY_TYPES[value] ?? itemTypeFromTypeName(value);
      break;
    case "csv":
      // A spreadsheet's type column holds whatever its tool writes: RIS codes, CSL or EndNote names.
      found =
        OWN_CSV_TYPES.get(value.toLowerCase()) ??
        DOCUMENT_TYPES[value.toLowerCase()] ??
        itemTypeFromTypeName(value) ??
        itemTypeFromRis(value) ??
        itemTypeFromCsl(value) ??
        null;
      break;
  }
  return found ? { itemType: found, known: true } : { itemType: "OTHER", known: false };
}
