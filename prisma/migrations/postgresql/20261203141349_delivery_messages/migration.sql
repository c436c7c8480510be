-- CreateTable
CREATE TABLE "DeliveryMessage" (
    "id" SERIAL NOT NULL,
    "deliveryId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryMessage_deliveryId_position_key" ON "DeliveryMessage"("deliveryId", "position");

-- AddForeignKey
ALTER TABLE "DeliveryMessage" ADD CONSTRAINT "DeliveryMessage_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "ScheduledDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
