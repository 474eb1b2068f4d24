-- CreateTable
CREATE TABLE "ItemReference" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "number" INTEGER,
    "raw" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "parsed" JSONB NOT NULL,
    "matchKey" TEXT,
    "doi" TEXT,

    CONSTRAINT "ItemReference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ItemReference_reviewId_matchKey_idx" ON "ItemReference"("reviewId", "matchKey");

-- CreateIndex
CREATE INDEX "ItemReference_reviewId_doi_idx" ON "ItemReference"("reviewId", "doi");

-- CreateIndex
CREATE UNIQUE INDEX "ItemReference_itemId_position_key" ON "ItemReference"("itemId", "position");

-- AddForeignKey
ALTER TABLE "ItemReference" ADD CONSTRAINT "ItemReference_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemReference" ADD CONSTRAINT "ItemReference_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;


