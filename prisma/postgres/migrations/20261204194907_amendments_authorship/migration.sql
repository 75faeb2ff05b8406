-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('open', 'adopted', 'rejected', 'withdrawn');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'signature_requested';

-- AlterTable
ALTER TABLE "NotificationSetting" ALTER COLUMN "level" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN     "amendmentId" TEXT;

-- AlterTable
ALTER TABLE "DocumentVersionAuthor" ADD COLUMN     "suggestionsAccepted" INTEGER,
ADD COLUMN     "wordsAdded" INTEGER,
ADD COLUMN     "wordsRemoved" INTEGER;

-- CreateTable
CREATE TABLE "Amendment" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "proposedById" TEXT NOT NULL,
    "passage" TEXT NOT NULL,
    "replacement" TEXT NOT NULL,
    "pollId" TEXT,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'open',
    "result" TEXT NOT NULL DEFAULT '',
    "versionId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Amendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentClient" (
    "documentId" TEXT NOT NULL,
    "clientId" BIGINT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentClient_pkey" PRIMARY KEY ("documentId","clientId")
);

-- CreateTable
CREATE TABLE "DocumentDeleteSet" (
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deleteSet" BYTEA NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentDeleteSet_pkey" PRIMARY KEY ("documentId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Amendment_versionId_key" ON "Amendment"("versionId");

-- CreateIndex
CREATE INDEX "Amendment_pollId_idx" ON "Amendment"("pollId");

-- CreateIndex
CREATE INDEX "Amendment_documentId_status_idx" ON "Amendment"("documentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Amendment_documentId_number_key" ON "Amendment"("documentId", "number");

-- CreateIndex
CREATE INDEX "DocumentClient_userId_idx" ON "DocumentClient"("userId");

-- CreateIndex
CREATE INDEX "DocumentDeleteSet_userId_idx" ON "DocumentDeleteSet"("userId");

-- CreateIndex
CREATE INDEX "Suggestion_amendmentId_idx" ON "Suggestion"("amendmentId");

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentClient" ADD CONSTRAINT "DocumentClient_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentClient" ADD CONSTRAINT "DocumentClient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentDeleteSet" ADD CONSTRAINT "DocumentDeleteSet_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentDeleteSet" ADD CONSTRAINT "DocumentDeleteSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
