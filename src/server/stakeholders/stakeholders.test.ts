import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { arrangeInRings, ringPosition } from "@/server/stakeholders/rings";
import { MAX_STAKEHOLDER_LINKS, MAX_STAKEHOLDERS } from "@/server/stakeholders/schemas";
import { addMember, callerFor, countingCaller, makeGroup, makeGroupWithPeople, makeOrganisation, makeUser } from "@/server/test/factories";

const as = (userId: string) => callerFor(userId).caller;

async function mapGroup() {
  const people = await makeGroupWithPeople();
  const council = await as(people.admin.id).stakeholder.upsert({
    groupId: people.group.id,
    name: "B&NES Council",
    kind: "organisation",
    sector: "council",
    relationship: "core",
  });
  const hospice = await as(people.admin.id).stakeholder.upsert({
    groupId: people.group.id,
    name: "Hospice",
    kind: "organisation",
    sector: "health",
    relationship: "partner",
  });
  return { ...people, council, hospice };
}

async function initiativeOf(groupId: string) {
  return getDb().initiative.create({ data: { groupId, name: "Befriending" }, select: { id: true, name: true } });
}

describe("stakeholder map", () => {
  it("admins add, edit and link stakeholders; members read the whole map with organisations and initiatives; every write tells the group's room", async () => {
    const { group, admin, member } = await makeGroupWithPeople();
    const organisation = await makeOrganisation({ name: `Curo ${Date.now()}` });
    const initiative = await initiativeOf(group.id);
    const { caller, published } = callerFor(admin.id);

    const curo = await caller.stakeholder.upsert({
      groupId: group.id,
      name: "  Curo  ",
      kind: "organisation",
      sector: "business",
      relationship: "supporter",
      organisationId: organisation.id,
      initiativeId: initiative.id,
      notes: "Runs sheltered housing.",
    });
    expect(curo).toMatchObject({ name: "Curo", organisation, initiative, notes: "Runs sheltered housing.", ...ringPosition("supporter", 0) });
    const priya = await caller.stakeholder.upsert({ groupId: group.id, name: "Priya", kind: "person", sector: "volunteers", relationship: "core", x: 10, y: -20 });
    expect(priya).toMatchObject({ kind: "person", x: 10, y: -20, organisation: null, initiative: null });

    const edited = await caller.stakeholder.upsert({ groupId: group.id, id: curo.id, name: "Curo Housing", kind: "organisation", sector: "business", relationship: "partner", initiativeId: null });
    expect(edited).toMatchObject({ name: "Curo Housing", relationship: "partner", initiative: null, organisation, x: curo.x, y: curo.y });

    const link = await caller.stakeholder.link({ groupId: group.id, fromId: curo.id, toId: priya.id, kind: "funds" });
    expect(link).toMatchObject({ fromId: curo.id, toId: priya.id, kind: "funds" });
    expect(await caller.stakeholder.link({ groupId: group.id, fromId: curo.id, toId: priya.id, kind: "funds" })).toEqual(link);

    const map = await as(member.id).stakeholder.list({ groupId: group.id });
    expect(map.stakeholders.map(({ name }) => name)).toEqual(["Curo Housing", "Priya"]);
    expect(map.links).toEqual([link]);
    expect(published.filter(({ name }) => name === "stakeholder.changed")).toHaveLength(4);
    expect(published).toContainEqual({ name: "stakeholder.changed", room: `group:${group.id}`, payload: { groupId: group.id } });

    await caller.stakeholder.unlink({ id: link.id });
    await caller.stakeholder.delete({ id: priya.id });
    expect(await as(member.id).stakeholder.list({ groupId: group.id })).toMatchObject({ stakeholders: [{ id: curo.id }], links: [] });
  });

  it("lists the map in a fixed number of queries however many stakeholders it has", async () => {
    const { group, admin, council, hospice } = await mapGroup();
    const { caller, reset } = countingCaller(admin.id);
    await caller.stakeholder.list({ groupId: group.id });
    const few = reset();
    for (let index = 0; index < 5; index++) {
      const extra = await caller.stakeholder.upsert({ groupId: group.id, name: `Extra ${index}`, kind: "person", sector: "residents", relationship: "to_approach" });
      await caller.stakeholder.link({ groupId: group.id, fromId: extra.id, toId: index % 2 ? council.id : hospice.id, kind: "refers_to" });
    }
    reset();
    await caller.stakeholder.list({ groupId: group.id });
    expect(reset()).toBe(few);
  });

  it("members, guests, outsiders and people who left cannot change it; guests and outsiders cannot read it", async () => {
    const { group, member, guest, council, hospice, admin } = await mapGroup();
    const outsider = await makeUser();
    const leaver = await makeUser();
    await addMember(group.id, leaver.id, "admin");
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: leaver.id } });

    await expect(as(guest.id).stakeholder.list({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(outsider.id).stakeholder.list({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(leaver.id).stakeholder.list({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const add = { groupId: group.id, name: "Church", kind: "organisation", sector: "faith", relationship: "supporter" } as const;
    await expect(as(member.id).stakeholder.upsert(add)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(member.id).stakeholder.upsert({ ...add, id: council.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(member.id).stakeholder.delete({ id: council.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only the group's admins can change the stakeholder map." });
    await expect(as(guest.id).stakeholder.delete({ id: council.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(leaver.id).stakeholder.delete({ id: council.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(member.id).stakeholder.link({ groupId: group.id, fromId: council.id, toId: hospice.id, kind: "funds" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(member.id).stakeholder.layout({ groupId: group.id, positions: [{ id: council.id, x: 1, y: 1 }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const link = await as(admin.id).stakeholder.link({ groupId: group.id, fromId: council.id, toId: hospice.id, kind: "funds" });
    await expect(as(member.id).stakeholder.unlink({ id: link.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(outsider.id).stakeholder.unlink({ id: link.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect((await as(member.id).stakeholder.list({ groupId: group.id })).stakeholders).toHaveLength(2);
  });

  it("refuses ids from another group's map: links, edits, layouts and initiatives", async () => {
    const { group, admin, council } = await mapGroup();
    const other = await mapGroup();
    // An admin of both groups still cannot mix their maps.
    await addMember(other.group.id, admin.id, "admin");
    const caller = as(admin.id);

    await expect(caller.stakeholder.link({ groupId: group.id, fromId: council.id, toId: other.council.id, kind: "partners_with" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Both stakeholders must be on this group's map.",
    });
    await expect(caller.stakeholder.link({ groupId: other.group.id, fromId: council.id, toId: other.council.id, kind: "partners_with" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.stakeholder.upsert({ groupId: group.id, id: other.council.id, name: "Taken", kind: "organisation", sector: "council", relationship: "core" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      caller.stakeholder.layout({ groupId: group.id, positions: [{ id: council.id, x: 5, y: 5 }, { id: other.council.id, x: 9, y: 9 }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const foreignInitiative = await initiativeOf(other.group.id);
    await expect(
      caller.stakeholder.upsert({ groupId: group.id, name: "Befrienders", kind: "organisation", sector: "third_sector", relationship: "partner", initiativeId: foreignInitiative.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "That initiative is not one of this group's." });
    await expect(
      caller.stakeholder.upsert({ groupId: group.id, name: "Ghost", kind: "organisation", sector: "other", relationship: "partner", organisationId: "no-such-organisation" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const [mine, theirs] = await Promise.all([as(admin.id).stakeholder.list({ groupId: group.id }), as(admin.id).stakeholder.list({ groupId: other.group.id })]);
    expect(mine.stakeholders.find(({ id }) => id === council.id)).toMatchObject({ x: council.x, y: council.y });
    expect(theirs.stakeholders.find(({ id }) => id === other.council.id)).toMatchObject({ name: "B&NES Council", x: other.council.x });
  });

  it("refuses self links and bad input with messages for people; a duplicate link is idempotent", async () => {
    const { group, admin, council, hospice } = await mapGroup();
    const caller = as(admin.id);
    await expect(caller.stakeholder.link({ groupId: group.id, fromId: council.id, toId: council.id, kind: "funds" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("A stakeholder cannot be linked to itself."),
    });
    await expect(caller.stakeholder.upsert({ groupId: group.id, name: "   ", kind: "person", sector: "residents", relationship: "core" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Give the stakeholder a name"),
    });
    await expect(caller.stakeholder.upsert({ groupId: group.id, name: "x".repeat(121), kind: "person", sector: "residents", relationship: "core" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.stakeholder.upsert({ groupId: group.id, name: "Notes", kind: "person", sector: "residents", relationship: "core", notes: "n".repeat(2001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.stakeholder.layout({ groupId: group.id, positions: [{ id: council.id, x: Number.POSITIVE_INFINITY, y: 0 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.stakeholder.layout({ groupId: group.id, positions: [{ id: council.id, x: Number.NaN, y: 0 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.stakeholder.layout({ groupId: group.id, positions: [{ id: council.id, x: 1e9, y: 0 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.stakeholder.layout({ groupId: group.id, positions: [{ id: council.id, x: 1, y: 1 }, { id: council.id, x: 2, y: 2 }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const tooMany = Array.from({ length: MAX_STAKEHOLDERS + 1 }, (_, index) => ({ id: `id${index}`, x: 0, y: 0 }));
    await expect(caller.stakeholder.layout({ groupId: group.id, positions: tooMany })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const both = await Promise.all([
      caller.stakeholder.link({ groupId: group.id, fromId: council.id, toId: hospice.id, kind: "funds" }),
      caller.stakeholder.link({ groupId: group.id, fromId: council.id, toId: hospice.id, kind: "funds" }),
    ]);
    expect(both[0]).toEqual(both[1]);
    const other = await caller.stakeholder.link({ groupId: group.id, fromId: council.id, toId: hospice.id, kind: "refers_to" });
    expect(other.id).not.toBe(both[0].id);
  });

  it("saves dragged positions in one go; deleting a stakeholder takes its links; a second delete is told plainly", async () => {
    const { group, admin, council, hospice } = await mapGroup();
    const { caller, published } = callerFor(admin.id);
    await caller.stakeholder.link({ groupId: group.id, fromId: hospice.id, toId: council.id, kind: "refers_to" });
    expect(await caller.stakeholder.layout({ groupId: group.id, positions: [{ id: council.id, x: 12.5, y: -40 }, { id: hospice.id, x: 300, y: 200 }] })).toEqual({ updated: 2 });
    const map = await caller.stakeholder.list({ groupId: group.id });
    expect(map.stakeholders.map(({ name, x, y }) => ({ name, x, y }))).toEqual([
      { name: "B&NES Council", x: 12.5, y: -40 },
      { name: "Hospice", x: 300, y: 200 },
    ]);
    expect(published.at(-1)).toEqual({ name: "stakeholder.changed", room: `group:${group.id}`, payload: { groupId: group.id } });

    await caller.stakeholder.delete({ id: council.id });
    expect((await caller.stakeholder.list({ groupId: group.id })).links).toEqual([]);
    await expect(caller.stakeholder.delete({ id: council.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("holds at most MAX_STAKEHOLDERS per group, with a clear message", async () => {
    const group = await makeGroup();
    const admin = await makeUser();
    await addMember(group.id, admin.id, "admin");
    await getDb().stakeholder.createMany({
      data: Array.from({ length: MAX_STAKEHOLDERS }, (_, index) => ({ groupId: group.id, name: `S${index}`, sector: "other" as const, relationship: "supporter" as const })),
    });
    await expect(as(admin.id).stakeholder.upsert({ groupId: group.id, name: "One more", kind: "person", sector: "residents", relationship: "core" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A map holds at most 500 stakeholders. Delete some before adding more.",
    });
  });
});

describe("the caps under a race", () => {
  it("adds exactly one of several stakeholders created at once on a map holding one fewer than the cap", async () => {
    const group = await makeGroup();
    const [admin, second] = await Promise.all([makeUser(), makeUser()]);
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, second.id, "admin");
    await getDb().stakeholder.createMany({
      data: Array.from({ length: MAX_STAKEHOLDERS - 1 }, (_, index) => ({ groupId: group.id, name: `S${index}`, sector: "other" as const, relationship: "supporter" as const })),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, index) =>
        as([admin, second][index % 2]!.id).stakeholder.upsert({ groupId: group.id, name: `Late ${index}`, kind: "organisation", sector: "health", relationship: "partner" }),
      ),
    );
    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({ code: "BAD_REQUEST", message: "A map holds at most 500 stakeholders. Delete some before adding more." });
      }
    }
    expect(await getDb().stakeholder.count({ where: { groupId: group.id } })).toBe(MAX_STAKEHOLDERS);
  });

  it("makes exactly one of several links at once on a map holding one link fewer than the cap", async () => {
    const group = await makeGroup();
    const admin = await makeUser();
    await addMember(group.id, admin.id, "admin");
    const stakeholders = await getDb().stakeholder.createManyAndReturn({
      data: Array.from({ length: 27 }, (_, index) => ({ groupId: group.id, name: `S${index}`, sector: "other" as const, relationship: "partner" as const })),
      select: { id: true },
    });
    const kinds = ["funds", "refers_to", "partners_with"] as const;
    const pairs = stakeholders.flatMap((from) => stakeholders.filter((to) => to.id !== from.id).flatMap((to) => kinds.map((kind) => ({ fromId: from.id, toId: to.id, kind }))));
    await getDb().stakeholderLink.createMany({ data: pairs.slice(0, MAX_STAKEHOLDER_LINKS - 1).map((pair) => ({ groupId: group.id, ...pair })) });
    const results = await Promise.allSettled(pairs.slice(MAX_STAKEHOLDER_LINKS - 1, MAX_STAKEHOLDER_LINKS + 5).map((pair) => as(admin.id).stakeholder.link({ groupId: group.id, ...pair })));
    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    expect(results.filter(({ status }) => status === "rejected").map((result) => (result as PromiseRejectedResult).reason)).toEqual(
      Array.from({ length: 5 }, () => expect.objectContaining({ code: "BAD_REQUEST", message: `A map holds at most ${MAX_STAKEHOLDER_LINKS} links. Remove some before adding more.` })),
    );
    expect(await getDb().stakeholderLink.count({ where: { groupId: group.id } })).toBe(MAX_STAKEHOLDER_LINKS);
  });
});

describe("rings", () => {
  it("put core stakeholders nearest the centre and those to approach furthest, never two on one spot", () => {
    const distance = ({ x, y }: { x: number; y: number }) => Math.hypot(x + 90, y + 24);
    expect(distance(ringPosition("core", 0))).toBeLessThan(distance(ringPosition("partner", 0)));
    expect(distance(ringPosition("supporter", 3))).toBeLessThan(distance(ringPosition("to_approach", 3)));
    const placed = arrangeInRings(Array.from({ length: 40 }, (_, index) => ({ id: `s${index}`, relationship: "partner" as const })));
    expect(new Set(placed.map(({ x, y }) => `${x},${y}`)).size).toBe(40);
  });
});
