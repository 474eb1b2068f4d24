-- CreateEnum
CREATE TYPE "CitationStyle" AS ENUM ('GBT7714_NUMERIC', 'GBT7714_AUTHOR_DATE', 'APA');

-- CreateEnum
CREATE TYPE "SectionStatus" AS ENUM ('DRAFTING', 'READY_FOR_REVIEW', 'REVISED', 'APPROVED');

-- CreateEnum
CREATE TYPE "SectionVersionKind" AS ENUM ('AUTO', 'NAMED', 'BEFORE_RESTORE');

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "citationStyle" "CitationStyle" NOT NULL DEFAULT 'GBT7714_NUMERIC';

-- CreateTable
CREATE TABLE "SynthesisSection" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "themeId" TEXT,
    "status" "SectionStatus" NOT NULL DEFAULT 'DRAFTING',
    "ownerId" TEXT,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,

    CONSTRAINT "SynthesisSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SectionDocument" (
    "sectionId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "citedItemIds" TEXT[],
    "quotedCodingIds" TEXT[],
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SectionDocument_pkey" PRIMARY KEY ("sectionId")
);

-- CreateTable
CREATE TABLE "SectionVersion" (
    "id" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "kind" "SectionVersionKind" NOT NULL,
    "name" TEXT,
    "state" BYTEA NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SectionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SynthesisSection_reviewId_deletedAt_position_idx" ON "SynthesisSection"("reviewId", "deletedAt", "position");

-- CreateIndex
CREATE INDEX "SectionDocument_quotedCodingIds_idx" ON "SectionDocument" USING GIN ("quotedCodingIds");

-- CreateIndex
CREATE INDEX "SectionVersion_sectionId_createdAt_idx" ON "SectionVersion"("sectionId", "createdAt");

-- AddForeignKey
ALTER TABLE "SynthesisSection" ADD CONSTRAINT "SynthesisSection_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisSection" ADD CONSTRAINT "SynthesisSection_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisSection" ADD CONSTRAINT "SynthesisSection_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisSection" ADD CONSTRAINT "SynthesisSection_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisSection" ADD CONSTRAINT "SynthesisSection_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionDocument" ADD CONSTRAINT "SectionDocument_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SynthesisSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionDocument" ADD CONSTRAINT "SectionDocument_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionVersion" ADD CONSTRAINT "SectionVersion_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SynthesisSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionVersion" ADD CONSTRAINT "SectionVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


