-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MilestoneService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "milestoneId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantsEdit" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "MilestoneService_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MilestoneService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MilestoneService" ("createdAt", "id", "milestoneId", "serviceId") SELECT "createdAt", "id", "milestoneId", "serviceId" FROM "MilestoneService";
DROP TABLE "MilestoneService";
ALTER TABLE "new_MilestoneService" RENAME TO "MilestoneService";
CREATE INDEX "MilestoneService_serviceId_idx" ON "MilestoneService"("serviceId");
CREATE UNIQUE INDEX "MilestoneService_milestoneId_serviceId_key" ON "MilestoneService"("milestoneId", "serviceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Links made before this migration keep granting: today's service editors stay editors. From here
-- on a link grants only when whoever makes it could already edit the service.
UPDATE "MilestoneService" SET "grantsEdit" = 1;
