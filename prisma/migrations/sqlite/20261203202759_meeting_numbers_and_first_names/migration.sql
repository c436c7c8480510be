-- AlterTable
ALTER TABLE "Member" ADD COLUMN "firstName" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cellId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "scheduleId" INTEGER,
    "kind" TEXT NOT NULL DEFAULT 'regular',
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 120,
    "place" TEXT,
    "onlineLink" TEXT,
    "title" TEXT,
    "state" TEXT NOT NULL DEFAULT 'planned',
    "conclusions" TEXT,
    "announcementChatId" BIGINT,
    "announcementMessageId" INTEGER,
    "createdByMemberId" INTEGER,
    "checkinOpenedAt" DATETIME,
    "movedFromStartsAt" DATETIME,
    "closedAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "MeetingSchedule" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Backfill: each cell's meetings are numbered 1, 2, … in order of creation.
INSERT INTO "new_Meeting" ("announcementChatId", "announcementMessageId", "cancelledAt", "cellId", "checkinOpenedAt", "closedAt", "conclusions", "createdAt", "createdByMemberId", "durationMinutes", "id", "kind", "movedFromStartsAt", "number", "onlineLink", "place", "scheduleId", "startsAt", "state", "title", "updatedAt") SELECT "announcementChatId", "announcementMessageId", "cancelledAt", "cellId", "checkinOpenedAt", "closedAt", "conclusions", "createdAt", "createdByMemberId", "durationMinutes", "id", "kind", "movedFromStartsAt", ROW_NUMBER() OVER (PARTITION BY "cellId" ORDER BY "createdAt", "id"), "onlineLink", "place", "scheduleId", "startsAt", "state", "title", "updatedAt" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_cellId_startsAt_idx" ON "Meeting"("cellId", "startsAt");
CREATE UNIQUE INDEX "Meeting_scheduleId_startsAt_key" ON "Meeting"("scheduleId", "startsAt");
CREATE UNIQUE INDEX "Meeting_cellId_number_key" ON "Meeting"("cellId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
