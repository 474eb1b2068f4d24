-- CreateEnum
CREATE TYPE "FileExtractionState" AS ENUM ('QUEUED', 'EXTRACTING', 'OCR_QUEUED', 'OCR_RUNNING', 'DONE', 'FAILED', 'OCR_UNAVAILABLE');

-- CreateTable
CREATE TABLE "FileBlob" (
    "sha256" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FileBlob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "ItemFile" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "isMain" BOOLEAN NOT NULL DEFAULT false,
    "pageCount" INTEGER,
    "state" "FileExtractionState" NOT NULL DEFAULT 'QUEUED',
    "pagesDone" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "errorDetail" TEXT,
    "extractedText" TEXT,
    "pageStarts" INTEGER[],
    "footnotes" JSONB NOT NULL DEFAULT '[]',
    "usedOcr" BOOLEAN NOT NULL DEFAULT false,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "textAppliedAt" TIMESTAMP(3),
    "textDeclinedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ItemFile_reviewId_state_idx" ON "ItemFile"("reviewId", "state");

-- CreateIndex
CREATE INDEX "ItemFile_sha256_idx" ON "ItemFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "ItemFile_itemId_sha256_key" ON "ItemFile"("itemId", "sha256");

-- AddForeignKey
ALTER TABLE "ItemFile" ADD CONSTRAINT "ItemFile_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemFile" ADD CONSTRAINT "ItemFile_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemFile" ADD CONSTRAINT "ItemFile_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "FileBlob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemFile" ADD CONSTRAINT "ItemFile_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


