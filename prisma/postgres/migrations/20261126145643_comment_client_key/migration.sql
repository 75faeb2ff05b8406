-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "clientKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Comment_authorId_clientKey_key" ON "Comment"("authorId", "clientKey");
