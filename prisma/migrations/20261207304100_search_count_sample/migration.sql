-- Search at scale (issue 20): honest counts. A count above what is cheap to count exactly is estimated from the
-- matches in a fixed random share of the index — rows whose bucket (a hash of the entry's random id, 0 … 1023)
-- is below a bound — per review and kind. The share is a sample of rows, not of pages, so entries that lie
-- together on disk (a paper's copies, a kind written in bulk) no longer skew it, and the index below finds the
-- sampled rows of one kind without reading the others: the search reads only the matches inside the share.
-- Prisma has no expression indexes: this one lives in SQL only (lib/db/schema-drift.test.ts lists it).
CREATE INDEX "SearchEntry_reviewId_kind_bucket_idx" ON "SearchEntry" ("reviewId", "kind", (hashtext("id") & 1023));
