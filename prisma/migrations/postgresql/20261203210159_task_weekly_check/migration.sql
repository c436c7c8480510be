-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "weeklyCheck" BOOLEAN NOT NULL DEFAULT false;
