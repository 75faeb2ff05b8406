import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";
import type { Role } from "@/server/policy";
import { hashPassword } from "@/server/users/password";

export type DemoSignIn = { name: string; email: string; password: string; role: Role; isAdmin: boolean };

const DEMO_PEOPLE: Omit<DemoSignIn, "password">[] = [
  { name: "Alex Morgan", email: "alex.morgan@example.org", role: "admin", isAdmin: true },
  { name: "Priya Shah", email: "priya.shah@example.org", role: "member", isAdmin: false },
  { name: "Tom Hughes", email: "tom.hughes@example.org", role: "member", isAdmin: false },
  { name: "Grace Okafor", email: "grace.okafor@example.org", role: "member", isAdmin: false },
  { name: "Sam Patel", email: "sam.patel@example.org", role: "guest", isAdmin: false },
];

const STEERING_GROUP = {
  name: "Compassionate Community Steering Group",
  handle: "compassionate-community",
  description:
    "The steering group for Compassionate Communities in Bath & North East Somerset: staff, " +
    "charities, the council, health services, housing and faith groups working together so that " +
    "nobody faces dying, caring or loss alone.",
};

const VISION_SUBGROUP = {
  name: "Vision Document Working Group",
  handle: "vision-working-group",
  description: "A smaller group drafting the shared vision document for the steering group to adopt.",
};

/** Passwords differ per install, so a demo instance left reachable is not open to everyone. */
function randomPassword(): string {
  return randomBytes(9).toString("base64url");
}

/** Seeds the demo steering group; the caller decides that the database is empty. */
export async function seedDemo(db: Db): Promise<DemoSignIn[]> {
  const people = await Promise.all(
    DEMO_PEOPLE.map(async (person) => {
      const password = randomPassword();
      return { ...person, password, passwordHash: await hashPassword(password) };
    }),
  );
  await db.$transaction(async (tx) => {
    const users = await Promise.all(
      people.map(({ name, email, isAdmin, passwordHash }) =>
        tx.user.create({ data: { name, email, isAdmin, passwordHash }, select: { id: true } }),
      ),
    );
    const steering = await tx.group.create({ data: STEERING_GROUP, select: { id: true } });
    const vision = await tx.group.create({ data: { ...VISION_SUBGROUP, parentId: steering.id }, select: { id: true } });
    await tx.membership.createMany({
      data: people.map(({ role }, index) => ({ userId: users[index]!.id, groupId: steering.id, role })),
    });
    await tx.membership.createMany({
      data: people
        .map(({ role }, index) => ({ userId: users[index]!.id, groupId: vision.id, role }))
        .filter(({ role }) => role !== "guest")
        .slice(0, 3),
    });
  });
  return people.map(({ passwordHash: _hash, ...signIn }) => signIn);
}
