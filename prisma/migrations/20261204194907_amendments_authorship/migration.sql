-- AlterTable
ALTER TABLE "DocumentVersionAuthor" ADD COLUMN "suggestionsAccepted" INTEGER;
ALTER TABLE "DocumentVersionAuthor" ADD COLUMN "wordsAdded" INTEGER;
ALTER TABLE "DocumentVersionAuthor" ADD COLUMN "wordsRemoved" INTEGER;

-- CreateTable
CREATE TABLE "Amendment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "proposedById" TEXT NOT NULL,
    "passage" TEXT NOT NULL,
    "replacement" TEXT NOT NULL,
    "pollId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "result" TEXT NOT NULL DEFAULT '',
    "versionId" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Amendment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Amendment_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Amendment_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Amendment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentClient" (
    "documentId" TEXT NOT NULL,
    "clientId" BIGINT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("documentId", "clientId"),
    CONSTRAINT "DocumentClient_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentClient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentDeleteSet" (
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deleteSet" BLOB NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("documentId", "userId"),
    CONSTRAINT "DocumentDeleteSet_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentDeleteSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (a column added in place: redefining Suggestion would copy every row for nothing)
ALTER TABLE "Suggestion" ADD COLUMN "amendmentId" TEXT REFERENCES "Amendment" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Suggestion_amendmentId_idx" ON "Suggestion"("amendmentId");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_NotificationSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "level" TEXT,
    "pushLevel" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NotificationSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_NotificationSetting" ("id", "level", "pushLevel", "scope", "updatedAt", "userId") SELECT "id", "level", "pushLevel", "scope", "updatedAt", "userId" FROM "NotificationSetting";
DROP TABLE "NotificationSetting";
ALTER TABLE "new_NotificationSetting" RENAME TO "NotificationSetting";
CREATE UNIQUE INDEX "NotificationSetting_userId_scope_key" ON "NotificationSetting"("userId", "scope");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Amendment_versionId_key" ON "Amendment"("versionId");

-- CreateIndex
CREATE INDEX "Amendment_pollId_idx" ON "Amendment"("pollId");

-- CreateIndex
CREATE INDEX "Amendment_documentId_status_idx" ON "Amendment"("documentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Amendment_documentId_number_key" ON "Amendment"("documentId", "number");

-- CreateIndex
CREATE INDEX "DocumentClient_userId_idx" ON "DocumentClient"("userId");

-- CreateIndex
CREATE INDEX "DocumentDeleteSet_userId_idx" ON "DocumentDeleteSet"("userId");
