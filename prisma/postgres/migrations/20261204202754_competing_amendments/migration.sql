-- AlterTable
ALTER TABLE "Amendment" ADD COLUMN     "competesWithId" TEXT;

-- CreateIndex
CREATE INDEX "Amendment_competesWithId_idx" ON "Amendment"("competesWithId");

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_competesWithId_fkey" FOREIGN KEY ("competesWithId") REFERENCES "Amendment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
