-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "subjectLabel" TEXT NOT NULL DEFAULT '',
    "before" TEXT NOT NULL DEFAULT '',
    "after" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AuditEntry_groupId_createdAt_id_idx" ON "AuditEntry"("groupId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Thread_groupId_createdAt_idx" ON "Thread"("groupId", "createdAt");

-- CreateIndex
CREATE INDEX "Poll_groupId_createdAt_idx" ON "Poll"("groupId", "createdAt");

-- CreateIndex
CREATE INDEX "Poll_groupId_outcomeAt_idx" ON "Poll"("groupId", "outcomeAt");

-- CreateIndex
CREATE INDEX "Meeting_groupId_createdAt_idx" ON "Meeting"("groupId", "createdAt");
