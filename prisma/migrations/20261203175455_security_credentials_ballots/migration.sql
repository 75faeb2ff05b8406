-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "credentialVersion" INTEGER NOT NULL DEFAULT 0,
    "bio" TEXT NOT NULL DEFAULT '',
    "organisationId" TEXT,
    "avatarId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_avatarId_fkey" FOREIGN KEY ("avatarId") REFERENCES "Image" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("avatarId", "bio", "createdAt", "email", "id", "isAdmin", "name", "organisationId", "passwordHash") SELECT "avatarId", "bio", "createdAt", "email", "id", "isAdmin", "name", "organisationId", "passwordHash" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_avatarId_key" ON "User"("avatarId");
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Ballots and their choices become WITHOUT ROWID tables, stored in the order of their random ids:
-- a rowid would keep the order ballots were cast in, which matches the order of PollParticipation
-- rows and so would link each anonymous ballot to its voter. (Added by hand: Prisma's schema
-- language cannot say WITHOUT ROWID; a later rebuild of these tables must keep it.)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pollId" TEXT NOT NULL,
    "voterId" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "receipt" TEXT NOT NULL,
    "changeKeyHash" TEXT,
    "castAt" DATETIME,
    "supersededAt" DATETIME,
    CONSTRAINT "Ballot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ballot_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "new_Ballot" ("id", "pollId", "voterId", "reason", "receipt", "castAt", "supersededAt") SELECT "id", "pollId", "voterId", "reason", "receipt", "castAt", "supersededAt" FROM "Ballot" ORDER BY "id";
CREATE TABLE "new_BallotChoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ballotId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "score" INTEGER,
    "rank" INTEGER,
    CONSTRAINT "BallotChoice_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "new_BallotChoice" ("id", "ballotId", "optionId", "score", "rank") SELECT lower(hex(randomblob(16))), "ballotId", "optionId", "score", "rank" FROM "BallotChoice" ORDER BY "ballotId";
DROP TABLE "BallotChoice";
DROP TABLE "Ballot";
ALTER TABLE "new_Ballot" RENAME TO "Ballot";
ALTER TABLE "new_BallotChoice" RENAME TO "BallotChoice";
CREATE UNIQUE INDEX "Ballot_receipt_key" ON "Ballot"("receipt");
CREATE INDEX "Ballot_pollId_supersededAt_idx" ON "Ballot"("pollId", "supersededAt");
CREATE INDEX "Ballot_voterId_idx" ON "Ballot"("voterId");
CREATE INDEX "BallotChoice_ballotId_idx" ON "BallotChoice"("ballotId");
CREATE INDEX "BallotChoice_optionId_idx" ON "BallotChoice"("optionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
