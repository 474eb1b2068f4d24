import { describe, expect, it } from "vitest";
import { missingFields, TRACKED_FIELDS, type MetadataShape } from "./missing-metadata";

const empty: MetadataShape = {
  titleZh: null,
  titleEn: null,
  journalZh: null,
  journalEn: null,
  year: null,
  volume: null,
  issue: null,
  pages: null,
  keywordsZh: [],
  keywordsEn: [],
  abstractZh: null,
  abstractEn: null,
  funding: null,
  fullText: null,
  authorCount: 0,
};

describe("missingFields", () => {
  it("lists every field of an empty record", () => expect(missingFields(empty)).toEqual([...TRACKED_FIELDS]));

  it("counts a bilingual field as present when either language is there", () => {
    expect(missingFields({ ...empty, titleEn: "A title", abstractZh: "摘要" })).not.toEqual(
      expect.arrayContaining(["title", "abstract"]),
    );
  });

  it("treats blank strings as missing", () => expect(missingFields({ ...empty, titleZh: "  " })).toContain("title"));

  it("uses the full-text flag when the text itself was not loaded", () => {
    expect(missingFields({ ...empty, fullText: undefined, hasFullText: true })).not.toContain("fullText");
  });
});
