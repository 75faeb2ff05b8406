-- AlterTable (a column added in place)
ALTER TABLE "Amendment" ADD COLUMN "competesWithId" TEXT REFERENCES "Amendment" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Amendment_competesWithId_idx" ON "Amendment"("competesWithId");
