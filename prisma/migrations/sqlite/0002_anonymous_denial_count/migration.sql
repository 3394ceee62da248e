-- CreateTable
CREATE TABLE "AnonymousDenialCount" (
    "minute" DATETIME NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL
);

