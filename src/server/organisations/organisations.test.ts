import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeImage, makeOrganisation, makeUser } from "@/server/test/factories";

const unique = () => crypto.randomUUID().slice(0, 6);

async function staffMember() {
  const staff = await makeUser();
  await addMember((await makeGroup()).id, staff.id, "admin");
  return staff;
}

describe("organisation.create", () => {
  it("lets staff create an organisation with a signed charter", async () => {
    const staff = await staffMember();
    const logo = await makeImage(staff.id);
    const signedOn = new Date("2025-03-14T00:00:00Z");
    const name = `Dorothy House ${unique()}`;
    const organisation = await callerFor(staff.id).caller.organisation.create({
      name,
      website: "https://www.dorothyhouse.org.uk",
      description: "Hospice care",
      logoId: logo.id,
      signedCharter: true,
      charterSignedOn: signedOn,
    });
    expect(organisation).toEqual({
      id: expect.any(String),
      name,
      website: "https://www.dorothyhouse.org.uk",
      description: "Hospice care",
      signedCharter: true,
      charterSignedOn: signedOn,
      logoUrl: `/api/images/${logo.id}`,
      memberCount: 0,
      canEdit: true,
    });
  });

  it("refuses a name already used, whatever its case", async () => {
    const staff = await makeUser({ isAdmin: true });
    const existing = await makeOrganisation({ name: `Curo Housing ${unique()}` });
    await expect(
      callerFor(staff.id).caller.organisation.create({ name: existing.name.toUpperCase() }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: `There is already an organisation called “${existing.name}”.` });
  });

  it("accepts only http and https websites", async () => {
    const staff = await makeUser({ isAdmin: true });
    const { caller } = callerFor(staff.id);
    for (const website of ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org", "example.org", "https://localhost"]) {
      await expect(caller.organisation.create({ name: `Bad ${unique()}`, website })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(caller.organisation.create({ name: `Plain ${unique()}`, website: "http://example.org/about" })).resolves.toMatchObject({
      website: "http://example.org/about",
    });
  });

  it("drops a charter date when the charter is not signed, and refuses a future date", async () => {
    const staff = await makeUser({ isAdmin: true });
    const { caller } = callerFor(staff.id);
    const unsigned = await caller.organisation.create({ name: `Unsigned ${unique()}`, charterSignedOn: new Date("2024-01-01") });
    expect(unsigned).toMatchObject({ signedCharter: false, charterSignedOn: null });
    const future = new Date(Date.now() + 86_400_000 * 30);
    await expect(
      caller.organisation.create({ name: `Future ${unique()}`, signedCharter: true, charterSignedOn: future }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses people who are not staff", async () => {
    const member = await makeUser();
    await addMember((await makeGroup()).id, member.id, "member");
    await expect(callerFor(member.id).caller.organisation.create({ name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).caller.organisation.create({ name: "Mine" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("organisation.update", () => {
  it("changes only the fields given and keeps a signed charter's date", async () => {
    const staff = await staffMember();
    const { caller } = callerFor(staff.id);
    const created = await caller.organisation.create({
      name: `Council ${unique()}`,
      signedCharter: true,
      charterSignedOn: new Date("2024-06-01"),
    });
    const updated = await caller.organisation.update({ id: created.id, description: "Local authority" });
    expect(updated).toMatchObject({ name: created.name, description: "Local authority", signedCharter: true });
    expect(updated.charterSignedOn).toEqual(new Date("2024-06-01"));
    const unsigned = await caller.organisation.update({ id: created.id, signedCharter: false });
    expect(unsigned).toMatchObject({ signedCharter: false, charterSignedOn: null });
  });

  it("refuses another organisation's name but allows its own with a new case", async () => {
    const staff = await makeUser({ isAdmin: true });
    const [one, two] = [await makeOrganisation(), await makeOrganisation()];
    const { caller } = callerFor(staff.id);
    await expect(caller.organisation.update({ id: one.id, name: two.name })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.organisation.update({ id: one.id, name: one.name.toUpperCase() })).resolves.toMatchObject({
      name: one.name.toUpperCase(),
    });
  });

  it("refuses non-staff and unknown organisations", async () => {
    const organisation = await makeOrganisation();
    const person = await makeUser();
    await expect(callerFor(person.id).caller.organisation.update({ id: organisation.id, name: "X" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const staff = await makeUser({ isAdmin: true });
    await expect(callerFor(staff.id).caller.organisation.update({ id: "missing", name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("organisation.update across groups", () => {
  /** An admin of group A; an organisation used only by people in group B; one used by someone in A. */
  async function twoGroups() {
    const [groupA, groupB] = [await makeGroup(), await makeGroup()];
    const [adminOfA, inA, onlyInB] = [await makeUser(), await makeUser(), await makeUser()];
    await addMember(groupA.id, adminOfA.id, "admin");
    await addMember(groupA.id, inA.id, "member");
    await addMember(groupB.id, onlyInB.id, "member");
    const [theirs, ours, unused] = [await makeOrganisation(), await makeOrganisation(), await makeOrganisation()];
    await getDb().user.update({ where: { id: onlyInB.id }, data: { organisationId: theirs.id } });
    await getDb().user.update({ where: { id: inA.id }, data: { organisationId: ours.id } });
    return { adminOfA, theirs, ours, unused };
  }

  it("refuses a group admin an organisation only people outside their groups belong to", async () => {
    const { adminOfA, theirs } = await twoGroups();
    await expect(callerFor(adminOfA.id).caller.organisation.update({ id: theirs.id, name: `Renamed ${unique()}` })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: `Nobody in a group you administer belongs to “${theirs.name}”, so only the instance administrator can change it.`,
    });
    expect(await getDb().organisation.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: theirs.name });
  });

  it("lets a group admin change one used in their group, or used by nobody yet, and says which in the list", async () => {
    const { adminOfA, theirs, ours, unused } = await twoGroups();
    const { caller } = callerFor(adminOfA.id);
    await expect(caller.organisation.update({ id: ours.id, description: "Ours" })).resolves.toMatchObject({ description: "Ours", canEdit: true });
    await expect(caller.organisation.update({ id: unused.id, description: "New" })).resolves.toMatchObject({ description: "New" });

    const { items } = await caller.organisation.list({});
    const canEdit = (id: string) => items.find((item) => item.id === id)?.canEdit;
    expect([canEdit(theirs.id), canEdit(ours.id), canEdit(unused.id)]).toEqual([false, true, true]);
  });

  it("lets the instance administrator change any organisation", async () => {
    const { theirs } = await twoGroups();
    const siteAdmin = await makeUser({ isAdmin: true });
    const name = `Renamed ${unique()}`;
    await expect(callerFor(siteAdmin.id).caller.organisation.update({ id: theirs.id, name })).resolves.toMatchObject({ name, canEdit: true });
  });
});

describe("organisation.list", () => {
  it("lists organisations by name with how many people belong, for anyone signed in", async () => {
    const tag = unique();
    const bath = await makeOrganisation({ name: `Bath ${tag}` });
    const avon = await makeOrganisation({ name: `Avon ${tag}` });
    const [person, other] = [await makeUser(), await makeUser()];
    await getDb().user.updateMany({ where: { id: { in: [person.id, other.id] } }, data: { organisationId: bath.id } });

    const page = await callerFor(person.id).caller.organisation.list({ search: tag });

    expect(page.items.map(({ id, memberCount }) => ({ id, memberCount }))).toEqual([
      { id: avon.id, memberCount: 0 },
      { id: bath.id, memberCount: 2 },
    ]);
    expect(page).toMatchObject({ nextCursor: null, canManage: false });
    const staff = await makeUser({ isAdmin: true });
    expect((await callerFor(staff.id).caller.organisation.list({})).canManage).toBe(true);
  });

  it("takes a null cursor as the first page, as tRPC's infinite queries send it", async () => {
    const person = await makeUser();
    const first = await callerFor(person.id).caller.organisation.list({});
    await expect(callerFor(person.id).caller.organisation.list({ cursor: null })).resolves.toEqual(first);
  });

  it("refuses signed-out callers", async () => {
    await expect(callerFor(null).caller.organisation.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
