-- AlterTable
ALTER TABLE "ThreadFollow" ADD COLUMN     "automatic" BOOLEAN NOT NULL DEFAULT false;
