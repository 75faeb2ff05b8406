import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeImage, makeUser } from "@/server/test/factories";

async function groupWithAdmin() {
  const admin = await makeUser();
  const group = await makeGroup({ name: "Steering" });
  await addMember(group.id, admin.id, "admin");
  return { admin, group };
}

describe("group.update", () => {
  it("lets an admin change name, handle, description, settings and logo", async () => {
    const { admin, group } = await groupWithAdmin();
    const logo = await makeImage(admin.id);
    const handle = `renamed-${crypto.randomUUID().slice(0, 6)}`;

    const detail = await callerFor(admin.id).caller.group.update({
      id: group.id,
      name: "Renamed",
      handle,
      description: "Now with **bold** aims",
      logoId: logo.id,
      membersCanInvite: true,
      membersCanPropose: false,
      membersCanAddResources: true,
    });

    expect(detail).toMatchObject({
      name: "Renamed",
      handle,
      description: "Now with **bold** aims",
      logoUrl: `/api/images/${logo.id}`,
      settings: { membersCanInvite: true, membersCanPropose: false, membersCanAddResources: true },
    });
    const cleared = await callerFor(admin.id).caller.group.update({ id: group.id, logoId: null });
    expect(cleared).toMatchObject({ logoUrl: null, name: "Renamed" });
  });

  it("refuses someone else's image as a logo", async () => {
    const { admin, group } = await groupWithAdmin();
    const theirs = await makeImage((await makeUser()).id);
    await expect(callerFor(admin.id).caller.group.update({ id: group.id, logoId: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a handle another group has, and keeps its own", async () => {
    const { admin, group } = await groupWithAdmin();
    const other = await makeGroup();
    await expect(callerFor(admin.id).caller.group.update({ id: group.id, handle: other.handle })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `The handle “${other.handle}” is already taken. Choose another.`,
    });
    await expect(callerFor(admin.id).caller.group.update({ id: group.id, handle: group.handle })).resolves.toMatchObject({
      handle: group.handle,
    });
  });

  it("refuses members and guests, and hides the group from outsiders", async () => {
    const { group } = await groupWithAdmin();
    const [member, guest, outsider] = [await makeUser(), await makeUser(), await makeUser({ isAdmin: true })];
    await addMember(group.id, member.id, "member");
    await addMember(group.id, guest.id, "guest");
    const input = { id: group.id, name: "Taken over" };
    await expect(callerFor(member.id).caller.group.update(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(guest.id).caller.group.update(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.group.update(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.group.update(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("group.update moving a group", () => {
  async function tree() {
    const admin = await makeUser();
    const top = await makeGroup({ name: "Top" });
    const child = await makeGroup({ name: "Child", parentId: top.id });
    const grandchild = await makeGroup({ name: "Grandchild", parentId: child.id });
    const other = await makeGroup({ name: "Other" });
    for (const group of [top, child, grandchild, other]) await addMember(group.id, admin.id, "admin");
    return { admin, top, child, grandchild, other };
  }

  it("never lets a group become its own ancestor", async () => {
    const { admin, top, child, grandchild } = await tree();
    const { caller } = callerFor(admin.id);
    for (const parentId of [top.id, child.id, grandchild.id]) {
      await expect(caller.group.update({ id: top.id, parentId })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "A group cannot be moved inside its own subgroup.",
      });
    }
    await expect(caller.group.update({ id: child.id, parentId: grandchild.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await getDb().group.findUniqueOrThrow({ where: { id: top.id } })).parentId).toBeNull();
  });

  it("moves a subgroup under another group its admin runs, when its members already belong there", async () => {
    const { admin, child, other } = await tree();
    const detail = await callerFor(admin.id).caller.group.update({ id: child.id, parentId: other.id });
    expect(detail.parent).toMatchObject({ id: other.id });
  });

  it("refuses a move that would leave members of the subgroup outside their new parent, naming them", async () => {
    const { admin, child, other } = await tree();
    const priya = await makeUser({ name: "Priya Shah" });
    await addMember(child.id, priya.id, "member");
    await expect(callerFor(admin.id).caller.group.update({ id: child.id, parentId: other.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Members of a subgroup must be members of “Other” first. Not yet members there: Priya Shah.",
    });
  });

  it("needs admin rights in the new parent, and the instance administrator to go top-level", async () => {
    const { admin, child } = await tree();
    const foreign = await makeGroup();
    await addMember(foreign.id, admin.id, "member");
    await expect(callerFor(admin.id).caller.group.update({ id: child.id, parentId: foreign.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(admin.id).caller.group.update({ id: child.id, parentId: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await getDb().user.update({ where: { id: admin.id }, data: { isAdmin: true } });
    await expect(callerFor(admin.id).caller.group.update({ id: child.id, parentId: null })).resolves.toMatchObject({ parent: null });
  });
});
