-- CreateTable
CREATE TABLE "SignInThrottleCount" (
    "hour" DATETIME NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("hour", "scope", "key")
);

-- CreateIndex
CREATE INDEX "SignInThrottleCount_hour_idx" ON "SignInThrottleCount"("hour");
