import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
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
