-- AlterEnum
ALTER TYPE "SourceKind" ADD VALUE 'CITATION_SEARCH';

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "screeningHighlights" TEXT[] DEFAULT ARRAY[]::TEXT[];


