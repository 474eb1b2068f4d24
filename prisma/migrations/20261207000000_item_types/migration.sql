-- CreateEnum
CREATE TYPE "ItemType" AS ENUM ('JOURNAL_ARTICLE', 'THESIS', 'BOOK', 'BOOK_CHAPTER', 'CONFERENCE_PAPER', 'REPORT', 'NEWSPAPER_ARTICLE', 'STANDARD', 'PATENT', 'WEB_PAGE', 'PREPRINT', 'DATASET', 'OTHER');

-- CreateEnum
CREATE TYPE "ContributorRole" AS ENUM ('AUTHOR', 'EDITOR', 'TRANSLATOR', 'SUPERVISOR', 'INVENTOR');

-- DropIndex
DROP INDEX "ItemAuthor_itemId_position_key";

-- AlterTable
ALTER TABLE "ItemAuthor" ADD COLUMN     "role" "ContributorRole" NOT NULL DEFAULT 'AUTHOR';

-- AlterTable
ALTER TABLE "ReviewItem" ADD COLUMN     "accessedDate" TEXT,
ADD COLUMN     "edition" TEXT,
ADD COLUMN     "eventDate" TEXT,
ADD COLUMN     "eventPlace" TEXT,
ADD COLUMN     "eventTitle" TEXT,
ADD COLUMN     "genre" TEXT,
ADD COLUMN     "issuedDate" TEXT,
ADD COLUMN     "itemType" "ItemType" NOT NULL DEFAULT 'JOURNAL_ARTICLE',
ADD COLUMN     "jurisdiction" TEXT,
ADD COLUMN     "language" TEXT,
ADD COLUMN     "number" TEXT,
ADD COLUMN     "publisher" TEXT,
ADD COLUMN     "publisherPlace" TEXT,
ADD COLUMN     "url" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ItemAuthor_itemId_role_position_key" ON "ItemAuthor"("itemId", "role", "position");

-- CreateIndex
CREATE INDEX "ReviewItem_reviewId_itemType_idx" ON "ReviewItem"("reviewId", "itemType");


