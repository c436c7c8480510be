-- AlterTable
ALTER TABLE "Response" DROP COLUMN "updatedAt";

-- CreateTable
CREATE TABLE "PendingQuestion" (
    "userId" BIGINT NOT NULL,
    "chatId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "messageId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingQuestion_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "PendingQuestion_chatId_messageId_idx" ON "PendingQuestion"("chatId", "messageId");
