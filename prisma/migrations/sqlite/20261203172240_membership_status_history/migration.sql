-- CreateTable
CREATE TABLE "MembershipStatusChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "membershipId" INTEGER NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL,
    CONSTRAINT "MembershipStatusChange_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MembershipStatusChange_membershipId_changedAt_idx" ON "MembershipStatusChange"("membershipId", "changedAt");
