-- CreateTable
CREATE TABLE "HandoffApproval" (
    "id" TEXT NOT NULL,
    "handoffId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandoffApproval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HandoffApproval_userId_idx" ON "HandoffApproval"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "HandoffApproval_handoffId_userId_key" ON "HandoffApproval"("handoffId", "userId");

-- AddForeignKey
ALTER TABLE "HandoffApproval" ADD CONSTRAINT "HandoffApproval_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffApproval" ADD CONSTRAINT "HandoffApproval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

