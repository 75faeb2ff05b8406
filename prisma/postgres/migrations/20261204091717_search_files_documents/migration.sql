-- AlterTable
ALTER TABLE "ResourceVersion" ADD COLUMN     "extractedText" TEXT;

-- AlterTable
ALTER TABLE "SearchEntry" ADD COLUMN     "documentId" TEXT,
ADD COLUMN     "textStale" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "SearchEntry_documentId_idx" ON "SearchEntry"("documentId");

-- CreateIndex
CREATE INDEX "SearchEntry_textStale_idx" ON "SearchEntry"("textStale");

-- Search (src/server/search/), written by hand like the search_index migration before it.
-- Resources: their body also takes the text of the newest version's file (search/file-text.ts
-- stores it in "extractedText" after the upload); every trigger that writes it uses this function.
CREATE OR REPLACE FUNCTION "search_resource_body"("resource" TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT substr(r."description"
    || coalesce(' ' || (SELECT string_agg(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), '')
    || coalesce(chr(10) || chr(10) || (SELECT nullif(v."extractedText", '') FROM "ResourceVersion" v WHERE v."resourceId" = r."id" AND v."number" = r."latestVersion"), ''),
    1, 100000)
  FROM "Resource" r WHERE r."id" = "resource"
$$;
-- A new version (whose text is not taken yet) replaces the text of the one before; its text follows.
CREATE FUNCTION "search_resource_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."extractedText" IS NOT DISTINCT FROM NEW."extractedText" THEN
    RETURN NULL;
  END IF;
  UPDATE "SearchEntry" SET "body" = "search_resource_body"(NEW."resourceId")
  WHERE "type" = 'resource' AND "subjectId" = NEW."resourceId" AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."id" = NEW."resourceId");
  RETURN NULL;
END
$$;
CREATE TRIGGER "ResourceVersion_search" AFTER INSERT OR UPDATE OF "extractedText" ON "ResourceVersion"
FOR EACH ROW EXECUTE FUNCTION "search_resource_version"();

-- Documents: the title here; the text of their Yjs state is taken app-side (search/documents-index.ts)
-- whenever the entry is marked stale: on creation, and by every stored update. The entry's time is
-- that of the text it holds. A named version's title is its document's title and its own name.
CREATE FUNCTION "search_document"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "documentId", "authorId", "title", "body", "createdAt", "textStale")
    VALUES ('document', NEW."id", NEW."groupId", NEW."id", NEW."createdById", substr(NEW."title", 1, 100000), '', NEW."updatedAt", true);
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD."title" IS DISTINCT FROM NEW."title" OR OLD."groupId" IS DISTINCT FROM NEW."groupId" THEN
      UPDATE "SearchEntry" SET "groupId" = NEW."groupId", "title" = substr(NEW."title", 1, 100000)
      WHERE "type" = 'document' AND "subjectId" = NEW."id";
      UPDATE "SearchEntry" e SET "groupId" = NEW."groupId", "title" = substr(NEW."title" || ' — ' || coalesce(v."name", ''), 1, 100000)
      FROM "DocumentVersion" v WHERE e."type" = 'version' AND e."documentId" = NEW."id" AND v."id" = e."subjectId";
    END IF;
  ELSE
    DELETE FROM "SearchEntry" WHERE "documentId" = OLD."id" AND "type" IN ('document', 'version');
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Document_search" AFTER INSERT OR DELETE OR UPDATE OF "title", "groupId" ON "Document"
FOR EACH ROW EXECUTE FUNCTION "search_document"();

CREATE FUNCTION "search_document_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SearchEntry" SET "textStale" = true WHERE "type" = 'document' AND "subjectId" = NEW."documentId" AND NOT "textStale";
  RETURN NULL;
END
$$;
CREATE TRIGGER "DocumentUpdate_search" AFTER INSERT ON "DocumentUpdate"
FOR EACH ROW EXECUTE FUNCTION "search_document_update"();

-- Named versions, each an entry of its own; a version's state never changes, so its text is taken once.
CREATE FUNCTION "search_document_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."kind" = 'named' THEN
      INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "documentId", "authorId", "title", "body", "createdAt", "textStale")
      SELECT 'version', NEW."id", d."groupId", d."id", NEW."createdById", substr(d."title" || ' — ' || coalesce(NEW."name", ''), 1, 100000), '', NEW."createdAt", true
      FROM "Document" d WHERE d."id" = NEW."documentId";
    END IF;
  ELSE
    DELETE FROM "SearchEntry" WHERE "type" = 'version' AND "subjectId" = OLD."id";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "DocumentVersion_search" AFTER INSERT OR DELETE ON "DocumentVersion"
FOR EACH ROW EXECUTE FUNCTION "search_document_version"();

-- Stop words are found as on SQLite: the search_index migration copied pg_catalog.english, whose
-- english_stem dictionary drops English stop words, so "the" alone found nothing here while FTS5
-- (porter, no stop list) finds it. hearth_english_stem is the same Snowball stemmer without a stop
-- list, mapped (after unaccent) for every kind of word; the refill below computes the vectors again.
CREATE TEXT SEARCH DICTIONARY "hearth_english_stem" (TEMPLATE = snowball, Language = english);
ALTER TEXT SEARCH CONFIGURATION "hearth_search"
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, "hearth_english_stem";

-- The index is filled again: resources take their new form, and documents and named versions join
-- it (their text follows app-side, as they are stale). `npm run search:reindex` runs the statements
-- between the markers again (from the newest migration that has them), so they stay plain
-- INSERT … SELECT statements, each ending with a semicolon at the end of a line.
DELETE FROM "SearchEntry";
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
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "documentId", "authorId", "title", "body", "createdAt", "textStale")
SELECT 'document', d."id", d."groupId", d."id", d."createdById", substr(d."title", 1, 100000), '', d."updatedAt", true FROM "Document" d;
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "documentId", "authorId", "title", "body", "createdAt", "textStale")
SELECT 'version', v."id", d."groupId", d."id", v."createdById", substr(d."title" || ' — ' || coalesce(v."name", ''), 1, 100000), '', v."createdAt", true
FROM "DocumentVersion" v JOIN "Document" d ON d."id" = v."documentId" WHERE v."kind" = 'named';
-- search-index:backfill:end
