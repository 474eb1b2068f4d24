-- CreateEnum
CREATE TYPE "SearchKind" AS ENUM ('PAPER', 'PASSAGE', 'SECTION', 'COMMENT');

-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "kind" "SearchKind" NOT NULL,
    "sourceId" TEXT NOT NULL,
    "itemId" TEXT,
    "sectionId" TEXT,
    "threadId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tsv" tsvector NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchPending" (
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchPending_pkey" PRIMARY KEY ("kind","sourceId")
);

-- CreateIndex
CREATE INDEX "SearchEntry_reviewId_kind_idx" ON "SearchEntry"("reviewId", "kind");

-- CreateIndex
CREATE INDEX "SearchEntry_tsv_idx" ON "SearchEntry" USING GIN ("tsv");

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_kind_sourceId_key" ON "SearchEntry"("kind", "sourceId");

-- AddForeignKey
ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Search: queue a source for reindexing whenever its text changes, in the writing transaction.
-- TG_ARGV[0] is the queue kind, TG_ARGV[1] the column holding the source id.
CREATE FUNCTION search_queue_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
  INSERT INTO "SearchPending" ("kind", "sourceId")
  VALUES (TG_ARGV[0], source_row ->> TG_ARGV[1])
  ON CONFLICT ("kind", "sourceId") DO UPDATE
    SET "seq" = nextval(pg_get_serial_sequence('"SearchPending"', 'seq')), "queuedAt" = CURRENT_TIMESTAMP;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_queue_item AFTER INSERT OR DELETE OR UPDATE OF
  "titleZh", "titleEn", "journalZh", "journalEn", "keywordsZh", "keywordsEn", "abstractZh", "abstractEn", "fullText", "doi", "reviewId"
  ON "ReviewItem" FOR EACH ROW EXECUTE FUNCTION search_queue_change('ITEM', 'id');
CREATE TRIGGER search_queue_item_author AFTER INSERT OR UPDATE OR DELETE
  ON "ItemAuthor" FOR EACH ROW EXECUTE FUNCTION search_queue_change('ITEM', 'itemId');
CREATE TRIGGER search_queue_coding AFTER INSERT OR DELETE OR UPDATE OF "quote", "memo", "itemId"
  ON "Coding" FOR EACH ROW EXECUTE FUNCTION search_queue_change('CODING', 'id');
CREATE TRIGGER search_queue_section AFTER INSERT OR DELETE OR UPDATE OF "title"
  ON "SynthesisSection" FOR EACH ROW EXECUTE FUNCTION search_queue_change('SECTION', 'id');
CREATE TRIGGER search_queue_section_document AFTER INSERT OR DELETE OR UPDATE OF "text"
  ON "SectionDocument" FOR EACH ROW EXECUTE FUNCTION search_queue_change('SECTION', 'sectionId');
CREATE TRIGGER search_queue_comment AFTER INSERT OR DELETE OR UPDATE OF "body", "deletedAt"
  ON "Comment" FOR EACH ROW EXECUTE FUNCTION search_queue_change('COMMENT', 'id');
CREATE TRIGGER search_queue_thread AFTER UPDATE OF "quote"
  ON "CommentThread" FOR EACH ROW EXECUTE FUNCTION search_queue_change('THREAD', 'id');

-- A database upgraded with content in it: queue everything, the first drain indexes it.
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'ITEM', "id" FROM "ReviewItem";
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'CODING', "id" FROM "Coding";
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'SECTION', "id" FROM "SynthesisSection";
INSERT INTO "SearchPending" ("kind", "sourceId") SELECT 'COMMENT', "id" FROM "Comment";
