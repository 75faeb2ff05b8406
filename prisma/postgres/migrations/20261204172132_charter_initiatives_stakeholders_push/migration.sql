-- CreateEnum
CREATE TYPE "SignatureStatus" AS ENUM ('pending', 'approved', 'declined');

-- CreateEnum
CREATE TYPE "StakeholderSector" AS ENUM ('council', 'education', 'health', 'third_sector', 'faith', 'business', 'residents', 'volunteers', 'other');

-- CreateEnum
CREATE TYPE "StakeholderRelationship" AS ENUM ('core', 'partner', 'supporter', 'to_approach');

-- CreateEnum
CREATE TYPE "StakeholderLinkKind" AS ENUM ('funds', 'refers_to', 'partners_with');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "pushAtNight" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "timeZone" TEXT;

-- AlterTable
ALTER TABLE "NotificationSetting" ADD COLUMN     "pushLevel" "EmailLevel";

-- CreateTable
CREATE TABLE "Charter" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Charter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharterVersion" (
    "id" TEXT NOT NULL,
    "charterId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CharterVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharterSignature" (
    "id" TEXT NOT NULL,
    "charterId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "status" "SignatureStatus" NOT NULL DEFAULT 'pending',
    "requestedById" TEXT,
    "decidedById" TEXT,
    "signedOn" TIMESTAMP(3),
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "CharterSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "organisationId" TEXT,
    "contact" TEXT NOT NULL DEFAULT '',
    "area" TEXT NOT NULL DEFAULT '',
    "website" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeTag" (
    "initiativeId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "InitiativeTag_pkey" PRIMARY KEY ("initiativeId","tag")
);

-- CreateTable
CREATE TABLE "ThreadInitiative" (
    "threadId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,

    CONSTRAINT "ThreadInitiative_pkey" PRIMARY KEY ("threadId","initiativeId")
);

-- CreateTable
CREATE TABLE "Stakeholder" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'organisation',
    "organisationId" TEXT,
    "initiativeId" TEXT,
    "sector" "StakeholderSector" NOT NULL,
    "relationship" "StakeholderRelationship" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "x" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "y" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Stakeholder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StakeholderLink" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "kind" "StakeholderLinkKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StakeholderLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PushSubscription" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "PushSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Charter_groupId_key" ON "Charter"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "CharterVersion_charterId_number_key" ON "CharterVersion"("charterId", "number");

-- CreateIndex
CREATE INDEX "CharterSignature_organisationId_idx" ON "CharterSignature"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "CharterSignature_charterId_organisationId_key" ON "CharterSignature"("charterId", "organisationId");

-- CreateIndex
CREATE INDEX "Initiative_groupId_name_idx" ON "Initiative"("groupId", "name");

-- CreateIndex
CREATE INDEX "Initiative_organisationId_idx" ON "Initiative"("organisationId");

-- CreateIndex
CREATE INDEX "InitiativeTag_tag_idx" ON "InitiativeTag"("tag");

-- CreateIndex
CREATE INDEX "ThreadInitiative_initiativeId_idx" ON "ThreadInitiative"("initiativeId");

-- CreateIndex
CREATE INDEX "Stakeholder_groupId_idx" ON "Stakeholder"("groupId");

-- CreateIndex
CREATE INDEX "Stakeholder_organisationId_idx" ON "Stakeholder"("organisationId");

-- CreateIndex
CREATE INDEX "Stakeholder_initiativeId_idx" ON "Stakeholder"("initiativeId");

-- CreateIndex
CREATE INDEX "StakeholderLink_groupId_idx" ON "StakeholderLink"("groupId");

-- CreateIndex
CREATE INDEX "StakeholderLink_toId_idx" ON "StakeholderLink"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "StakeholderLink_fromId_toId_kind_key" ON "StakeholderLink"("fromId", "toId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PushSubscription_endpoint_key" ON "PushSubscription"("endpoint");

-- CreateIndex
CREATE INDEX "PushSubscription_userId_idx" ON "PushSubscription"("userId");

-- AddForeignKey
ALTER TABLE "Charter" ADD CONSTRAINT "Charter_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterVersion" ADD CONSTRAINT "CharterVersion_charterId_fkey" FOREIGN KEY ("charterId") REFERENCES "Charter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterSignature" ADD CONSTRAINT "CharterSignature_charterId_fkey" FOREIGN KEY ("charterId") REFERENCES "Charter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterSignature" ADD CONSTRAINT "CharterSignature_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterSignature" ADD CONSTRAINT "CharterSignature_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterSignature" ADD CONSTRAINT "CharterSignature_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeTag" ADD CONSTRAINT "InitiativeTag_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadInitiative" ADD CONSTRAINT "ThreadInitiative_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadInitiative" ADD CONSTRAINT "ThreadInitiative_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StakeholderLink" ADD CONSTRAINT "StakeholderLink_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StakeholderLink" ADD CONSTRAINT "StakeholderLink_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Stakeholder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StakeholderLink" ADD CONSTRAINT "StakeholderLink_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Stakeholder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
