-- Trigram similarity for "did you mean" (pg_trgm ships with PostgreSQL: checked in the machine's 15 and embedded 18).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- AlterTable
ALTER TABLE "SearchEntry" ADD COLUMN     "authors" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "fold" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "head" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "headTsv" tsvector NOT NULL DEFAULT ''::tsvector,
ADD COLUMN     "journal" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SearchWord" (
    "reviewId" TEXT NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("reviewId","word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SearchEntry_headTsv_idx" ON "SearchEntry" USING GIN ("headTsv");

-- AddForeignKey
ALTER TABLE "SearchWord" ADD CONSTRAINT "SearchWord_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;




-- Every field shown on an item page is searchable now: requeue items when any of them changes.
DROP TRIGGER search_queue_item ON "ReviewItem";
CREATE TRIGGER search_queue_item AFTER INSERT OR DELETE OR UPDATE OF
  "titleZh", "titleEn", "journalZh", "journalEn", "keywordsZh", "keywordsEn", "abstractZh", "abstractEn", "fullText", "doi",
  "reviewId", "funding", "identifiers", "itemType", "genre", "publisher", "publisherPlace", "edition", "eventTitle",
  "eventPlace", "number", "jurisdiction", "url", "volume", "issue", "pages"
  ON "ReviewItem" FOR EACH ROW EXECUTE FUNCTION search_queue_change('ITEM', 'id');

-- Index maintenance runs off the request path, as the job `search.index` (lib/search/jobs.ts) on the app's one
-- job queue. The same statements that queue sources in SearchPending schedule the job, once per statement and
-- in the writing transaction: the job exists exactly when the change commits, whichever code path wrote it
-- (commands, imports, restores, seeds, SQL). The job key folds a burst of writes into one pending job; while a
-- drain runs, graphile-worker frees the key, so a change made meanwhile schedules the next drain.
-- The queue's schema is created after the migrations on a fresh database; until it exists nothing is scheduled
-- and the start script schedules a drain of whatever is queued.
CREATE FUNCTION search_schedule_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regnamespace('graphile_worker') IS NOT NULL THEN
    PERFORM graphile_worker.add_job('search.index', '{}'::json, queue_name => 'search', max_attempts => 25,
                                    job_key => 'search.index', job_key_mode => 'preserve_run_at');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_schedule_item AFTER INSERT OR DELETE OR UPDATE OF
  "titleZh", "titleEn", "journalZh", "journalEn", "keywordsZh", "keywordsEn", "abstractZh", "abstractEn", "fullText", "doi",
  "reviewId", "funding", "identifiers", "itemType", "genre", "publisher", "publisherPlace", "edition", "eventTitle",
  "eventPlace", "number", "jurisdiction", "url", "volume", "issue", "pages"
  ON "ReviewItem" FOR EACH STATEMENT EXECUTE FUNCTION search_schedule_index();
CREATE TRIGGER search_schedule_item_author AFTER INSERT OR UPDATE OR DELETE
  ON "ItemAuthor" FOR EACH STATEMENT EXECUTE FUNCTION search_schedule_index();
CREATE TRIGGER search_schedule_coding AFTER INSERT OR DELETE OR UPDATE OF "quote", "memo", "itemId"
  ON "Coding" FOR EACH STATEMENT EXECUTE FUNCTION search_schedule_index();
CREATE TRIGGER search_schedule_section AFTER INSERT OR DELETE OR UPDATE OF "title"
  ON "SynthesisSection" FOR EACH STATEMENT EXECUTE FUNCTION search_schedule_index();
CREATE TRIGGER search_schedule_section_document AFTER INSERT OR DELETE OR UPDATE OF "text"
  ON "SectionDocument" FOR EACH STATEMENT EXECUTE FUNCTION search_schedule_index();
CREATE TRIGGER search_schedule_comment AFTER INSERT OR DELETE OR UPDATE OF "body", "deletedAt"
  ON "Comment" FOR EACH STATEMENT EXECUTE FUNCTION search_schedule_index();
CREATE TRIGGER search_schedule_thread AFTER UPDATE OF "quote"
  ON "CommentThread" FOR EACH STATEMENT EXECUTE FUNCTION search_schedule_index();

-- The new columns and the word list are filled by rebuilding every entry.
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'ITEM', "id" FROM "ReviewItem" ON CONFLICT DO NOTHING;
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'CODING', "id" FROM "Coding" ON CONFLICT DO NOTHING;
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'SECTION', "id" FROM "SynthesisSection" ON CONFLICT DO NOTHING;
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'COMMENT', "id" FROM "Comment" ON CONFLICT DO NOTHING;
