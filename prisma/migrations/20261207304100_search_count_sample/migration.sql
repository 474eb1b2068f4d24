-- Search at scale (issue 20): honest counts, cheaply. A count too large to count exactly is estimated from the
-- matches in a fixed random share of the index: the entries whose bucket — a hash of the entry's random id,
-- 0 … 1023 — is below 16 (1/64 of the entries), or from 896 up (1/8). A share of rows, not of pages, so entries
-- that lie together on disk (a kind written in bulk, a paper's copies) no longer skew it; and each share has its
-- own small GIN index, so an estimate reads 1/64 (or 1/8) of a common word's matches from the index instead of
-- building the bitmap of all of them (300,000 entries for 韧性 in a 100,000-paper review).
-- The summary vector has a 1/64 share too (buckets 16 … 31): a common word's first page takes its candidates
-- from there. The shares are disjoint, so no statement's share implies another index's predicate and the planner
-- has exactly one share index for each (it would otherwise combine a share index, read whole, with another).
-- Prisma has no partial indexes: these live in SQL only (lib/db/schema-drift.test.ts lists them).
CREATE INDEX "SearchEntry_tsv_share64_idx" ON "SearchEntry" USING GIN ("tsv") WHERE (hashtext("id") & 1023) < 16;
CREATE INDEX "SearchEntry_tsv_share8_idx" ON "SearchEntry" USING GIN ("tsv") WHERE (hashtext("id") & 1023) >= 896;
CREATE INDEX "SearchEntry_headTsv_share64_idx" ON "SearchEntry" USING GIN ("headTsv")
  WHERE (hashtext("id") & 1023) >= 16 AND (hashtext("id") & 1023) < 32;
