-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "groupId" TEXT,
    "threadId" TEXT,
    "pollId" TEXT,
    "authorId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
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
-- same transaction as each write; "searchVector" holds its words, stemmed as English with accents
-- and case folded (the unaccent dictionary before the English stemmer), under a GIN index.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION "hearth_search" (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "hearth_search" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

ALTER TABLE "SearchEntry" ADD COLUMN "searchVector" tsvector;

CREATE FUNCTION "search_entry_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := setweight(to_tsvector('hearth_search', NEW."title"), 'A') || setweight(to_tsvector('hearth_search', NEW."body"), 'B');
  RETURN NEW;
END
$$;
CREATE TRIGGER "SearchEntry_vector" BEFORE INSERT OR UPDATE OF "title", "body" ON "SearchEntry"
FOR EACH ROW EXECUTE FUNCTION "search_entry_vector"();

-- Threads: title and body; a moved thread takes its comments along (its polls stay in their group).
CREATE FUNCTION "search_thread"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "authorId", "title", "body", "createdAt")
    VALUES ('thread', NEW."id", NEW."groupId", NEW."id", NEW."authorId", substr(NEW."title", 1, 100000), substr(NEW."body", 1, 100000), NEW."createdAt");
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD."title" IS DISTINCT FROM NEW."title" OR OLD."body" IS DISTINCT FROM NEW."body" THEN
      UPDATE "SearchEntry" SET "title" = substr(NEW."title", 1, 100000), "body" = substr(NEW."body", 1, 100000)
      WHERE "type" = 'thread' AND "subjectId" = NEW."id";
    END IF;
    IF OLD."groupId" IS DISTINCT FROM NEW."groupId" THEN
      UPDATE "SearchEntry" SET "groupId" = NEW."groupId" WHERE "threadId" = NEW."id" AND "type" IN ('thread', 'comment');
    END IF;
  ELSE
    DELETE FROM "SearchEntry" WHERE "threadId" = OLD."id" AND "type" IN ('thread', 'comment');
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Thread_search" AFTER INSERT OR DELETE OR UPDATE OF "title", "body", "groupId" ON "Thread"
FOR EACH ROW EXECUTE FUNCTION "search_thread"();

-- Comments, until they are deleted (a deleted comment keeps its row, without its text).
CREATE FUNCTION "search_comment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."deletedAt" IS NULL THEN
      INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "authorId", "title", "body", "createdAt")
      SELECT 'comment', NEW."id", t."groupId", NEW."threadId", NEW."authorId", '', substr(NEW."body", 1, 100000), NEW."createdAt"
      FROM "Thread" t WHERE t."id" = NEW."threadId";
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NEW."deletedAt" IS NOT NULL THEN
      DELETE FROM "SearchEntry" WHERE "type" = 'comment' AND "subjectId" = NEW."id";
    ELSIF OLD."body" IS DISTINCT FROM NEW."body" THEN
      UPDATE "SearchEntry" SET "body" = substr(NEW."body", 1, 100000) WHERE "type" = 'comment' AND "subjectId" = NEW."id";
    END IF;
  ELSE
    DELETE FROM "SearchEntry" WHERE "type" = 'comment' AND "subjectId" = OLD."id";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Comment_search" AFTER INSERT OR DELETE OR UPDATE OF "body", "deletedAt" ON "Comment"
FOR EACH ROW EXECUTE FUNCTION "search_comment"();

-- Polls: title and details; the outcome statement as an entry of its own. Reasons are never
-- searchable in anonymous polls, whatever happens to the poll.
CREATE FUNCTION "search_poll"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE "pollId" = OLD."id";
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
    VALUES ('poll', NEW."id", NEW."groupId", NEW."threadId", NEW."id", NEW."authorId", substr(NEW."title", 1, 100000), substr(NEW."details", 1, 100000), NEW."createdAt");
  ELSE
    IF OLD."title" IS DISTINCT FROM NEW."title" OR OLD."details" IS DISTINCT FROM NEW."details" THEN
      UPDATE "SearchEntry" SET "title" = substr(NEW."title", 1, 100000), "body" = substr(NEW."details", 1, 100000)
      WHERE "type" = 'poll' AND "subjectId" = NEW."id";
    END IF;
    IF OLD."groupId" IS DISTINCT FROM NEW."groupId" OR OLD."threadId" IS DISTINCT FROM NEW."threadId" THEN
      UPDATE "SearchEntry" SET "groupId" = NEW."groupId", "threadId" = NEW."threadId" WHERE "pollId" = NEW."id";
    END IF;
    IF NEW."anonymous" THEN
      DELETE FROM "SearchEntry" WHERE "type" = 'vote' AND "pollId" = NEW."id";
    END IF;
    IF OLD."outcomeStatement" IS NOT DISTINCT FROM NEW."outcomeStatement" AND OLD."outcomeAt" IS NOT DISTINCT FROM NEW."outcomeAt"
      AND OLD."outcomeAuthorId" IS NOT DISTINCT FROM NEW."outcomeAuthorId" THEN
      RETURN NULL;
    END IF;
    DELETE FROM "SearchEntry" WHERE "type" = 'outcome' AND "subjectId" = NEW."id";
  END IF;
  IF coalesce(NEW."outcomeStatement", '') <> '' THEN
    INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
    VALUES ('outcome', NEW."id", NEW."groupId", NEW."threadId", NEW."id", NEW."outcomeAuthorId", '', substr(NEW."outcomeStatement", 1, 100000), coalesce(NEW."outcomeAt", NEW."createdAt"));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Poll_search" AFTER INSERT OR DELETE
OR UPDATE OF "title", "details", "groupId", "threadId", "anonymous", "outcomeStatement", "outcomeAt", "outcomeAuthorId" ON "Poll"
FOR EACH ROW EXECUTE FUNCTION "search_poll"();

-- The reason given with a current vote, in polls that are not anonymous (whose ballots name their
-- voter). Anonymous ballots (no voter) are left alone: nothing is written when they are.
CREATE FUNCTION "search_ballot"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."voterId" IS NOT NULL THEN
    DELETE FROM "SearchEntry" WHERE "type" = 'vote' AND "subjectId" = OLD."id";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."voterId" IS NOT NULL AND NEW."supersededAt" IS NULL AND NEW."reason" <> '' THEN
    INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "threadId", "pollId", "authorId", "title", "body", "createdAt")
    SELECT 'vote', NEW."id", p."groupId", p."threadId", p."id", NEW."voterId", '', substr(NEW."reason", 1, 100000), coalesce(NEW."castAt", p."createdAt")
    FROM "Poll" p WHERE p."id" = NEW."pollId" AND NOT p."anonymous";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Ballot_search" AFTER INSERT OR DELETE OR UPDATE OF "reason", "supersededAt", "voterId" ON "Ballot"
FOR EACH ROW EXECUTE FUNCTION "search_ballot"();

-- Members: name, and the name of their organisation.
CREATE FUNCTION "search_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SearchEntry" ("type", "subjectId", "authorId", "title", "body", "createdAt")
    VALUES ('member', NEW."id", NEW."id", NEW."name", coalesce((SELECT o."name" FROM "Organisation" o WHERE o."id" = NEW."organisationId"), ''), NEW."createdAt");
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD."name" IS DISTINCT FROM NEW."name" OR OLD."organisationId" IS DISTINCT FROM NEW."organisationId" THEN
      UPDATE "SearchEntry" SET "title" = NEW."name", "body" = coalesce((SELECT o."name" FROM "Organisation" o WHERE o."id" = NEW."organisationId"), '')
      WHERE "type" = 'member' AND "subjectId" = NEW."id";
    END IF;
  ELSE
    DELETE FROM "SearchEntry" WHERE "type" = 'member' AND "subjectId" = OLD."id";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "User_search" AFTER INSERT OR DELETE OR UPDATE OF "name", "organisationId" ON "User"
FOR EACH ROW EXECUTE FUNCTION "search_user"();

CREATE FUNCTION "search_organisation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."name" IS DISTINCT FROM NEW."name" THEN
      UPDATE "SearchEntry" SET "body" = NEW."name"
      WHERE "type" = 'member' AND "subjectId" IN (SELECT u."id" FROM "User" u WHERE u."organisationId" = NEW."id");
    END IF;
    RETURN NULL;
  END IF;
  UPDATE "SearchEntry" SET "body" = ''
  WHERE "type" = 'member' AND "subjectId" IN (SELECT u."id" FROM "User" u WHERE u."organisationId" = OLD."id");
  RETURN OLD;
END
$$;
CREATE TRIGGER "Organisation_search_rename" AFTER UPDATE OF "name" ON "Organisation"
FOR EACH ROW EXECUTE FUNCTION "search_organisation"();
CREATE TRIGGER "Organisation_search_delete" BEFORE DELETE ON "Organisation"
FOR EACH ROW EXECUTE FUNCTION "search_organisation"();

-- Resources: title, description and tags.
CREATE FUNCTION "search_resource_body"("resource" TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT substr(r."description" || coalesce(' ' || (SELECT string_agg(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), ''), 1, 100000)
  FROM "Resource" r WHERE r."id" = "resource"
$$;
CREATE FUNCTION "search_resource"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "authorId", "title", "body", "createdAt")
    VALUES ('resource', NEW."id", NEW."groupId", NEW."authorId", substr(NEW."title", 1, 100000), substr(NEW."description", 1, 100000), NEW."createdAt");
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD."title" IS DISTINCT FROM NEW."title" OR OLD."description" IS DISTINCT FROM NEW."description" OR OLD."groupId" IS DISTINCT FROM NEW."groupId" THEN
      UPDATE "SearchEntry" SET "groupId" = NEW."groupId", "title" = substr(NEW."title", 1, 100000), "body" = "search_resource_body"(NEW."id")
      WHERE "type" = 'resource' AND "subjectId" = NEW."id";
    END IF;
  ELSE
    DELETE FROM "SearchEntry" WHERE "type" = 'resource' AND "subjectId" = OLD."id";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Resource_search" AFTER INSERT OR DELETE OR UPDATE OF "title", "description", "groupId" ON "Resource"
FOR EACH ROW EXECUTE FUNCTION "search_resource"();

CREATE FUNCTION "search_resource_tag"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "resource" TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."resourceId" ELSE NEW."resourceId" END;
BEGIN
  -- Tags deleted along with their resource: the resource's entry goes with it.
  UPDATE "SearchEntry" SET "body" = "search_resource_body"("resource")
  WHERE "type" = 'resource' AND "subjectId" = "resource" AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."id" = "resource");
  RETURN NULL;
END
$$;
CREATE TRIGGER "ResourceTag_search" AFTER INSERT OR DELETE ON "ResourceTag"
FOR EACH ROW EXECUTE FUNCTION "search_resource_tag"();

-- Meetings: title, agenda and minutes.
CREATE FUNCTION "search_meeting"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "authorId", "title", "body", "createdAt")
    VALUES ('meeting', NEW."id", NEW."groupId", NEW."createdById", substr(NEW."title", 1, 100000), substr(NEW."agenda" || chr(10) || chr(10) || NEW."minutes", 1, 100000), NEW."createdAt");
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD."title" IS DISTINCT FROM NEW."title" OR OLD."agenda" IS DISTINCT FROM NEW."agenda" OR OLD."minutes" IS DISTINCT FROM NEW."minutes"
      OR OLD."groupId" IS DISTINCT FROM NEW."groupId" THEN
      UPDATE "SearchEntry" SET "groupId" = NEW."groupId", "title" = substr(NEW."title", 1, 100000),
        "body" = substr(NEW."agenda" || chr(10) || chr(10) || NEW."minutes", 1, 100000)
      WHERE "type" = 'meeting' AND "subjectId" = NEW."id";
    END IF;
  ELSE
    DELETE FROM "SearchEntry" WHERE "type" = 'meeting' AND "subjectId" = OLD."id";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Meeting_search" AFTER INSERT OR DELETE OR UPDATE OF "title", "agenda", "minutes", "groupId" ON "Meeting"
FOR EACH ROW EXECUTE FUNCTION "search_meeting"();

-- What was written before this migration. `npm run search:reindex` runs these statements again
-- (from the newest migration that has them), so they stay plain INSERT … SELECT statements, each
-- ending with a semicolon at the end of a line.
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
SELECT 'resource', r."id", r."groupId", r."authorId", substr(r."title", 1, 100000), "search_resource_body"(r."id"), r."createdAt" FROM "Resource" r;
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "authorId", "title", "body", "createdAt")
SELECT 'meeting', m."id", m."groupId", m."createdById", substr(m."title", 1, 100000), substr(m."agenda" || chr(10) || chr(10) || m."minutes", 1, 100000), m."createdAt" FROM "Meeting" m;
-- search-index:backfill:end

-- Built after the backfill, which is faster than keeping it up to date row by row.
CREATE INDEX "SearchEntry_searchVector_idx" ON "SearchEntry" USING GIN ("searchVector");
