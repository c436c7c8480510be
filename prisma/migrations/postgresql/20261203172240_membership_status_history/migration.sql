-- CreateTable
CREATE TABLE "MembershipStatusChange" (
    "id" SERIAL NOT NULL,
    "membershipId" INTEGER NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MembershipStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MembershipStatusChange_membershipId_changedAt_idx" ON "MembershipStatusChange"("membershipId", "changedAt");

-- AddForeignKey
ALTER TABLE "MembershipStatusChange" ADD CONSTRAINT "MembershipStatusChange_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
