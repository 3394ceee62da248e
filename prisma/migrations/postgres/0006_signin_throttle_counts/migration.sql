-- CreateTable
CREATE TABLE "SignInThrottleCount" (
    "hour" TIMESTAMP(3) NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "SignInThrottleCount_pkey" PRIMARY KEY ("hour","scope","key")
);

-- CreateIndex
CREATE INDEX "SignInThrottleCount_hour_idx" ON "SignInThrottleCount"("hour");
