// Which text of an item a passage was coded in. Client-safe: the reader and the server agree on the names.
export const PASSAGE_FIELDS = ["FULL_TEXT", "ABSTRACT_ZH", "ABSTRACT_EN"] as const;
export type PassageFieldName = (typeof PASSAGE_FIELDS)[number];

export const FIELD_COLUMN = {
  FULL_TEXT: "fullText",
  ABSTRACT_ZH: "abstractZh",
  ABSTRACT_EN: "abstractEn",
} as const satisfies Record<PassageFieldName, string>;

export function textOf(
  item: { fullText: string | null; abstractZh: string | null; abstractEn: string | null },
  field: PassageFieldName,
): string {
  return item[FIELD_COLUMN[field]] ?? "";
}
