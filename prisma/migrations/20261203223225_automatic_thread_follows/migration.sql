-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ThreadFollow" (
    "userId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "following" BOOLEAN NOT NULL,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "threadId"),
    CONSTRAINT "ThreadFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThreadFollow_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ThreadFollow" ("following", "threadId", "updatedAt", "userId") SELECT "following", "threadId", "updatedAt", "userId" FROM "ThreadFollow";
DROP TABLE "ThreadFollow";
ALTER TABLE "new_ThreadFollow" RENAME TO "ThreadFollow";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
