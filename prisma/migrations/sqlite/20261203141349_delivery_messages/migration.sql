-- CreateTable
CREATE TABLE "DeliveryMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deliveryId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER,
    "sentAt" DATETIME NOT NULL,
    CONSTRAINT "DeliveryMessage_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "ScheduledDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryMessage_deliveryId_position_key" ON "DeliveryMessage"("deliveryId", "position");
