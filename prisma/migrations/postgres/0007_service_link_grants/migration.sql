-- AlterTable
ALTER TABLE "MilestoneService" ADD COLUMN     "grantsEdit" BOOLEAN NOT NULL DEFAULT false;


-- Links made before this migration keep granting: today's service editors stay editors. From here
-- on a link grants only when whoever makes it could already edit the service.
UPDATE "MilestoneService" SET "grantsEdit" = true;
