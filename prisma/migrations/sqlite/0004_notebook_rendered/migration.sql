-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN "rendered" TEXT;

