-- AlterTable
ALTER TABLE "Poll" ADD COLUMN "seats" INTEGER;
