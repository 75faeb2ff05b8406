-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "groupId" TEXT,
    "threadId" TEXT,
    "pollId" TEXT,
    "authorId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SearchEntry_createdAt_idx" ON "SearchEntry"("createdAt");

-- CreateIndex
CREATE INDEX "SearchEntry_groupId_createdAt_idx" ON "SearchEntry"("groupId", "createdAt");

-- CreateIndex
CREATE INDEX "SearchEntry_type_createdAt_idx" ON "SearchEntry"("type", "createdAt");

-- CreateIndex
CREATE INDEX "SearchEntry_threadId_idx" ON "SearchEntry"("threadId");

-- CreateIndex
CREATE INDEX "SearchEntry_pollId_idx" ON "SearchEntry"("pollId");

-- CreateIndex
CREATE INDEX "SearchEntry_authorId_idx" ON "SearchEntry"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_type_subjectId_key" ON "SearchEntry"("type", "subjectId");

-- The search index (src/server/search/). Everything below is written by hand: Prisma knows only
-- the SearchEntry table. The triggers keep SearchEntry in step with the rows it copies, inside the
-- same transaction as each write, and SearchEntryText indexes its words (FTS5, external content:
-- it stores only the index and reads the text from SearchEntry).
CREATE VIRTUAL TABLE "SearchEntryText" USING fts5(
  "title", "body",
  content = 'SearchEntry', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "SearchEntry_text_insert" AFTER INSERT ON "SearchEntry" BEGIN
  INSERT INTO "SearchEntryText" (rowid, "title", "body") VALUES (NEW."id", NEW."title", NEW."body");
END;
CREATE TRIGGER "SearchEntry_text_delete" AFTER DELETE ON "SearchEntry" BEGIN
  INSERT INTO "SearchEntryText" ("SearchEntryText", rowid, "title", "body") VALUES ('delete', OLD."id", OLD."title", OLD."body");
END;
CREATE TRIGGER "SearchEntry_text_update" AFTER UPDATE OF "title", "body" ON "SearchEntry" BEGIN
  INSERT INTO "SearchEntryText" ("SearchEntryText", rowid, "title", "body") VALUES ('delete', OLD."id", OLD."title", OLD."body");
  INSERT INTO "SearchEntryText" (rowid, "title", "body") VALUES (NEW."id", NEW."title", NEW."body");
END;

-- Threads: title and body.
CREATE TRIGGER "Thread_search_insert" AFTER INSERT ON "Thread" BEGIN
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "authorId", "title", "body", "createdAt")
  VALUES ('thread', NEW."id", NEW."groupId", NEW."id", NEW."authorId", substr(NEW."title", 1, 100000), substr(NEW."body", 1, 100000), NEW."createdAt");
END;
CREATE TRIGGER "Thread_search_update" AFTER UPDATE OF "title", "body" ON "Thread"
WHEN OLD."title" IS NOT NEW."title" OR OLD."body" IS NOT NEW."body" BEGIN
  UPDATE "SearchEntry" SET "title" = substr(NEW."title", 1, 100000), "body" = substr(NEW."body", 1, 100000)
  WHERE "type" = 'thread' AND "subjectId" = NEW."id";
END;
-- A moved thread takes its comments along (its polls stay in their group).
CREATE TRIGGER "Thread_search_move" AFTER UPDATE OF "groupId" ON "Thread" WHEN OLD."groupId" IS NOT NEW."groupId" BEGIN
  UPDATE "SearchEntry" SET "groupId" = NEW."groupId" WHERE "threadId" = NEW."id" AND "type" IN ('thread', 'comment');
END;
CREATE TRIGGER "Thread_search_delete" AFTER DELETE ON "Thread" BEGIN
  DELETE FROM "SearchEntry" WHERE "threadId" = OLD."id" AND "type" IN ('thread', 'comment');
END;

-- Comments, until they are deleted (a deleted comment keeps its row, without its text).
CREATE TRIGGER "Comment_search_insert" AFTER INSERT ON "Comment" WHEN NEW."deletedAt" IS NULL BEGIN
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "authorId", "title", "body", "createdAt")
  SELECT 'comment', NEW."id", t."groupId", NEW."threadId", NEW."authorId", '', substr(NEW."body", 1, 100000), NEW."createdAt"
  FROM "Thread" t WHERE t."id" = NEW."threadId";
END;
CREATE TRIGGER "Comment_search_update" AFTER UPDATE OF "body" ON "Comment"
WHEN NEW."deletedAt" IS NULL AND OLD."body" IS NOT NEW."body" BEGIN
  UPDATE "SearchEntry" SET "body" = substr(NEW."body", 1, 100000) WHERE "type" = 'comment' AND "subjectId" = NEW."id";
END;
CREATE TRIGGER "Comment_search_remove" AFTER UPDATE OF "deletedAt" ON "Comment" WHEN NEW."deletedAt" IS NOT NULL BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'comment' AND "subjectId" = NEW."id";
END;
CREATE TRIGGER "Comment_search_delete" AFTER DELETE ON "Comment" BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'comment' AND "subjectId" = OLD."id";
END;

-- Polls: title and details; the outcome statement as an entry of its own.
CREATE TRIGGER "Poll_search_insert" AFTER INSERT ON "Poll" BEGIN
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
  VALUES ('poll', NEW."id", NEW."groupId", NEW."threadId", NEW."id", NEW."authorId", substr(NEW."title", 1, 100000), substr(NEW."details", 1, 100000), NEW."createdAt");
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
  SELECT 'outcome', NEW."id", NEW."groupId", NEW."threadId", NEW."id", NEW."outcomeAuthorId", '', substr(NEW."outcomeStatement", 1, 100000), coalesce(NEW."outcomeAt", NEW."createdAt")
  WHERE coalesce(NEW."outcomeStatement", '') <> '';
END;
CREATE TRIGGER "Poll_search_update" AFTER UPDATE OF "title", "details" ON "Poll"
WHEN OLD."title" IS NOT NEW."title" OR OLD."details" IS NOT NEW."details" BEGIN
  UPDATE "SearchEntry" SET "title" = substr(NEW."title", 1, 100000), "body" = substr(NEW."details", 1, 100000)
  WHERE "type" = 'poll' AND "subjectId" = NEW."id";
END;
CREATE TRIGGER "Poll_search_place" AFTER UPDATE OF "groupId", "threadId" ON "Poll"
WHEN OLD."groupId" IS NOT NEW."groupId" OR OLD."threadId" IS NOT NEW."threadId" BEGIN
  UPDATE "SearchEntry" SET "groupId" = NEW."groupId", "threadId" = NEW."threadId" WHERE "pollId" = NEW."id";
END;
CREATE TRIGGER "Poll_search_outcome" AFTER UPDATE OF "outcomeStatement", "outcomeAt", "outcomeAuthorId" ON "Poll" BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'outcome' AND "subjectId" = NEW."id";
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
  SELECT 'outcome', NEW."id", NEW."groupId", NEW."threadId", NEW."id", NEW."outcomeAuthorId", '', substr(NEW."outcomeStatement", 1, 100000), coalesce(NEW."outcomeAt", NEW."createdAt")
  WHERE coalesce(NEW."outcomeStatement", '') <> '';
END;
-- Reasons are never searchable in anonymous polls, whatever happens to the poll.
CREATE TRIGGER "Poll_search_anonymous" AFTER UPDATE OF "anonymous" ON "Poll" WHEN NEW."anonymous" BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'vote' AND "pollId" = NEW."id";
END;
CREATE TRIGGER "Poll_search_delete" AFTER DELETE ON "Poll" BEGIN
  DELETE FROM "SearchEntry" WHERE "pollId" = OLD."id";
END;

-- The reason given with a current vote, in polls that are not anonymous (whose ballots name their voter).
CREATE TRIGGER "Ballot_search_insert" AFTER INSERT ON "Ballot"
WHEN NEW."voterId" IS NOT NULL AND NEW."supersededAt" IS NULL AND NEW."reason" <> '' BEGIN
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
  SELECT 'vote', NEW."id", p."groupId", p."threadId", p."id", NEW."voterId", '', substr(NEW."reason", 1, 100000), coalesce(NEW."castAt", p."createdAt")
  FROM "Poll" p WHERE p."id" = NEW."pollId" AND NOT p."anonymous";
END;
CREATE TRIGGER "Ballot_search_update" AFTER UPDATE OF "reason", "supersededAt", "voterId" ON "Ballot" WHEN OLD."voterId" IS NOT NULL BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'vote' AND "subjectId" = NEW."id";
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
  SELECT 'vote', NEW."id", p."groupId", p."threadId", p."id", NEW."voterId", '', substr(NEW."reason", 1, 100000), coalesce(NEW."castAt", p."createdAt")
  FROM "Poll" p WHERE p."id" = NEW."pollId" AND NOT p."anonymous"
  AND NEW."voterId" IS NOT NULL AND NEW."supersededAt" IS NULL AND NEW."reason" <> '';
END;
CREATE TRIGGER "Ballot_search_delete" AFTER DELETE ON "Ballot" WHEN OLD."voterId" IS NOT NULL BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'vote' AND "subjectId" = OLD."id";
END;

-- Members: name, and the name of their organisation.
CREATE TRIGGER "User_search_insert" AFTER INSERT ON "User" BEGIN
  INSERT INTO "SearchEntry" ("type", "subjectId", "authorId", "title", "body", "createdAt")
  VALUES ('member', NEW."id", NEW."id", NEW."name", coalesce((SELECT o."name" FROM "Organisation" o WHERE o."id" = NEW."organisationId"), ''), NEW."createdAt");
END;
CREATE TRIGGER "User_search_update" AFTER UPDATE OF "name", "organisationId" ON "User"
WHEN OLD."name" IS NOT NEW."name" OR OLD."organisationId" IS NOT NEW."organisationId" BEGIN
  UPDATE "SearchEntry" SET "title" = NEW."name", "body" = coalesce((SELECT o."name" FROM "Organisation" o WHERE o."id" = NEW."organisationId"), '')
  WHERE "type" = 'member' AND "subjectId" = NEW."id";
END;
CREATE TRIGGER "User_search_delete" AFTER DELETE ON "User" BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'member' AND "subjectId" = OLD."id";
END;
CREATE TRIGGER "Organisation_search_rename" AFTER UPDATE OF "name" ON "Organisation" WHEN OLD."name" IS NOT NEW."name" BEGIN
  UPDATE "SearchEntry" SET "body" = NEW."name"
  WHERE "type" = 'member' AND "subjectId" IN (SELECT u."id" FROM "User" u WHERE u."organisationId" = NEW."id");
END;
CREATE TRIGGER "Organisation_search_delete" BEFORE DELETE ON "Organisation" BEGIN
  UPDATE "SearchEntry" SET "body" = ''
  WHERE "type" = 'member' AND "subjectId" IN (SELECT u."id" FROM "User" u WHERE u."organisationId" = OLD."id");
END;

-- Resources: title, description and tags.
CREATE TRIGGER "Resource_search_insert" AFTER INSERT ON "Resource" BEGIN
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "authorId", "title", "body", "createdAt")
  VALUES ('resource', NEW."id", NEW."groupId", NEW."authorId", substr(NEW."title", 1, 100000), substr(NEW."description", 1, 100000), NEW."createdAt");
END;
CREATE TRIGGER "Resource_search_update" AFTER UPDATE OF "title", "description", "groupId" ON "Resource"
WHEN OLD."title" IS NOT NEW."title" OR OLD."description" IS NOT NEW."description" OR OLD."groupId" IS NOT NEW."groupId" BEGIN
  UPDATE "SearchEntry" SET "groupId" = NEW."groupId", "title" = substr(NEW."title", 1, 100000),
    "body" = substr(NEW."description" || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = NEW."id"), ''), 1, 100000)
  WHERE "type" = 'resource' AND "subjectId" = NEW."id";
END;
CREATE TRIGGER "Resource_search_delete" AFTER DELETE ON "Resource" BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'resource' AND "subjectId" = OLD."id";
END;
CREATE TRIGGER "ResourceTag_search_insert" AFTER INSERT ON "ResourceTag" BEGIN
  UPDATE "SearchEntry" SET
    "body" = (SELECT substr(r."description" || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), ''), 1, 100000) FROM "Resource" r WHERE r."id" = NEW."resourceId")
  WHERE "type" = 'resource' AND "subjectId" = NEW."resourceId" AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."id" = NEW."resourceId");
END;
CREATE TRIGGER "ResourceTag_search_delete" AFTER DELETE ON "ResourceTag" BEGIN
  UPDATE "SearchEntry" SET
    "body" = (SELECT substr(r."description" || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), ''), 1, 100000) FROM "Resource" r WHERE r."id" = OLD."resourceId")
  WHERE "type" = 'resource' AND "subjectId" = OLD."resourceId" AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."id" = OLD."resourceId");
END;

-- Meetings: title, agenda and minutes.
CREATE TRIGGER "Meeting_search_insert" AFTER INSERT ON "Meeting" BEGIN
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "authorId", "title", "body", "createdAt")
  VALUES ('meeting', NEW."id", NEW."groupId", NEW."createdById", substr(NEW."title", 1, 100000), substr(NEW."agenda" || char(10) || char(10) || NEW."minutes", 1, 100000), NEW."createdAt");
END;
CREATE TRIGGER "Meeting_search_update" AFTER UPDATE OF "title", "agenda", "minutes", "groupId" ON "Meeting"
WHEN OLD."title" IS NOT NEW."title" OR OLD."agenda" IS NOT NEW."agenda" OR OLD."minutes" IS NOT NEW."minutes" OR OLD."groupId" IS NOT NEW."groupId" BEGIN
  UPDATE "SearchEntry" SET "groupId" = NEW."groupId", "title" = substr(NEW."title", 1, 100000),
    "body" = substr(NEW."agenda" || char(10) || char(10) || NEW."minutes", 1, 100000)
  WHERE "type" = 'meeting' AND "subjectId" = NEW."id";
END;
CREATE TRIGGER "Meeting_search_delete" AFTER DELETE ON "Meeting" BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'meeting' AND "subjectId" = OLD."id";
END;

-- What was written before this migration. `npm run search:reindex` runs these statements again
-- (from the newest migration that has them), so they stay plain INSERT … SELECT statements, one per
-- line group, each ending with a semicolon at the end of a line.
-- search-index:backfill:start
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "authorId", "title", "body", "createdAt")
SELECT 'thread', t."id", t."groupId", t."id", t."authorId", substr(t."title", 1, 100000), substr(t."body", 1, 100000), t."createdAt" FROM "Thread" t;
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "authorId", "title", "body", "createdAt")
SELECT 'comment', c."id", t."groupId", c."threadId", c."authorId", '', substr(c."body", 1, 100000), c."createdAt"
FROM "Comment" c JOIN "Thread" t ON t."id" = c."threadId" WHERE c."deletedAt" IS NULL;
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
SELECT 'poll', p."id", p."groupId", p."threadId", p."id", p."authorId", substr(p."title", 1, 100000), substr(p."details", 1, 100000), p."createdAt" FROM "Poll" p;
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
SELECT 'outcome', p."id", p."groupId", p."threadId", p."id", p."outcomeAuthorId", '', substr(p."outcomeStatement", 1, 100000), coalesce(p."outcomeAt", p."createdAt")
FROM "Poll" p WHERE coalesce(p."outcomeStatement", '') <> '';
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
SELECT 'vote', b."id", p."groupId", p."threadId", p."id", b."voterId", '', substr(b."reason", 1, 100000), coalesce(b."castAt", p."createdAt")
FROM "Ballot" b JOIN "Poll" p ON p."id" = b."pollId"
WHERE b."voterId" IS NOT NULL AND b."supersededAt" IS NULL AND b."reason" <> '' AND NOT p."anonymous";
INSERT INTO "SearchEntry" ("type", "subjectId", "authorId", "title", "body", "createdAt")
SELECT 'member', u."id", u."id", u."name", coalesce(o."name", ''), u."createdAt" FROM "User" u LEFT JOIN "Organisation" o ON o."id" = u."organisationId";
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "authorId", "title", "body", "createdAt")
SELECT 'resource', r."id", r."groupId", r."authorId", substr(r."title", 1, 100000),
  substr(r."description" || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), ''), 1, 100000), r."createdAt"
FROM "Resource" r;
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "authorId", "title", "body", "createdAt")
SELECT 'meeting', m."id", m."groupId", m."createdById", substr(m."title", 1, 100000), substr(m."agenda" || char(10) || char(10) || m."minutes", 1, 100000), m."createdAt" FROM "Meeting" m;
-- search-index:backfill:end
