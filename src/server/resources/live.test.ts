import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "@/server/events";
import { addMember, callerFor, makeGroup, makeMeeting, makeStoredFile, makeUser } from "@/server/test/factories";

beforeAll(() => {
  process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), "hearth-resources-live-"));
});

async function groupWithMeetings() {
  const group = await makeGroup();
  const [admin, member] = await Promise.all([makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  const first = await makeMeeting({ groupId: group.id, createdById: admin.id });
  const second = await makeMeeting({ groupId: group.id, createdById: admin.id });
  return { group, admin, member, first, second };
}

/** The live events other than notifications, which have their own tests. */
const live = (published: DomainEvent[]) => published.filter(({ name }) => name !== "notification.created");

describe("live updates of the library", () => {
  it("tells the group's room by id after every change, and the meetings a resource joins or leaves", async () => {
    const { group, admin, first, second } = await groupWithMeetings();
    const changed = (resourceId: string) => ({ name: "resource.changed", room: `group:${group.id}`, payload: { groupId: group.id, resourceId } });
    const meeting = (meetingId: string) => ({ name: "meeting.updated", room: `group:${group.id}`, payload: { meetingId, groupId: group.id } });
    const file = await makeStoredFile(admin.id);

    const create = callerFor(admin.id);
    const { id } = await create.caller.resource.create({ groupId: group.id, kind: "file", title: "Draft budget", fileId: file.id, draft: true, meetingId: first.id });
    expect(live(create.published)).toEqual([changed(id), meeting(first.id)]);

    const move = callerFor(admin.id);
    await move.caller.resource.update({ id, meetingId: second.id });
    expect(live(move.published)).toEqual([changed(id), meeting(first.id), meeting(second.id)]);

    const detach = callerFor(admin.id);
    await detach.caller.resource.update({ id, meetingId: null });
    expect(live(detach.published)).toEqual([changed(id), meeting(second.id)]);

    const version = callerFor(admin.id);
    await version.caller.resource.addVersion({ id, fileId: (await makeStoredFile(admin.id)).id });
    expect(live(version.published)).toEqual([changed(id)]);

    const publish = callerFor(admin.id);
    await publish.caller.resource.publish({ id });
    expect(live(publish.published)).toEqual([changed(id)]);

    await callerFor(admin.id).caller.resource.update({ id, meetingId: first.id });
    const remove = callerFor(admin.id);
    await remove.caller.resource.delete({ id });
    expect(live(remove.published)).toEqual([changed(id), meeting(first.id)]);
  });

  it("carries only ids for a member's draft, so its title reaches no one who may not see it", async () => {
    const { group, admin, member } = await groupWithMeetings();
    const { caller: adminCaller } = callerFor(admin.id);
    await adminCaller.group.update({ id: group.id, membersCanAddResources: true });
    const { caller, published } = callerFor(member.id);
    const { id, draft } = await caller.resource.create({ groupId: group.id, kind: "link", title: "Secret plan", url: "https://example.org/plan" });
    expect(draft).toBe(true);
    expect(published).toEqual([{ name: "resource.changed", room: `group:${group.id}`, payload: { groupId: group.id, resourceId: id } }]);
    expect(JSON.stringify(published)).not.toContain("Secret plan");
  });

  it("publishes nothing when a change is refused", async () => {
    const { group, admin, member } = await groupWithMeetings();
    const { id } = await callerFor(admin.id).caller.resource.create({ groupId: group.id, kind: "link", title: "Agenda", url: "https://example.org/a" });
    const { caller, published } = callerFor(member.id);
    await expect(caller.resource.update({ id, title: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.resource.delete({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(published).toEqual([]);
  });
});
