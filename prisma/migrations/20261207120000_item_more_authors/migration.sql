-- AlterTable
ALTER TABLE "ReviewItem" ADD COLUMN     "moreAuthors" BOOLEAN NOT NULL DEFAULT false;


