-- Search at scale (issue 20): English phrases and exclusions are checked on a small vector of English stems
-- instead of the whole tsvector, and `headTsv` now holds weights A and B (title, authors, keywords, abstracts;
-- a passage's quote and memo), the vector results are ranked by.
-- AlterTable
ALTER TABLE "SearchEntry" ADD COLUMN     "latinTsv" tsvector NOT NULL DEFAULT ''::tsvector;

-- Both are filled by rebuilding every entry in the background job.
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'ITEM', "id" FROM "ReviewItem" ON CONFLICT DO NOTHING;
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'CODING', "id" FROM "Coding" ON CONFLICT DO NOTHING;
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'SECTION', "id" FROM "SynthesisSection" ON CONFLICT DO NOTHING;
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'COMMENT', "id" FROM "Comment" ON CONFLICT DO NOTHING;
