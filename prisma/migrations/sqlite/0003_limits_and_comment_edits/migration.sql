-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "deletedAt" DATETIME;
ALTER TABLE "Comment" ADD COLUMN "editedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HandoffRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "handoffId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "keptFor" TEXT NOT NULL DEFAULT '',
    "compactedAt" DATETIME,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HandoffRevision_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HandoffRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HandoffRevision" ("authorId", "createdAt", "handoffId", "id", "message", "snapshot", "version") SELECT "authorId", "createdAt", "handoffId", "id", "message", "snapshot", "version" FROM "HandoffRevision";
DROP TABLE "HandoffRevision";
ALTER TABLE "new_HandoffRevision" RENAME TO "HandoffRevision";
CREATE UNIQUE INDEX "HandoffRevision_handoffId_version_key" ON "HandoffRevision"("handoffId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

