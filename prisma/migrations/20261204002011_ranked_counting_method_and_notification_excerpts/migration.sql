-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Poll" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "threadId" TEXT,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "template" TEXT,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "closingAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "hideResults" TEXT NOT NULL DEFAULT 'off',
    "allowChangeVote" BOOLEAN NOT NULL DEFAULT true,
    "showReasons" BOOLEAN NOT NULL DEFAULT true,
    "reasonRequired" BOOLEAN NOT NULL DEFAULT false,
    "allowBlock" BOOLEAN NOT NULL DEFAULT true,
    "votersAddOptions" BOOLEAN NOT NULL DEFAULT false,
    "shuffleOptions" BOOLEAN NOT NULL DEFAULT false,
    "minChoices" INTEGER,
    "maxChoices" INTEGER,
    "dotsPerPerson" INTEGER,
    "scoreMin" INTEGER,
    "scoreMax" INTEGER,
    "countTarget" INTEGER,
    "countingMethod" TEXT NOT NULL DEFAULT 'schulze',
    "restrictVoters" BOOLEAN NOT NULL DEFAULT false,
    "reminderSentAt" DATETIME,
    "outcomeStatement" TEXT,
    "outcomeOptionId" TEXT,
    "outcomeReviewOn" DATETIME,
    "outcomeAuthorId" TEXT,
    "outcomeAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "meetingId" TEXT,
    CONSTRAINT "Poll_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Poll_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Poll_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Poll_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Poll" ("allowBlock", "allowChangeVote", "anonymous", "authorId", "closedAt", "closingAt", "countTarget", "createdAt", "details", "dotsPerPerson", "groupId", "hideResults", "id", "kind", "maxChoices", "meetingId", "minChoices", "outcomeAt", "outcomeAuthorId", "outcomeOptionId", "outcomeReviewOn", "outcomeStatement", "reasonRequired", "reminderSentAt", "restrictVoters", "scoreMax", "scoreMin", "showReasons", "shuffleOptions", "template", "threadId", "title", "votersAddOptions") SELECT "allowBlock", "allowChangeVote", "anonymous", "authorId", "closedAt", "closingAt", "countTarget", "createdAt", "details", "dotsPerPerson", "groupId", "hideResults", "id", "kind", "maxChoices", "meetingId", "minChoices", "outcomeAt", "outcomeAuthorId", "outcomeOptionId", "outcomeReviewOn", "outcomeStatement", "reasonRequired", "reminderSentAt", "restrictVoters", "scoreMax", "scoreMin", "showReasons", "shuffleOptions", "template", "threadId", "title", "votersAddOptions" FROM "Poll";
DROP TABLE "Poll";
ALTER TABLE "new_Poll" RENAME TO "Poll";
CREATE INDEX "Poll_groupId_closedAt_idx" ON "Poll"("groupId", "closedAt");
CREATE INDEX "Poll_threadId_idx" ON "Poll"("threadId");
CREATE INDEX "Poll_closedAt_closingAt_idx" ON "Poll"("closedAt", "closingAt");
CREATE INDEX "Poll_meetingId_idx" ON "Poll"("meetingId");
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "groupId" TEXT,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL DEFAULT '',
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Notification" ("actorId", "createdAt", "groupId", "id", "kind", "readAt", "title", "url", "userId") SELECT "actorId", "createdAt", "groupId", "id", "kind", "readAt", "title", "url", "userId" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
