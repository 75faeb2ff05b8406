-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "pollId" TEXT,
    "documentVersionId" TEXT,
    "title" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "verdict" TEXT NOT NULL DEFAULT '',
    "decidedAt" DATETIME NOT NULL,
    "ownerId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'agreed',
    "reviewOn" DATETIME,
    "reviewRemindedAt" DATETIME,
    "supersededById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Decision_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Decision_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Decision_documentVersionId_fkey" FOREIGN KEY ("documentVersionId") REFERENCES "DocumentVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Decision_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Decision_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Decision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DecisionNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DecisionNote_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DecisionNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATETIME,
    "doneAt" DATETIME,
    "doneById" TEXT,
    "createdById" TEXT NOT NULL,
    "threadId" TEXT,
    "commentId" TEXT,
    "meetingId" TEXT,
    "docCommentId" TEXT,
    "decisionId" TEXT,
    "sourceKey" TEXT,
    "dueRemindedAt" DATETIME,
    "overdueRemindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Task_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Task_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_docCommentId_fkey" FOREIGN KEY ("docCommentId") REFERENCES "DocComment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskAssignee" (
    "taskId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("taskId", "userId"),
    CONSTRAINT "TaskAssignee_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TaskAssignee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AckRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "requestedById" TEXT,
    "lastRemindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AckRequest_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AckRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Acknowledgement" (
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("requestId", "userId"),
    CONSTRAINT "Acknowledgement_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AckRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Acknowledgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeSeen" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("pollId", "userId"),
    CONSTRAINT "OutcomeSeen_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeSeen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (columns added in place: redefining Poll would break the search triggers that name it)
ALTER TABLE "Group" ADD COLUMN "votingRuleDefaults" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "Poll" ADD COLUMN "quorumCount" INTEGER;
ALTER TABLE "Poll" ADD COLUMN "quorumPercent" INTEGER;
ALTER TABLE "Poll" ADD COLUMN "thresholdRule" TEXT;
ALTER TABLE "Poll" ADD COLUMN "thresholdPercent" INTEGER;
ALTER TABLE "Poll" ADD COLUMN "thresholdBase" TEXT NOT NULL DEFAULT 'votes_cast';
ALTER TABLE "Poll" ADD COLUMN "reasonRequiredFor" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Poll" ADD COLUMN "opensAt" DATETIME;
ALTER TABLE "Poll" ADD COLUMN "openedNoticeAt" DATETIME;
ALTER TABLE "Poll" ADD COLUMN "eligibleAtClose" INTEGER;
CREATE INDEX "Poll_opensAt_openedNoticeAt_idx" ON "Poll"("opensAt", "openedNoticeAt");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_pollId_key" ON "Decision"("pollId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_documentVersionId_key" ON "Decision"("documentVersionId");

-- CreateIndex
CREATE INDEX "Decision_groupId_decidedAt_idx" ON "Decision"("groupId", "decidedAt");

-- CreateIndex
CREATE INDEX "Decision_groupId_status_idx" ON "Decision"("groupId", "status");

-- CreateIndex
CREATE INDEX "Decision_ownerId_idx" ON "Decision"("ownerId");

-- CreateIndex
CREATE INDEX "Decision_reviewOn_reviewRemindedAt_idx" ON "Decision"("reviewOn", "reviewRemindedAt");

-- CreateIndex
CREATE INDEX "Decision_supersededById_idx" ON "Decision"("supersededById");

-- CreateIndex
CREATE INDEX "DecisionNote_decisionId_createdAt_idx" ON "DecisionNote"("decisionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Task_sourceKey_key" ON "Task"("sourceKey");

-- CreateIndex
CREATE INDEX "Task_groupId_doneAt_idx" ON "Task"("groupId", "doneAt");

-- CreateIndex
CREATE INDEX "Task_threadId_idx" ON "Task"("threadId");

-- CreateIndex
CREATE INDEX "Task_commentId_idx" ON "Task"("commentId");

-- CreateIndex
CREATE INDEX "Task_meetingId_idx" ON "Task"("meetingId");

-- CreateIndex
CREATE INDEX "Task_docCommentId_idx" ON "Task"("docCommentId");

-- CreateIndex
CREATE INDEX "Task_decisionId_idx" ON "Task"("decisionId");

-- CreateIndex
CREATE INDEX "Task_doneAt_dueOn_idx" ON "Task"("doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "TaskAssignee_userId_idx" ON "TaskAssignee"("userId");

-- CreateIndex
CREATE INDEX "AckRequest_groupId_idx" ON "AckRequest"("groupId");

-- CreateIndex
CREATE INDEX "AckRequest_lastRemindedAt_idx" ON "AckRequest"("lastRemindedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AckRequest_subjectType_subjectId_key" ON "AckRequest"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "Acknowledgement_userId_idx" ON "Acknowledgement"("userId");

-- CreateIndex
CREATE INDEX "OutcomeSeen_userId_idx" ON "OutcomeSeen"("userId");
