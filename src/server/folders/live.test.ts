import { describe, expect, it } from "vitest";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

async function groupWithAdmin() {
  const group = await makeGroup();
  const admin = await makeUser();
  await addMember(group.id, admin.id, "admin");
  return { group, admin };
}

describe("live updates of library folders", () => {
  it("tells the group's room by id after a folder is created, renamed or deleted", async () => {
    const { group, admin } = await groupWithAdmin();
    const changed = (folderId: string) => ({ name: "folder.changed", room: `group:${group.id}`, payload: { groupId: group.id, folderId } });

    const create = callerFor(admin.id);
    const { id } = await create.caller.folder.create({ groupId: group.id, name: "Minutes" });
    expect(create.published).toEqual([changed(id)]);

    const rename = callerFor(admin.id);
    await rename.caller.folder.rename({ id, name: "Minutes 2026" });
    expect(rename.published).toEqual([changed(id)]);

    const remove = callerFor(admin.id);
    await remove.caller.folder.delete({ id });
    expect(remove.published).toEqual([changed(id)]);
  });

  it("publishes nothing when the change is refused", async () => {
    const { group, admin } = await groupWithAdmin();
    const { id: parentId } = await callerFor(admin.id).caller.folder.create({ groupId: group.id, name: "Minutes" });
    await callerFor(admin.id).caller.folder.create({ groupId: group.id, name: "2026", parentId });

    const clash = callerFor(admin.id);
    await expect(clash.caller.folder.create({ groupId: group.id, name: "minutes" })).rejects.toMatchObject({ code: "CONFLICT" });
    const notEmpty = callerFor(admin.id);
    await expect(notEmpty.caller.folder.delete({ id: parentId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect([...clash.published, ...notEmpty.published]).toEqual([]);
  });
});
