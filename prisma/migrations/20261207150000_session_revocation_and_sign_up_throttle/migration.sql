-- CreateEnum
CREATE TYPE "AuthAttemptKind" AS ENUM ('SIGN_IN', 'SIGN_UP');

-- AlterTable
ALTER TABLE "SignInAttempt" ADD COLUMN     "kind" "AuthAttemptKind" NOT NULL DEFAULT 'SIGN_IN';

-- CreateTable
CREATE TABLE "RevokedSession" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_clientKey_createdAt_idx" ON "SignInAttempt"("email", "clientKey", "createdAt");


