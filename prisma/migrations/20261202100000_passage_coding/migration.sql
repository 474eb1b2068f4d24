-- CreateEnum
CREATE TYPE "PassageField" AS ENUM ('FULL_TEXT', 'ABSTRACT_ZH', 'ABSTRACT_EN');

-- AlterTable
ALTER TABLE "Theme" ADD COLUMN     "inclusionNotes" TEXT,
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Coding" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "field" "PassageField" NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "memo" TEXT,
    "orphaned" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Coding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodingTheme" (
    "codingId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    CONSTRAINT "CodingTheme_pkey" PRIMARY KEY ("codingId","themeId")
);

-- CreateIndex
CREATE INDEX "Coding_itemId_field_idx" ON "Coding"("itemId", "field");

-- CreateIndex
CREATE INDEX "Coding_reviewId_idx" ON "Coding"("reviewId");

-- CreateIndex
CREATE INDEX "CodingTheme_themeId_idx" ON "CodingTheme"("themeId");

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coding" ADD CONSTRAINT "Coding_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coding" ADD CONSTRAINT "Coding_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coding" ADD CONSTRAINT "Coding_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodingTheme" ADD CONSTRAINT "CodingTheme_codingId_fkey" FOREIGN KEY ("codingId") REFERENCES "Coding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodingTheme" ADD CONSTRAINT "CodingTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;


