-- CreateEnum
CREATE TYPE "ScreeningChoice" AS ENUM ('INCLUDE', 'EXCLUDE', 'MAYBE');

-- CreateEnum
CREATE TYPE "ScreeningState" AS ENUM ('UNSCREENED', 'IN_PROGRESS', 'CONFLICT', 'INCLUDED', 'EXCLUDED');

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "screeningVotesRequired" INTEGER NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "ReviewItem" ADD COLUMN     "deletedById" TEXT,
ADD COLUMN     "duplicateOfId" TEXT,
ADD COLUMN     "exclusionReasonId" TEXT,
ADD COLUMN     "screeningState" "ScreeningState" NOT NULL DEFAULT 'UNSCREENED';

-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "exclusionReasonId" TEXT,
ADD COLUMN     "revertsId" TEXT;

-- CreateTable
CREATE TABLE "ExclusionReason" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "labelZh" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExclusionReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemAssignment" (
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assignedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ItemAssignment_pkey" PRIMARY KEY ("itemId","userId")
);

-- CreateTable
CREATE TABLE "ScreeningVote" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "choice" "ScreeningChoice" NOT NULL,
    "reasonId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScreeningVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningDecision" (
    "itemId" TEXT NOT NULL,
    "choice" "ScreeningChoice" NOT NULL,
    "reasonId" TEXT,
    "note" TEXT,
    "resolvedById" TEXT,
    "wasConflict" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreeningDecision_pkey" PRIMARY KEY ("itemId")
);

-- CreateIndex
CREATE INDEX "ExclusionReason_reviewId_position_idx" ON "ExclusionReason"("reviewId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ExclusionReason_reviewId_labelZh_key" ON "ExclusionReason"("reviewId", "labelZh");

-- CreateIndex
CREATE INDEX "ItemAssignment_userId_idx" ON "ItemAssignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ScreeningVote_itemId_userId_key" ON "ScreeningVote"("itemId", "userId");

-- CreateIndex
CREATE INDEX "ReviewItem_reviewId_screeningState_idx" ON "ReviewItem"("reviewId", "screeningState");

-- CreateIndex
CREATE UNIQUE INDEX "StatusChange_revertsId_key" ON "StatusChange"("revertsId");

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_exclusionReasonId_fkey" FOREIGN KEY ("exclusionReasonId") REFERENCES "ExclusionReason"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "ReviewItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExclusionReason" ADD CONSTRAINT "ExclusionReason_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemAssignment" ADD CONSTRAINT "ItemAssignment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemAssignment" ADD CONSTRAINT "ItemAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemAssignment" ADD CONSTRAINT "ItemAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningVote" ADD CONSTRAINT "ScreeningVote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningVote" ADD CONSTRAINT "ScreeningVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningVote" ADD CONSTRAINT "ScreeningVote_reasonId_fkey" FOREIGN KEY ("reasonId") REFERENCES "ExclusionReason"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningDecision" ADD CONSTRAINT "ScreeningDecision_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningDecision" ADD CONSTRAINT "ScreeningDecision_reasonId_fkey" FOREIGN KEY ("reasonId") REFERENCES "ExclusionReason"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningDecision" ADD CONSTRAINT "ScreeningDecision_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_exclusionReasonId_fkey" FOREIGN KEY ("exclusionReasonId") REFERENCES "ExclusionReason"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_revertsId_fkey" FOREIGN KEY ("revertsId") REFERENCES "StatusChange"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Data: reviews created before exclusion reasons existed get the default list (same as lib/stages/default-exclusion-reasons.ts).
INSERT INTO "ExclusionReason" ("id", "reviewId", "labelZh", "labelEn", "position")
SELECT 'er' || md5(r."id" || d.position::text), r."id", d."labelZh", d."labelEn", d.position
FROM "Review" r
CROSS JOIN (VALUES
  (0, '主题不相关', 'Off-topic'),
  (1, '非学术文献', 'Not a scholarly work'),
  (2, '研究设计不符', 'Wrong study design'),
  (3, '无法获取全文', 'Full text unavailable'),
  (4, '语言或时间范围不符', 'Outside language or date range')
) AS d(position, "labelZh", "labelEn");
