-- CreateTable
CREATE TABLE "AnonymousDenialCount" (
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "AnonymousDenialCount_pkey" PRIMARY KEY ("minute")
);

