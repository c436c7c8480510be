-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cellId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "details" TEXT,
    "assignerMemberId" INTEGER,
    "partyGroupId" INTEGER,
    "meetingId" INTEGER,
    "dueAt" DATETIME,
    "weeklyCheck" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Task_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_assignerMemberId_fkey" FOREIGN KEY ("assignerMemberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Task_partyGroupId_fkey" FOREIGN KEY ("partyGroupId") REFERENCES "PartyGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Task_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Task" ("assignerMemberId", "cellId", "createdAt", "details", "dueAt", "id", "meetingId", "partyGroupId", "state", "title", "updatedAt") SELECT "assignerMemberId", "cellId", "createdAt", "details", "dueAt", "id", "meetingId", "partyGroupId", "state", "title", "updatedAt" FROM "Task";
DROP TABLE "Task";
ALTER TABLE "new_Task" RENAME TO "Task";
CREATE INDEX "Task_cellId_state_idx" ON "Task"("cellId", "state");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
