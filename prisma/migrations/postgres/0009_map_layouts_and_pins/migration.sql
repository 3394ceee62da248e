-- CreateTable
CREATE TABLE "MapLayout" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "layout" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MapLayout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MapPin" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "pinnedById" TEXT,
    "pinnedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MapPin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MapLayout_scope_createdAt_idx" ON "MapLayout"("scope", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MapLayout_scope_version_key" ON "MapLayout"("scope", "version");

-- CreateIndex
CREATE INDEX "MapPin_pinnedById_idx" ON "MapPin"("pinnedById");

-- CreateIndex
CREATE UNIQUE INDEX "MapPin_projectId_nodeId_key" ON "MapPin"("projectId", "nodeId");

-- AddForeignKey
ALTER TABLE "MapPin" ADD CONSTRAINT "MapPin_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MapPin" ADD CONSTRAINT "MapPin_pinnedById_fkey" FOREIGN KEY ("pinnedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

