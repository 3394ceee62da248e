-- AlterTable
ALTER TABLE "HandoffRevision" ADD COLUMN     "compactedAt" TIMESTAMP(3),
ADD COLUMN     "keptFor" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "editedAt" TIMESTAMP(3);

