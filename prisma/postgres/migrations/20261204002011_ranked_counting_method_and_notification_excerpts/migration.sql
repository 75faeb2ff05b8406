-- CreateEnum
CREATE TYPE "RankedMethod" AS ENUM ('schulze', 'instant_runoff', 'borda');

-- AlterTable
ALTER TABLE "Poll" ADD COLUMN     "countingMethod" "RankedMethod" NOT NULL DEFAULT 'schulze';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "excerpt" TEXT NOT NULL DEFAULT '';
