-- CreateTable
CREATE TABLE "Poll" (
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
    "restrictVoters" BOOLEAN NOT NULL DEFAULT false,
    "reminderSentAt" DATETIME,
    "outcomeStatement" TEXT,
    "outcomeOptionId" TEXT,
    "outcomeReviewOn" DATETIME,
    "outcomeAuthorId" TEXT,
    "outcomeAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Poll_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Poll_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Poll_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PollOption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pollId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" DATETIME,
    "addedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PollOption_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PollVoter" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("pollId", "userId"),
    CONSTRAINT "PollVoter_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PollVoter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PollParticipation" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "votedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("pollId", "userId"),
    CONSTRAINT "PollParticipation_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PollParticipation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pollId" TEXT NOT NULL,
    "voterId" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "receipt" TEXT NOT NULL,
    "castAt" DATETIME,
    "supersededAt" DATETIME,
    CONSTRAINT "Ballot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ballot_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotChoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ballotId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "score" INTEGER,
    "rank" INTEGER,
    CONSTRAINT "BallotChoice_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PollTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PollTemplate_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Poll_groupId_closedAt_idx" ON "Poll"("groupId", "closedAt");

-- CreateIndex
CREATE INDEX "Poll_threadId_idx" ON "Poll"("threadId");

-- CreateIndex
CREATE INDEX "Poll_closedAt_closingAt_idx" ON "Poll"("closedAt", "closingAt");

-- CreateIndex
CREATE INDEX "PollOption_pollId_position_idx" ON "PollOption"("pollId", "position");

-- CreateIndex
CREATE INDEX "PollParticipation_userId_idx" ON "PollParticipation"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_receipt_key" ON "Ballot"("receipt");

-- CreateIndex
CREATE INDEX "Ballot_pollId_supersededAt_idx" ON "Ballot"("pollId", "supersededAt");

-- CreateIndex
CREATE INDEX "Ballot_voterId_idx" ON "Ballot"("voterId");

-- CreateIndex
CREATE INDEX "BallotChoice_ballotId_idx" ON "BallotChoice"("ballotId");

-- CreateIndex
CREATE INDEX "BallotChoice_optionId_idx" ON "BallotChoice"("optionId");

-- CreateIndex
CREATE UNIQUE INDEX "PollTemplate_groupId_name_key" ON "PollTemplate"("groupId", "name");
