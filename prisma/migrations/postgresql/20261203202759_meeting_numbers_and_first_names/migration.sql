-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "number" INTEGER;

-- Backfill: each cell's meetings are numbered 1, 2, … in order of creation.
UPDATE "Meeting" AS m
   SET "number" = n."rn"
  FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "cellId" ORDER BY "createdAt", "id") AS "rn" FROM "Meeting") AS n
 WHERE m."id" = n."id";

ALTER TABLE "Meeting" ALTER COLUMN "number" SET NOT NULL;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "firstName" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_cellId_number_key" ON "Meeting"("cellId", "number");
