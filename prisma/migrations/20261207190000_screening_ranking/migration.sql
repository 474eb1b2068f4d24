-- CreateEnum
CREATE TYPE "ScreeningStopRule" AS ENUM ('CONSECUTIVE_EXCLUSIONS', 'ESTIMATED_RECALL');

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "screeningStopRule" "ScreeningStopRule" NOT NULL DEFAULT 'CONSECUTIVE_EXCLUSIONS',
ADD COLUMN     "screeningStopValue" INTEGER NOT NULL DEFAULT 100;

-- CreateTable
CREATE TABLE "ScreeningRanking" (
    "reviewId" TEXT NOT NULL,
    "trainedAt" TIMESTAMP(3) NOT NULL,
    "includedCount" INTEGER NOT NULL,
    "excludedCount" INTEGER NOT NULL,
    "scoredCount" INTEGER NOT NULL,
    "featureCount" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "estimatedRemaining" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ScreeningRanking_pkey" PRIMARY KEY ("reviewId")
);

-- CreateTable
CREATE TABLE "ScreeningScore" (
    "itemId" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "terms" TEXT[],

    CONSTRAINT "ScreeningScore_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "ScreeningStop" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "rule" "ScreeningStopRule" NOT NULL,
    "ruleValue" INTEGER NOT NULL,
    "decidedCount" INTEGER NOT NULL,
    "undecidedCount" INTEGER NOT NULL,
    "sinceLastInclusion" INTEGER NOT NULL,
    "estimatedRemaining" DOUBLE PRECISION,
    "note" TEXT,
    "stoppedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreeningStop_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScreeningScore_reviewId_score_idx" ON "ScreeningScore"("reviewId", "score");

-- CreateIndex
CREATE INDEX "ScreeningStop_reviewId_createdAt_idx" ON "ScreeningStop"("reviewId", "createdAt");

-- AddForeignKey
ALTER TABLE "ScreeningRanking" ADD CONSTRAINT "ScreeningRanking_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningScore" ADD CONSTRAINT "ScreeningScore_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningStop" ADD CONSTRAINT "ScreeningStop_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningStop" ADD CONSTRAINT "ScreeningStop_stoppedById_fkey" FOREIGN KEY ("stoppedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


