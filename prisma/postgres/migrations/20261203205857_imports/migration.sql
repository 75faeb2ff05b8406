-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('uploaded', 'checking', 'checked', 'importing', 'imported', 'failed');

-- CreateTable
CREATE TABLE "ImportedRecord" (
    "source" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "table" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedRecord_pkey" PRIMARY KEY ("source","origin","table","sourceId")
);

-- CreateTable
CREATE TABLE "MissingAttachment" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "commentId" TEXT,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MissingAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "storedPath" TEXT,
    "status" "ImportStatus" NOT NULL DEFAULT 'uploaded',
    "linesRead" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportedRecord_targetId_idx" ON "ImportedRecord"("targetId");

-- CreateIndex
CREATE INDEX "MissingAttachment_threadId_idx" ON "MissingAttachment"("threadId");

-- CreateIndex
CREATE INDEX "ImportRun_startedById_createdAt_idx" ON "ImportRun"("startedById", "createdAt");

-- AddForeignKey
ALTER TABLE "MissingAttachment" ADD CONSTRAINT "MissingAttachment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
