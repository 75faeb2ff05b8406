import { randomBytes } from "node:crypto";
import { seedDemoCharter } from "@/server/bootstrap/demo-charter";
import { seedDemoContent } from "@/server/bootstrap/demo-content";
import { seedDemoDocuments } from "@/server/bootstrap/demo-documents";
import { seedDemoFollowUps } from "@/server/bootstrap/demo-follow-ups";
import { seedDemoInitiatives } from "@/server/bootstrap/demo-initiatives";
import { seedDemoStakeholders } from "@/server/bootstrap/demo-stakeholders";
import { seedDemoMeetings } from "@/server/bootstrap/demo-meetings";
import { seedDemoResources } from "@/server/bootstrap/demo-resources";
import type { Db } from "@/server/db";
import type { Role } from "@/server/policy";
import { hashPassword } from "@/server/users/password";

export type DemoSignIn = { name: string; email: string; password: string; role: Role; isAdmin: boolean };

type DemoPerson = Omit<DemoSignIn, "password"> & { organisation: string | null; bio: string };

const DEMO_PEOPLE: DemoPerson[] = [
  {
    name: "Alex Morgan",
    email: "alex.morgan@example.org",
    role: "admin",
    isAdmin: true,
    organisation: "Dorothy House Hospice Care",
    bio: "Compassionate Communities lead at Dorothy House. Keeps the steering group running and the kettle on.",
  },
  {
    name: "Priya Shah",
    email: "priya.shah@example.org",
    role: "member",
    isAdmin: false,
    organisation: "Bath & North East Somerset Council",
    bio: "Public health officer working on end-of-life care and bereavement support across the district.",
  },
  {
    name: "Tom Hughes",
    email: "tom.hughes@example.org",
    role: "member",
    isAdmin: false,
    organisation: "Curo Housing",
    bio: "Tenancy support manager. Interested in how neighbours can help older residents living alone.",
  },
  {
    name: "Grace Okafor",
    email: "grace.okafor@example.org",
    role: "member",
    isAdmin: false,
    organisation: "Bath City Football Club Foundation",
    bio: "Runs the Foundation's walking football and men's health sessions.",
  },
  {
    name: "Sam Patel",
    email: "sam.patel@example.org",
    role: "guest",
    isAdmin: false,
    organisation: null,
    bio: "Carer for his mother, invited to share what helped and what did not.",
  },
];

const ORGANISATIONS = [
  {
    name: "Dorothy House Hospice Care",
    website: "https://www.dorothyhouse.org.uk",
    description: "The local hospice charity, caring for people with life-limiting illnesses and those close to them.",
    signedCharter: true,
    charterSignedOn: new Date("2025-03-14T00:00:00Z"),
  },
  {
    name: "Bath & North East Somerset Council",
    website: "https://www.bathnes.gov.uk",
    description: "The local authority, including public health and adult social care.",
    signedCharter: true,
    charterSignedOn: new Date("2025-06-02T00:00:00Z"),
  },
  {
    name: "Curo Housing",
    website: "https://www.curo-group.co.uk",
    description: "Housing association with homes and support services across the area.",
    signedCharter: false,
    charterSignedOn: null,
  },
  {
    name: "Bath City Football Club Foundation",
    website: "",
    description: "The club's charity: health, wellbeing and community sessions for all ages.",
    signedCharter: false,
    charterSignedOn: null,
  },
];

const STEERING_GROUP = {
  name: "Compassionate Community Steering Group",
  handle: "compassionate-community",
  /** Admins invite to the steering group; the small working group below lets its members invite. */
  membersCanInvite: false,
  description:
    "The steering group for Compassionate Communities in Bath & North East Somerset: staff, " +
    "charities, the council, health services, housing and faith groups working together so that " +
    "nobody faces dying, caring or loss alone.",
};

const VISION_SUBGROUP = {
  name: "Vision Document Working Group",
  handle: "vision-working-group",
  membersCanInvite: true,
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
    const organisations = await Promise.all(
      ORGANISATIONS.map((organisation) => tx.organisation.create({ data: organisation, select: { id: true, name: true } })),
    );
    const organisationId = (name: string | null) => organisations.find((organisation) => organisation.name === name)?.id ?? null;
    const users = await Promise.all(
      people.map(({ name, email, isAdmin, passwordHash, bio, organisation }) =>
        tx.user.create({
          data: { name, email, isAdmin, passwordHash, bio, organisationId: organisationId(organisation) },
          select: { id: true },
        }),
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
    const [alex, priya, tom, grace, sam] = users.map(({ id }) => id) as [string, string, string, string, string];
    await seedDemoContent(tx, steering.id, { alex, priya, tom, grace, sam });
    await seedDemoResources(tx, steering.id, { alex, priya });
    await seedDemoMeetings(tx, steering.id, { alex, priya, tom, grace });
    await seedDemoDocuments(tx, steering.id, { alex, priya, tom, grace });
    const person = (index: number) => ({ id: users[index]!.id, name: people[index]!.name });
    await seedDemoFollowUps(tx, steering.id, { alex: person(0), priya: person(1), tom: person(2) });
    await seedDemoInitiatives(tx, steering.id, alex);
    await seedDemoStakeholders(tx, steering.id, organisationId);
    const signatories = ORGANISATIONS.filter(({ signedCharter }) => signedCharter).map(({ name, charterSignedOn }) => ({ organisationId: organisationId(name)!, signedOn: charterSignedOn }));
    await seedDemoCharter(tx, steering.id, { alex, tom }, signatories, organisationId("Curo Housing")!);
  });
  return people.map(({ name, email, password, role, isAdmin }) => ({ name, email, password, role, isAdmin }));
}
