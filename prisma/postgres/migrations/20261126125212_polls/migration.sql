-- CreateEnum
CREATE TYPE "PollKind" AS ENUM ('proposal', 'poll', 'count', 'check', 'question', 'score', 'dot_vote', 'ranked_choice', 'meeting');

-- CreateEnum
CREATE TYPE "HideResults" AS ENUM ('off', 'until_vote', 'until_closed');

-- CreateTable
CREATE TABLE "Poll" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "threadId" TEXT,
    "authorId" TEXT NOT NULL,
    "kind" "PollKind" NOT NULL,
    "template" TEXT,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "closingAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "hideResults" "HideResults" NOT NULL DEFAULT 'off',
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
    "reminderSentAt" TIMESTAMP(3),
    "outcomeStatement" TEXT,
    "outcomeOptionId" TEXT,
    "outcomeReviewOn" TIMESTAMP(3),
    "outcomeAuthorId" TEXT,
    "outcomeAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollOption" (
    "id" TEXT NOT NULL,
    "pollId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3),
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollVoter" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "PollVoter_pkey" PRIMARY KEY ("pollId","userId")
);

-- CreateTable
CREATE TABLE "PollParticipation" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "votedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollParticipation_pkey" PRIMARY KEY ("pollId","userId")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "pollId" TEXT NOT NULL,
    "voterId" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "receipt" TEXT NOT NULL,
    "castAt" TIMESTAMP(3),
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotChoice" (
    "id" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "score" INTEGER,
    "rank" INTEGER,

    CONSTRAINT "BallotChoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollTemplate" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PollKind" NOT NULL,
    "settings" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollTemplate_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollOption" ADD CONSTRAINT "PollOption_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollVoter" ADD CONSTRAINT "PollVoter_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollVoter" ADD CONSTRAINT "PollVoter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollParticipation" ADD CONSTRAINT "PollParticipation_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollParticipation" ADD CONSTRAINT "PollParticipation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotChoice" ADD CONSTRAINT "BallotChoice_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollTemplate" ADD CONSTRAINT "PollTemplate_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
