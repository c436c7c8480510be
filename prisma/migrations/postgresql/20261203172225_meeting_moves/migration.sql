-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "movedFromStartsAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Rsvp" ADD COLUMN     "beforeMove" BOOLEAN NOT NULL DEFAULT false;
