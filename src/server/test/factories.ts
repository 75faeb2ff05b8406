import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import { newToken } from "@/server/auth/tokens";
import { getDb } from "@/server/db";
import type { DomainEvent } from "@/server/events";
import type { Role } from "@/server/policy";
import { hashPassword } from "@/server/users/password";

/** A password every factory user shares; hashing once keeps tests fast. */
export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function makeUser(overrides: { name?: string; email?: string; isAdmin?: boolean } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = uniqueSuffix();
  return getDb().user.create({
    data: {
      name: overrides.name ?? `Person ${suffix}`,
      email: overrides.email ?? `person-${suffix}@example.test`,
      isAdmin: overrides.isAdmin ?? false,
      passwordHash: await passwordHash,
    },
    select: { id: true, name: true, email: true, isAdmin: true },
  });
}

export async function makeGroup(overrides: { name?: string; parentId?: string } = {}) {
  const suffix = uniqueSuffix();
  return getDb().group.create({
    data: { name: overrides.name ?? `Group ${suffix}`, handle: `group-${suffix}`, parentId: overrides.parentId },
    select: { id: true, name: true, handle: true },
  });
}

export async function addMember(groupId: string, userId: string, role: Role = "member") {
  return getDb().membership.create({ data: { groupId, userId, role }, select: { id: true } });
}

/** A tRPC caller acting as the given user (or signed out), recording what it publishes. */
export function callerFor(userId: string | null) {
  const published: DomainEvent[] = [];
  const caller = createCaller({ db: getDb(), userId, publish: (event) => published.push(event) });
  return { caller, published };
}

/** A caller whose database calls are counted, to show that a query count does not grow with data. */
export function countingCaller(userId: string) {
  let queries = 0;
  const db = getDb().$extends({
    query: {
      $allOperations({ args, query }) {
        queries += 1;
        return query(args);
      },
    },
  }) as unknown as ReturnType<typeof getDb>;
  const caller = createCaller({ db, userId, publish: () => undefined });
  return {
    caller,
    reset: () => {
      const seen = queries;
      queries = 0;
      return seen;
    },
  };
}

export async function makeOrganisation(overrides: { name?: string } = {}) {
  return getDb().organisation.create({
    data: { name: overrides.name ?? `Organisation ${uniqueSuffix()}` },
    select: { id: true, name: true },
  });
}

/** A small valid PNG uploaded by the given user, for logo and avatar tests. */
export async function makeImage(uploadedById: string) {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  return getDb().image.create({ data: { uploadedById, contentType: "image/png", bytes: png }, select: { id: true } });
}

/** A pending invitation written directly, with its token, as if an admin had sent it. */
export async function makeInvitation(args: { groupId: string; invitedById: string; email?: string; role?: Role }) {
  const { token, hash } = newToken();
  const invitation = await getDb().invitation.create({
    data: {
      groupId: args.groupId,
      invitedById: args.invitedById,
      email: args.email ?? `invitee-${uniqueSuffix()}@example.test`,
      role: args.role ?? "member",
      tokenHash: hash,
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
    },
    select: { id: true, email: true },
  });
  return { ...invitation, token };
}

/** An uploaded file's row (the bytes are not stored), as if the given user had uploaded it. */
export async function makeStoredFile(uploadedById: string, overrides: { originalName?: string } = {}) {
  return getDb().storedFile.create({
    data: {
      uploadedById,
      sha256: "0".repeat(64),
      size: 5,
      contentType: "application/pdf",
      originalName: overrides.originalName ?? `notes-${uniqueSuffix()}.pdf`,
    },
    select: { id: true },
  });
}

/** An empty document of the group, written directly; `guestIds` are invited to read it. */
export async function makeDocument(args: { groupId: string; createdById: string; title?: string; guestIds?: string[] }) {
  return getDb().document.create({
    data: {
      groupId: args.groupId,
      createdById: args.createdById,
      title: args.title ?? `Document ${uniqueSuffix()}`,
      guests: { create: (args.guestIds ?? []).map((userId) => ({ userId })) },
    },
    select: { id: true, groupId: true, title: true },
  });
}

/** An inline comment on a document (a reply when `parentId` is given), written directly. */
export async function makeDocComment(args: { documentId: string; authorId: string; parentId?: string; body?: string }) {
  return getDb().docComment.create({
    data: {
      documentId: args.documentId,
      authorId: args.authorId,
      parentId: args.parentId,
      body: args.body ?? "A comment",
      quote: args.parentId ? "" : "some words",
    },
    select: { id: true },
  });
}

/** A meeting of the group a week from now, written directly, as if an admin had scheduled it. */
export async function makeMeeting(args: { groupId: string; createdById: string; title?: string; startsAt?: Date; attendeeIds?: string[] }) {
  return getDb().meeting.create({
    data: {
      groupId: args.groupId,
      createdById: args.createdById,
      title: args.title ?? `Meeting ${uniqueSuffix()}`,
      startsAt: args.startsAt ?? new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      attendees: { create: (args.attendeeIds ?? []).map((userId) => ({ userId })) },
    },
    select: { id: true, groupId: true, title: true },
  });
}

/** A group whose admin, two members and guest have names that sort in a known order. */
export async function makeGroupWithPeople() {
  const group = await makeGroup();
  const admin = await makeUser({ name: "Bea Admin" });
  const member = await makeUser({ name: "Cal Member" });
  const other = await makeUser({ name: "Ada Member" });
  const guest = await makeUser({ name: "Gus Guest" });
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, other.id, "member");
  await addMember(group.id, guest.id, "guest");
  return { group, admin, member, other, guest };
}

/** A closed proposal, with an outcome when `outcome` is given; `voterIds` are its chosen voters. */
export async function makeClosedProposal(args: { groupId: string; authorId: string; voterIds?: string[]; outcome?: string }) {
  const now = new Date();
  return getDb().poll.create({
    data: {
      groupId: args.groupId,
      authorId: args.authorId,
      kind: "proposal",
      title: "Budget",
      closingAt: now,
      closedAt: now,
      ...(args.outcome !== undefined && { outcomeStatement: args.outcome, outcomeAuthorId: args.authorId, outcomeAt: now }),
      voters: { create: (args.voterIds ?? []).map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
}
