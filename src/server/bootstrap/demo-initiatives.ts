import type { Db } from "@/server/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type DemoInitiative = {
  name: string;
  organisation: string | null;
  description: string;
  contact: string;
  area: string;
  website: string;
  tags: string[];
  /** Titles of the demo discussions that are about it. */
  threads: string[];
};

const INITIATIVES: DemoInitiative[] = [
  {
    name: "Befriending project",
    organisation: "Dorothy House Hospice Care",
    description:
      "Trained volunteers visit people living with a life-limiting illness, and their carers, for an hour or two a week: " +
      "a cup of tea, a walk, company at hospital appointments.\n\n- Referrals from GPs, district nurses or families\n- Volunteers matched by area and interests",
    contact: "befriending@example.org · 01225 000 101",
    area: "Bath and the surrounding villages",
    website: "https://www.dorothyhouse.org.uk",
    tags: ["befriending", "volunteers", "carers"],
    threads: ["What helped when you were caring for someone?"],
  },
  {
    name: "Village agents",
    organisation: "Bath & North East Somerset Council",
    description:
      "A village agent in each rural ward links older and isolated residents to help: benefits, transport, repairs, " +
      "social groups. Agents know who is on their own and who to call.",
    contact: "village.agents@example.org",
    area: "Chew Valley, Somer Valley and the rural wards",
    website: "https://www.bathnes.gov.uk",
    tags: ["rural", "older-people", "signposting"],
    threads: ["Adopting the Compassionate City Charter"],
  },
  {
    name: "Later-life connections",
    organisation: "Curo Housing",
    description:
      "Tenancy support staff spot residents who have become isolated in later life and connect them to neighbours, " +
      "lunch clubs and the walking football sessions.",
    contact: "01225 000 303",
    area: "Curo homes across Bath",
    website: "",
    tags: ["older-people", "loneliness", "housing"],
    threads: ["What helped when you were caring for someone?"],
  },
];

/** The demo group's directory of initiatives, run by the demo organisations and linked to its discussions. */
export async function seedDemoInitiatives(tx: Tx, groupId: string, createdById: string): Promise<void> {
  const [organisations, threads] = await Promise.all([
    tx.organisation.findMany({ where: { name: { in: INITIATIVES.flatMap(({ organisation }) => organisation ?? []) } }, select: { id: true, name: true } }),
    tx.thread.findMany({ where: { groupId, title: { in: INITIATIVES.flatMap(({ threads: titles }) => titles) } }, select: { id: true, title: true } }),
  ]);
  for (const initiative of INITIATIVES) {
    await tx.initiative.create({
      data: {
        groupId,
        name: initiative.name,
        description: initiative.description,
        organisationId: organisations.find(({ name }) => name === initiative.organisation)?.id ?? null,
        contact: initiative.contact,
        area: initiative.area,
        website: initiative.website,
        createdById,
        tags: { create: initiative.tags.map((tag) => ({ tag })) },
        threads: { create: threads.filter(({ title }) => initiative.threads.includes(title)).map(({ id }) => ({ threadId: id })) },
      },
      select: { id: true },
    });
  }
}
