// What a reference lacks for a citation of its type, so the bibliography can say "missing: publisher, year"
// with a link to the edit form instead of printing `[J].` with nothing after it. Pure and client-safe.
import type { CitableItem } from "./csl";
import { parseDate } from "./csl";
import { isAuthorLikeRole, ITEM_TYPE_SPECS, type CitationNeed, type ItemType } from "./item-types";

function present(value: string | null | undefined): boolean {
  return typeof value === "string" && value.trim() !== "";
}

/** The needs of the item's type that the item does not meet, in the type's order. */
export function missingForCitation(item: CitableItem): CitationNeed[] {
  const type: ItemType = item.itemType ?? "JOURNAL_ARTICLE";
  const spec = ITEM_TYPE_SPECS[type];
  const named = (role: (value: CitableItem["authors"][number]["role"]) => boolean) =>
    item.authors.some((author) => role(author.role) && (present(author.nameZh) || present(author.nameEn)));
  const hasAuthor = named(isAuthorLikeRole) || (spec.editorsAsAuthors && named((role) => role === "EDITOR"));
  const container = present(item.journalZh) || present(item.journalEn);
  const fullDate = parseDate(item.issuedDate)?.["date-parts"]?.[0]?.length === 3;
  const met: Record<CitationNeed, boolean> = {
    title: present(item.titleZh) || present(item.titleEn),
    author: hasAuthor,
    year: item.year !== null || parseDate(item.issuedDate) !== undefined,
    date: fullDate,
    container: container || (type === "CONFERENCE_PAPER" && present(item.eventTitle)),
    volumeIssue: present(item.volume) || present(item.issue),
    pages: present(item.pages),
    publisher: present(item.publisher),
    publisherPlace: present(item.publisherPlace),
    source: present(item.publisher) || present(item.url),
    number: present(item.number),
    url: present(item.url),
    accessedDate: parseDate(item.accessedDate) !== undefined,
  };
  // A cited web page's access date only matters once it has a URL to have been accessed at.
  return spec.needs.filter((need) => !met[need] && !(need === "accessedDate" && !met.url));
}

export function isCompleteForCitation(item: CitableItem): boolean {
  return missingForCitation(item).length === 0;
}
