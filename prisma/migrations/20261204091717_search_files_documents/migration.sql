-- AlterTable
ALTER TABLE "ResourceVersion" ADD COLUMN "extractedText" TEXT;

-- AlterTable (written by hand: Prisma would copy SearchEntry into a new table, which drops the
-- triggers that keep its full-text index; adding the columns at the end gives the same table)
ALTER TABLE "SearchEntry" ADD COLUMN "documentId" TEXT;
ALTER TABLE "SearchEntry" ADD COLUMN "textStale" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "SearchEntry_documentId_idx" ON "SearchEntry"("documentId");

-- CreateIndex
CREATE INDEX "SearchEntry_textStale_idx" ON "SearchEntry"("textStale");

-- Search (src/server/search/), written by hand like the search_index migration before it.
-- Resources: their body also takes the text of the newest version's file (search/file-text.ts
-- stores it in "extractedText" after the upload), so each statement that writes it changes.
DROP TRIGGER "Resource_search_update";
DROP TRIGGER "ResourceTag_search_insert";
DROP TRIGGER "ResourceTag_search_delete";
CREATE TRIGGER "Resource_search_update" AFTER UPDATE OF "title", "description", "groupId" ON "Resource"
WHEN OLD."title" IS NOT NEW."title" OR OLD."description" IS NOT NEW."description" OR OLD."groupId" IS NOT NEW."groupId" BEGIN
  UPDATE "SearchEntry" SET "groupId" = NEW."groupId", "title" = substr(NEW."title", 1, 100000),
    "body" = (SELECT substr(r."description"
      || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), '')
      || coalesce(char(10) || char(10) || (SELECT nullif(v."extractedText", '') FROM "ResourceVersion" v WHERE v."resourceId" = r."id" AND v."number" = r."latestVersion"), ''),
      1, 100000) FROM "Resource" r WHERE r."id" = NEW."id")
  WHERE "type" = 'resource' AND "subjectId" = NEW."id";
END;
CREATE TRIGGER "ResourceTag_search_insert" AFTER INSERT ON "ResourceTag" BEGIN
  UPDATE "SearchEntry" SET
    "body" = (SELECT substr(r."description"
      || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), '')
      || coalesce(char(10) || char(10) || (SELECT nullif(v."extractedText", '') FROM "ResourceVersion" v WHERE v."resourceId" = r."id" AND v."number" = r."latestVersion"), ''),
      1, 100000) FROM "Resource" r WHERE r."id" = NEW."resourceId")
  WHERE "type" = 'resource' AND "subjectId" = NEW."resourceId" AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."id" = NEW."resourceId");
END;
CREATE TRIGGER "ResourceTag_search_delete" AFTER DELETE ON "ResourceTag" BEGIN
  UPDATE "SearchEntry" SET
    "body" = (SELECT substr(r."description"
      || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), '')
      || coalesce(char(10) || char(10) || (SELECT nullif(v."extractedText", '') FROM "ResourceVersion" v WHERE v."resourceId" = r."id" AND v."number" = r."latestVersion"), ''),
      1, 100000) FROM "Resource" r WHERE r."id" = OLD."resourceId")
  WHERE "type" = 'resource' AND "subjectId" = OLD."resourceId" AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."id" = OLD."resourceId");
END;
-- A new version (whose text is not taken yet) replaces the text of the one before; its text follows.
CREATE TRIGGER "ResourceVersion_search_insert" AFTER INSERT ON "ResourceVersion" BEGIN
  UPDATE "SearchEntry" SET
    "body" = (SELECT substr(r."description"
      || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), '')
      || coalesce(char(10) || char(10) || (SELECT nullif(v."extractedText", '') FROM "ResourceVersion" v WHERE v."resourceId" = r."id" AND v."number" = r."latestVersion"), ''),
      1, 100000) FROM "Resource" r WHERE r."id" = NEW."resourceId")
  WHERE "type" = 'resource' AND "subjectId" = NEW."resourceId" AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."id" = NEW."resourceId");
END;
CREATE TRIGGER "ResourceVersion_search_text" AFTER UPDATE OF "extractedText" ON "ResourceVersion"
WHEN OLD."extractedText" IS NOT NEW."extractedText" BEGIN
  UPDATE "SearchEntry" SET
    "body" = (SELECT substr(r."description"
      || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), '')
      || coalesce(char(10) || char(10) || (SELECT nullif(v."extractedText", '') FROM "ResourceVersion" v WHERE v."resourceId" = r."id" AND v."number" = r."latestVersion"), ''),
      1, 100000) FROM "Resource" r WHERE r."id" = NEW."resourceId")
  WHERE "type" = 'resource' AND "subjectId" = NEW."resourceId";
END;

-- Documents: the title here; the text of their Yjs state is taken app-side (search/documents-index.ts)
-- whenever the entry is marked stale: on creation, and by every stored update. The entry's time is
-- that of the text it holds.
CREATE TRIGGER "Document_search_insert" AFTER INSERT ON "Document" BEGIN
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "documentId", "authorId", "title", "body", "createdAt", "textStale")
  VALUES ('document', NEW."id", NEW."groupId", NEW."id", NEW."createdById", substr(NEW."title", 1, 100000), '', NEW."updatedAt", true);
END;
-- A named version's title is its document's title and its own name.
CREATE TRIGGER "Document_search_update" AFTER UPDATE OF "title", "groupId" ON "Document"
WHEN OLD."title" IS NOT NEW."title" OR OLD."groupId" IS NOT NEW."groupId" BEGIN
  UPDATE "SearchEntry" SET "groupId" = NEW."groupId", "title" = substr(NEW."title", 1, 100000)
  WHERE "type" = 'document' AND "subjectId" = NEW."id";
  UPDATE "SearchEntry" SET "groupId" = NEW."groupId",
    "title" = substr(NEW."title" || ' — ' || coalesce((SELECT v."name" FROM "DocumentVersion" v WHERE v."id" = "SearchEntry"."subjectId"), ''), 1, 100000)
  WHERE "type" = 'version' AND "documentId" = NEW."id";
END;
CREATE TRIGGER "Document_search_delete" AFTER DELETE ON "Document" BEGIN
  DELETE FROM "SearchEntry" WHERE "documentId" = OLD."id" AND "type" IN ('document', 'version');
END;
CREATE TRIGGER "DocumentUpdate_search" AFTER INSERT ON "DocumentUpdate" BEGIN
  UPDATE "SearchEntry" SET "textStale" = true WHERE "type" = 'document' AND "subjectId" = NEW."documentId" AND NOT "textStale";
END;
-- Named versions, each an entry of its own; a version's state never changes, so its text is taken once.
CREATE TRIGGER "DocumentVersion_search_insert" AFTER INSERT ON "DocumentVersion" WHEN NEW."kind" = 'named' BEGIN
  INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "documentId", "authorId", "title", "body", "createdAt", "textStale")
  SELECT 'version', NEW."id", d."groupId", d."id", NEW."createdById", substr(d."title" || ' — ' || coalesce(NEW."name", ''), 1, 100000), '', NEW."createdAt", true
  FROM "Document" d WHERE d."id" = NEW."documentId";
END;
CREATE TRIGGER "DocumentVersion_search_delete" AFTER DELETE ON "DocumentVersion" BEGIN
  DELETE FROM "SearchEntry" WHERE "type" = 'version' AND "subjectId" = OLD."id";
END;

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
SELECT 'resource', r."id", r."groupId", r."authorId", substr(r."title", 1, 100000),
  substr(r."description"
    || coalesce(' ' || (SELECT group_concat(t."name", ' ') FROM "ResourceTag" t WHERE t."resourceId" = r."id"), '')
    || coalesce(char(10) || char(10) || (SELECT nullif(v."extractedText", '') FROM "ResourceVersion" v WHERE v."resourceId" = r."id" AND v."number" = r."latestVersion"), ''),
    1, 100000), r."createdAt"
FROM "Resource" r;
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "authorId", "title", "body", "createdAt")
SELECT 'meeting', m."id", m."groupId", m."createdById", substr(m."title", 1, 100000), substr(m."agenda" || char(10) || char(10) || m."minutes", 1, 100000), m."createdAt" FROM "Meeting" m;
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "documentId", "authorId", "title", "body", "createdAt", "textStale")
SELECT 'document', d."id", d."groupId", d."id", d."createdById", substr(d."title", 1, 100000), '', d."updatedAt", true FROM "Document" d;
INSERT INTO "SearchEntry" ("type", "subjectId", "groupId", "documentId", "authorId", "title", "body", "createdAt", "textStale")
SELECT 'version', v."id", d."groupId", d."id", v."createdById", substr(d."title" || ' — ' || coalesce(v."name", ''), 1, 100000), '', v."createdAt", true
FROM "DocumentVersion" v JOIN "Document" d ON d."id" = v."documentId" WHERE v."kind" = 'named';
-- search-index:backfill:end
