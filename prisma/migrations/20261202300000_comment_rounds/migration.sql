-- CreateEnum
CREATE TYPE "RoundState" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ThreadState" AS ENUM ('OPEN', 'ADDRESSED', 'ACCEPTED');

-- CreateTable
CREATE TABLE "CommentRound" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT,
    "dueAt" TIMESTAMP(3),
    "state" "RoundState" NOT NULL DEFAULT 'OPEN',
    "openedById" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "CommentRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundSection" (
    "roundId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "snapshotText" TEXT NOT NULL,
    "snapshotContent" JSONB NOT NULL,

    CONSTRAINT "RoundSection_pkey" PRIMARY KEY ("roundId","sectionId")
);

-- CreateTable
CREATE TABLE "CommentThread" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "roundId" TEXT,
    "anchorStart" TEXT,
    "anchorEnd" TEXT,
    "quote" TEXT,
    "state" "ThreadState" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "CommentThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "mentions" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommentRound_reviewId_number_key" ON "CommentRound"("reviewId", "number");

-- CreateIndex
CREATE INDEX "RoundSection_sectionId_idx" ON "RoundSection"("sectionId");

-- CreateIndex
CREATE INDEX "CommentThread_sectionId_deletedAt_idx" ON "CommentThread"("sectionId", "deletedAt");

-- CreateIndex
CREATE INDEX "CommentThread_roundId_idx" ON "CommentThread"("roundId");

-- CreateIndex
CREATE INDEX "Comment_threadId_createdAt_idx" ON "Comment"("threadId", "createdAt");

-- AddForeignKey
ALTER TABLE "CommentRound" ADD CONSTRAINT "CommentRound_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentRound" ADD CONSTRAINT "CommentRound_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentRound" ADD CONSTRAINT "CommentRound_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSection" ADD CONSTRAINT "RoundSection_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "CommentRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSection" ADD CONSTRAINT "RoundSection_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SynthesisSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentThread" ADD CONSTRAINT "CommentThread_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentThread" ADD CONSTRAINT "CommentThread_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SynthesisSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentThread" ADD CONSTRAINT "CommentThread_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "CommentRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentThread" ADD CONSTRAINT "CommentThread_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "CommentThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


