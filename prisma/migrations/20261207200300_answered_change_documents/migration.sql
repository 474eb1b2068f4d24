-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "contentAtAnswer" JSONB;

-- AlterTable
ALTER TABLE "CommentThread" ADD COLUMN     "contentAtStart" JSONB;


