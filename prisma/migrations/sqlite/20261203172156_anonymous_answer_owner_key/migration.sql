-- AlterTable
ALTER TABLE "Response" ADD COLUMN "ownerKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Response_questionId_ownerKey_key" ON "Response"("questionId", "ownerKey");
