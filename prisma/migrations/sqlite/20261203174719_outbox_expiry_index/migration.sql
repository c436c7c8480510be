-- CreateIndex
CREATE INDEX "ScheduledDelivery_status_expiresAt_idx" ON "ScheduledDelivery"("status", "expiresAt");
