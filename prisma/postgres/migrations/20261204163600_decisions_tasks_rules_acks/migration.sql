-- CreateEnum
CREATE TYPE "ThresholdRule" AS ENUM ('simple_majority', 'two_thirds', 'custom', 'no_blocks');

-- CreateEnum
CREATE TYPE "ThresholdBase" AS ENUM ('votes_cast', 'eligible');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('agreed', 'in_progress', 'done', 'dropped', 'superseded');

-- CreateEnum
CREATE TYPE "AckSubject" AS ENUM ('outcome', 'document_version', 'minutes');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'task_assigned';
ALTER TYPE "NotificationKind" ADD VALUE 'task_due';
ALTER TYPE "NotificationKind" ADD VALUE 'decision_review';
ALTER TYPE "NotificationKind" ADD VALUE 'ack_requested';

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "votingRuleDefaults" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Poll" ADD COLUMN     "eligibleAtClose" INTEGER,
ADD COLUMN     "openedNoticeAt" TIMESTAMP(3),
ADD COLUMN     "opensAt" TIMESTAMP(3),
ADD COLUMN     "quorumCount" INTEGER,
ADD COLUMN     "quorumPercent" INTEGER,
ADD COLUMN     "reasonRequiredFor" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "thresholdBase" "ThresholdBase" NOT NULL DEFAULT 'votes_cast',
ADD COLUMN     "thresholdPercent" INTEGER,
ADD COLUMN     "thresholdRule" "ThresholdRule";

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "pollId" TEXT,
    "documentVersionId" TEXT,
    "title" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "verdict" TEXT NOT NULL DEFAULT '',
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "ownerId" TEXT,
    "status" "DecisionStatus" NOT NULL DEFAULT 'agreed',
    "reviewOn" TIMESTAMP(3),
    "reviewRemindedAt" TIMESTAMP(3),
    "supersededById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionNote" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "DecisionStatus",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,
    "createdById" TEXT NOT NULL,
    "threadId" TEXT,
    "commentId" TEXT,
    "meetingId" TEXT,
    "docCommentId" TEXT,
    "decisionId" TEXT,
    "sourceKey" TEXT,
    "dueRemindedAt" TIMESTAMP(3),
    "overdueRemindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAssignee" (
    "taskId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "TaskAssignee_pkey" PRIMARY KEY ("taskId","userId")
);

-- CreateTable
CREATE TABLE "AckRequest" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "subjectType" "AckSubject" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "requestedById" TEXT,
    "lastRemindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AckRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Acknowledgement" (
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Acknowledgement_pkey" PRIMARY KEY ("requestId","userId")
);

-- CreateTable
CREATE TABLE "OutcomeSeen" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeSeen_pkey" PRIMARY KEY ("pollId","userId")
);

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

-- CreateIndex
CREATE INDEX "Poll_opensAt_openedNoticeAt_idx" ON "Poll"("opensAt", "openedNoticeAt");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_documentVersionId_fkey" FOREIGN KEY ("documentVersionId") REFERENCES "DocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionNote" ADD CONSTRAINT "DecisionNote_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionNote" ADD CONSTRAINT "DecisionNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_docCommentId_fkey" FOREIGN KEY ("docCommentId") REFERENCES "DocComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AckRequest" ADD CONSTRAINT "AckRequest_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AckRequest" ADD CONSTRAINT "AckRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AckRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeSeen" ADD CONSTRAINT "OutcomeSeen_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeSeen" ADD CONSTRAINT "OutcomeSeen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
