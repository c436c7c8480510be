-- CreateTable
CREATE TABLE "PendingQuestion" (
    "userId" BIGINT NOT NULL PRIMARY KEY,
    "chatId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "messageId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Response" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "promptId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "memberId" INTEGER,
    "choice" INTEGER,
    "rating" INTEGER,
    "text" TEXT,
    "voiceFileId" TEXT,
    "answeredOn" DATETIME NOT NULL,
    CONSTRAINT "Response_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Response_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Response_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Response" ("answeredOn", "choice", "id", "memberId", "promptId", "questionId", "rating", "text", "voiceFileId") SELECT "answeredOn", "choice", "id", "memberId", "promptId", "questionId", "rating", "text", "voiceFileId" FROM "Response";
DROP TABLE "Response";
ALTER TABLE "new_Response" RENAME TO "Response";
CREATE INDEX "Response_promptId_questionId_idx" ON "Response"("promptId", "questionId");
CREATE INDEX "Response_memberId_idx" ON "Response"("memberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PendingQuestion_chatId_messageId_idx" ON "PendingQuestion"("chatId", "messageId");
