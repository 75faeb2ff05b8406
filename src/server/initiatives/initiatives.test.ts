import { describe, expect, it } from "vitest";
import { seedDemoInitiatives } from "@/server/bootstrap/demo-initiatives";
import { getDb } from "@/server/db";
import { addMember, callerFor, countingCaller, makeGroup, makeOrganisation, makeUser } from "@/server/test/factories";

/** A group with one person in each role, an outsider in another group, and a thread in each group. */
async function directory() {
  const group = await makeGroup();
  const other = await makeGroup();
  const [admin, member, otherMember, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, otherMember.id, "member");
  await addMember(group.id, guest.id, "guest");
  await addMember(other.id, outsider.id, "admin");
  const thread = (groupId: string, authorId: string, title: string) =>
    getDb().thread.create({ data: { groupId, authorId, title, body: "Body" }, select: { id: true } });
  const [ours, elsewhere] = await Promise.all([thread(group.id, admin.id, "Befriending volunteers"), thread(other.id, outsider.id, "Not yours")]);
  return { group, other, admin, member, otherMember, guest, outsider, ours, elsewhere };
}

const as = (userId: string) => callerFor(userId).caller;

describe("the initiatives directory", () => {
  it("lets a member add an initiative with organisation, tags and a thread, and lists it for members A–Z", async () => {
    const { group, member, otherMember, ours } = await directory();
    const organisation = await makeOrganisation({ name: `Age UK ${Math.random()}` });
    const { caller, published } = callerFor(member.id);
    const { id } = await caller.initiative.create({
      groupId: group.id,
      name: "  Village agents ",
      description: "Agents **in every village**",
      organisationId: organisation.id,
      contact: "agents@example.org · 01225 000000",
      area: "Chew Valley",
      website: "example.org/agents",
      tags: ["#Rural", "rural", "older-people"],
      threadIds: [ours.id, ours.id],
    });
    await as(member.id).initiative.create({ groupId: group.id, name: "Befriending project" });
    expect(published).toContainEqual({ name: "initiative.changed", room: `group:${group.id}`, payload: { groupId: group.id, initiativeId: id } });

    const list = await as(otherMember.id).initiative.list({ groupId: group.id });
    expect(list.items.map((item) => item.name)).toEqual(["Befriending project", "Village agents"]);
    expect(list.tags).toEqual(["older-people", "rural"]);
    expect(list.canAdd).toBe(true);
    expect(list.items[1]).toMatchObject({
      id,
      description: "Agents **in every village**",
      organisation: { id: organisation.id, name: organisation.name },
      contact: "agents@example.org · 01225 000000",
      area: "Chew Valley",
      website: "https://example.org/agents",
      tags: ["older-people", "rural"],
      threads: [{ id: ours.id, title: "Befriending volunteers" }],
      createdBy: { id: member.id },
      viewer: { canEdit: false, canDelete: false },
    });
    expect(list.items[1]!.descriptionHtml).toContain("<strong>in every village</strong>");
    expect((await as(member.id).initiative.list({ groupId: group.id })).items[1]!.viewer).toEqual({ canEdit: true, canDelete: true });
  });

  it("filters by tag, organisation and words, and shows on the pages of its threads", async () => {
    const { group, admin, member, ours } = await directory();
    const organisation = await makeOrganisation();
    await as(admin.id).initiative.create({ groupId: group.id, name: "Later-life connections", tags: ["loneliness"], organisationId: organisation.id, threadIds: [ours.id] });
    await as(admin.id).initiative.create({ groupId: group.id, name: "Walking football", tags: ["sport"], area: "Twerton" });
    const names = async (filter: { tag?: string; q?: string; organisationId?: string }) =>
      (await as(member.id).initiative.list({ groupId: group.id, ...filter })).items.map((item) => item.name);
    expect(await names({ tag: "#loneliness" })).toEqual(["Later-life connections"]);
    expect(await names({ tag: "nothing" })).toEqual([]);
    expect(await names({ q: "twerton" })).toEqual(["Walking football"]);
    expect(await names({ q: organisation.name })).toEqual(["Later-life connections"]);
    expect(await names({ organisationId: organisation.id })).toEqual(["Later-life connections"]);

    const onThread = await as(member.id).initiative.forThread({ threadId: ours.id });
    expect(onThread.items).toEqual([
      expect.objectContaining({ name: "Later-life connections", organisation: { id: organisation.id, name: organisation.name } }),
    ]);
    expect(onThread.items[0]!.url).toMatch(new RegExp(`^/groups/${group.handle}/initiatives#initiative-`));
  });

  it("keeps guests, outsiders and people who left out", async () => {
    const { group, admin, member, guest, outsider, ours } = await directory();
    const { id } = await as(admin.id).initiative.create({ groupId: group.id, name: "Befriending project" });
    await expect(as(guest.id).initiative.list({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(outsider.id).initiative.list({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(guest.id).initiative.create({ groupId: group.id, name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(outsider.id).initiative.update({ id, name: "Taken" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(guest.id).initiative.delete({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(outsider.id).initiative.forThread({ threadId: ours.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await getDb().threadGuest.create({ data: { threadId: ours.id, userId: guest.id } });
    await expect(as(guest.id).initiative.forThread({ threadId: ours.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const own = await as(member.id).initiative.create({ groupId: group.id, name: "Mine" });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: member.id } });
    await expect(as(member.id).initiative.update({ id: own.id, name: "Still mine?" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(member.id).initiative.list({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets the creator and admins edit and delete, and no other member", async () => {
    const { group, admin, member, otherMember, ours } = await directory();
    const { id } = await as(member.id).initiative.create({ groupId: group.id, name: "Befriending", tags: ["a"], threadIds: [ours.id], website: "https://example.org" });
    await expect(as(otherMember.id).initiative.update({ id, name: "Mine now" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only the person who added this initiative and the group's admins can change it.",
    });
    await expect(as(otherMember.id).initiative.delete({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await as(member.id).initiative.update({ id, area: "Keynsham", tags: ["b"], threadIds: [], website: "" });
    const [item] = (await as(admin.id).initiative.list({ groupId: group.id })).items;
    expect(item).toMatchObject({ name: "Befriending", area: "Keynsham", tags: ["b"], threads: [], website: "", viewer: { canEdit: true } });
    expect((await as(member.id).initiative.forThread({ threadId: ours.id })).items).toEqual([]);

    await as(admin.id).initiative.update({ id, name: "Befriending project", organisationId: null });
    await as(admin.id).initiative.delete({ id });
    await expect(as(member.id).initiative.delete({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [deleted] = (await as(admin.id).audit.list({ groupId: group.id })).items;
    expect(deleted).toMatchObject({ action: "initiative.deleted", sentence: expect.stringContaining("deleted the initiative “Befriending project”") });
    expect((await as(member.id).initiative.list({ groupId: group.id })).items).toEqual([]);
    expect(await getDb().thread.count({ where: { id: ours.id } })).toBe(1);
  });

  it("refuses threads of another group, unknown organisations, bad websites and huge input", async () => {
    const { group, admin, ours, elsewhere } = await directory();
    await expect(as(admin.id).initiative.create({ groupId: group.id, name: "X", threadIds: [ours.id, elsewhere.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "One of the discussions to link is not in this group, or no longer exists. Choose them again.",
    });
    const { id } = await as(admin.id).initiative.create({ groupId: group.id, name: "X" });
    await expect(as(admin.id).initiative.update({ id, threadIds: [elsewhere.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().threadInitiative.count({ where: { initiativeId: id } })).toBe(0);
    await expect(as(admin.id).initiative.create({ groupId: group.id, name: "X", organisationId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(as(admin.id).initiative.create({ groupId: group.id, name: "X", website: "javascript:alert(1)" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("The website must start with http:// or https://; “javascript:” addresses are not allowed."),
    });
    await expect(as(admin.id).initiative.update({ id, website: "not a site" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin.id).initiative.create({ groupId: group.id, name: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin.id).initiative.create({ groupId: group.id, name: "X", description: "x".repeat(10_001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin.id).initiative.create({ groupId: group.id, name: "X", contact: "a\nb" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as(admin.id).initiative.create({ groupId: group.id, name: "X", threadIds: Array.from({ length: 51 }, (_, index) => `t${index}`) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers a racing edit and deletion clearly", async () => {
    const { group, admin } = await directory();
    const { id } = await as(admin.id).initiative.create({ groupId: group.id, name: "Race" });
    const results = await Promise.allSettled([as(admin.id).initiative.delete({ id }), as(admin.id).initiative.delete({ id })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "NOT_FOUND" } });
  });

  it("lists with a fixed number of queries however many initiatives, tags and threads there are", async () => {
    const { group, admin, member, ours } = await directory();
    const { caller, reset } = countingCaller(member.id);
    await as(admin.id).initiative.create({ groupId: group.id, name: "One", tags: ["a"], threadIds: [ours.id] });
    reset();
    await caller.initiative.list({ groupId: group.id });
    const few = reset();
    const organisation = await makeOrganisation();
    for (let index = 0; index < 6; index += 1) {
      await as(admin.id).initiative.create({ groupId: group.id, name: `More ${index}`, tags: ["b", `c${index}`], threadIds: [ours.id], organisationId: organisation.id });
    }
    reset();
    expect((await caller.initiative.list({ groupId: group.id })).items).toHaveLength(7);
    expect(reset()).toBe(few);
  });
});

describe("the demo directory", () => {
  it("seeds three initiatives with organisations and tags, linked to the demo discussions that exist", async () => {
    const { group, admin, member } = await directory();
    const caring = await getDb().thread.create({
      data: { groupId: group.id, authorId: admin.id, title: "What helped when you were caring for someone?", body: "Body" },
      select: { id: true },
    });
    await getDb().$transaction((tx) => seedDemoInitiatives(tx, group.id, admin.id));
    const list = await as(member.id).initiative.list({ groupId: group.id });
    expect(list.items.map((item) => item.name)).toEqual(["Befriending project", "Later-life connections", "Village agents"]);
    expect(list.items[0]!.threads).toEqual([{ id: caring.id, title: "What helped when you were caring for someone?" }]);
    expect((await as(member.id).initiative.list({ groupId: group.id, tag: "older-people" })).items).toHaveLength(2);
  });
});
