import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { MEMBER_PAGE_SIZE } from "@/server/members/list";
import { addMember, callerFor, makeGroup, makeOrganisation, makeUser } from "@/server/test/factories";

async function directory() {
  const group = await makeGroup();
  const hospice = await makeOrganisation({ name: `Hospice ${crypto.randomUUID().slice(0, 6)}` });
  const council = await makeOrganisation({ name: `Council ${crypto.randomUUID().slice(0, 6)}` });
  const people = {
    admin: await makeUser({ name: "Zoe Admin" }),
    priya: await makeUser({ name: "Priya Shah" }),
    tom: await makeUser({ name: "Tom Hughes" }),
    grace: await makeUser({ name: "Grace Okafor" }),
    sam: await makeUser({ name: "Sam Guest" }),
  };
  const db = getDb();
  await db.user.update({ where: { id: people.priya.id }, data: { organisationId: hospice.id, bio: "Nurse. ".repeat(60) } });
  await db.user.update({ where: { id: people.tom.id }, data: { organisationId: council.id } });
  await db.user.update({ where: { id: people.admin.id }, data: { organisationId: council.id } });
  await addMember(group.id, people.admin.id, "admin");
  await addMember(group.id, people.priya.id, "member");
  await addMember(group.id, people.tom.id, "member");
  await addMember(group.id, people.grace.id, "member");
  await addMember(group.id, people.sam.id, "guest");
  return { group, hospice, council, ...people };
}

describe("member.list", () => {
  it("orders by organisation then name, people without one last, and hides guests and emails from members", async () => {
    const { group, priya, hospice, council } = await directory();
    const { items, nextCursor } = await callerFor(priya.id).caller.member.list({ groupId: group.id });
    expect(items.map(({ name, organisation, role, email }) => ({ name, organisation: organisation?.id ?? null, role, email }))).toEqual([
      { name: "Tom Hughes", organisation: council.id, role: "member", email: null },
      { name: "Zoe Admin", organisation: council.id, role: "admin", email: null },
      { name: "Priya Shah", organisation: hospice.id, role: "member", email: null },
      { name: "Grace Okafor", organisation: null, role: "member", email: null },
    ]);
    expect(nextCursor).toBeNull();
    const bio = items.find((item) => item.name === "Priya Shah")!.bio;
    expect(bio.length).toBeLessThanOrEqual(280);
    expect(bio.endsWith("…")).toBe(true);
    expect(items[0]!.joinedAt).toBeInstanceOf(Date);
  });

  it("shows admins the guests and everyone's email", async () => {
    const { group, admin, sam } = await directory();
    const { items } = await callerFor(admin.id).caller.member.list({ groupId: group.id });
    expect(items).toHaveLength(5);
    expect(items.find((item) => item.userId === sam.id)).toMatchObject({ role: "guest", email: sam.email });
  });

  it("filters by name (ignoring case), organisation and role", async () => {
    const { group, admin, hospice } = await directory();
    const { caller } = callerFor(admin.id);
    const names = async (input: Record<string, string>) =>
      (await caller.member.list({ groupId: group.id, ...input })).items.map(({ name }) => name);
    expect(await names({ search: "priya" })).toEqual(["Priya Shah"]);
    expect(await names({ organisationId: hospice.id })).toEqual(["Priya Shah"]);
    expect(await names({ role: "admin" })).toEqual(["Zoe Admin"]);
    expect(await names({ role: "guest" })).toEqual(["Sam Guest"]);
  });

  it("finds names in any language whatever their case, and takes wildcards in a search literally", async () => {
    const group = await makeGroup();
    const admin = await makeUser({ name: "Zoe Admin" });
    await addMember(group.id, admin.id, "admin");
    for (const name of ["Élodie Durand", "Özlem Yılmaz", "ΣΟΦΊΑ Παππά", "Ирина Петрова", "Ana 100% Ready"]) {
      await addMember(group.id, (await makeUser({ name })).id, "member");
    }
    const names = async (search: string) => (await callerFor(admin.id).caller.member.list({ groupId: group.id, search })).items.map(({ name }) => name);
    expect(await names("élodie")).toEqual(["Élodie Durand"]);
    expect(await names("ÉLODIE")).toEqual(["Élodie Durand"]);
    expect(await names("özlem")).toEqual(["Özlem Yılmaz"]);
    expect(await names("σοφία")).toEqual(["ΣΟΦΊΑ Παππά"]);
    expect(await names("ирина")).toEqual(["Ирина Петрова"]);
    expect(await names("100%")).toEqual(["Ana 100% Ready"]);
    expect(await names("%")).toEqual(["Ana 100% Ready"]);
    expect(await names("_")).toEqual([]);
  });

  it("gives members no guests even when they ask for them by role", async () => {
    const { group, tom } = await directory();
    await expect(callerFor(tom.id).caller.member.list({ groupId: group.id, role: "guest" })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("never shows the list to guests, outsiders or signed-out callers", async () => {
    const { group, sam } = await directory();
    const outsider = await makeUser();
    await expect(callerFor(sam.id).caller.member.list({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.member.list({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.member.list({ groupId: group.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  const boundaries = [
    ["among people with organisations", (index: number) => index % 4 !== 0],
    ["among people without one", (index: number) => index % 2 === 0],
  ] as const;
  for (const [where, hasOrganisation] of boundaries) {
    it(`pages through a large group in order without repeats, a page boundary falling ${where}`, async () => {
      const group = await makeGroup();
      const organisation = await makeOrganisation();
      const admin = await makeUser({ name: "Admin" });
      await addMember(group.id, admin.id, "admin");
      const total = MEMBER_PAGE_SIZE + 20;
      for (let index = 0; index < total - 1; index += 1) {
        const person = await makeUser({ name: `Person ${String(index).padStart(3, "0")}` });
        if (hasOrganisation(index)) await getDb().user.update({ where: { id: person.id }, data: { organisationId: organisation.id } });
        await addMember(group.id, person.id);
      }
      const { caller } = callerFor(admin.id);
      const first = await caller.member.list({ groupId: group.id });
      expect(first.items).toHaveLength(MEMBER_PAGE_SIZE);
      expect(first.nextCursor).not.toBeNull();
      const second = await caller.member.list({ groupId: group.id, cursor: first.nextCursor! });
      expect(second.nextCursor).toBeNull();
      const all = [...first.items, ...second.items];
      expect(all).toHaveLength(total);
      expect(new Set(all.map(({ userId }) => userId)).size).toBe(total);
      const withOrganisation = all.filter((item) => item.organisation);
      expect(all.slice(0, withOrganisation.length)).toEqual(withOrganisation);
      const names = (items: typeof all) => items.map(({ name }) => name);
      expect(names(withOrganisation)).toEqual([...names(withOrganisation)].sort());
      const without = all.slice(withOrganisation.length);
      expect(names(without)).toEqual([...names(without)].sort());
    });
  }
});
