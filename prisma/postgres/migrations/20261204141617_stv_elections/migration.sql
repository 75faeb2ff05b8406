-- AlterEnum
ALTER TYPE "PollKind" ADD VALUE 'stv';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RankedMethod" ADD VALUE 'scottish_stv';
ALTER TYPE "RankedMethod" ADD VALUE 'meek_stv';

-- AlterTable
ALTER TABLE "Poll" ADD COLUMN     "seats" INTEGER;
