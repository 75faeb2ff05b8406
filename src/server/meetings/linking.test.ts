import { describe, expect, it } from "vitest";
import { addMember, callerFor, makeGroup, makeMeeting, makeUser } from "@/server/test/factories";

const inOneWeek = () => new Date(Date.now() + 7 * 86_400_000);

async function twoGroups() {
  const [group, other] = await Promise.all([makeGroup(), makeGroup()]);
  const [admin, member, guest] = await Promise.all([makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  await addMember(other.id, admin.id, "admin");
  const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id, title: "Budget meeting" });
  const elsewhere = await makeMeeting({ groupId: other.id, createdById: admin.id, title: "Other group's meeting" });
  return { group, other, admin, member, guest, meeting, elsewhere, as: (user: { id: string }) => callerFor(user.id).caller };
}

describe("threads about a meeting", () => {
  it("link to a meeting of their group, show it, and appear on the meeting's page", async () => {
    const { group, member, meeting, as } = await twoGroups();
    const { caller, published } = callerFor(member.id);
    const { id } = await caller.thread.create({ groupId: group.id, title: "Questions for the meeting", body: "Body", meetingId: meeting.id });
    expect((await caller.thread.byId({ id })).meeting).toEqual({ id: meeting.id, title: "Budget meeting", startsAt: expect.any(Date) });
    expect(published).toContainEqual(expect.objectContaining({ name: "meeting.updated", payload: { meetingId: meeting.id, groupId: group.id } }));
    expect((await as(member).meeting.byId({ id: meeting.id })).threads).toEqual([{ id, title: "Questions for the meeting" }]);
    await caller.thread.update({ id, meetingId: null });
    expect((await caller.thread.byId({ id })).meeting).toBeNull();
  });

  it("refuse a meeting of another group, on create and on edit, and a move drops the link", async () => {
    const { group, other, admin, member, meeting, elsewhere, as } = await twoGroups();
    await expect(as(admin).thread.create({ groupId: group.id, title: "T", body: "B", meetingId: elsewhere.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That meeting is not in this group.",
    });
    const { id } = await as(member).thread.create({ groupId: group.id, title: "T", body: "B" });
    await expect(as(member).thread.update({ id, meetingId: elsewhere.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await as(member).thread.update({ id, meetingId: meeting.id });
    await as(admin).thread.move({ id, groupId: other.id });
    expect((await as(admin).thread.byId({ id })).meeting).toBeNull();
  });

  it("move to another meeting or come unlinked on edit, telling both meetings, and only by the author", async () => {
    const { group, admin, member, meeting, as } = await twoGroups();
    const later = await makeMeeting({ groupId: group.id, createdById: admin.id, title: "Follow-up meeting" });
    const { id } = await as(member).thread.create({ groupId: group.id, title: "Agenda ideas", body: "B", meetingId: meeting.id });
    await expect(as(admin).thread.update({ id, meetingId: null })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { caller, published } = callerFor(member.id);
    await caller.thread.update({ id, meetingId: later.id });
    expect((await caller.thread.byId({ id })).meeting).toMatchObject({ id: later.id, title: "Follow-up meeting" });
    expect(published.filter((event) => event.name === "meeting.updated").map((event) => event.payload)).toEqual([
      { meetingId: meeting.id, groupId: group.id },
      { meetingId: later.id, groupId: group.id },
    ]);
    expect((await as(member).meeting.byId({ id: meeting.id })).threads).toEqual([]);

    await caller.thread.update({ id, title: "Agenda ideas, revised" });
    expect((await caller.thread.byId({ id })).meeting).toMatchObject({ id: later.id });

    published.length = 0;
    await caller.thread.update({ id, meetingId: null });
    expect((await caller.thread.byId({ id })).meeting).toBeNull();
    expect((await as(member).meeting.byId({ id: later.id })).threads).toEqual([]);
    expect(published).toContainEqual(expect.objectContaining({ name: "meeting.updated", payload: { meetingId: later.id, groupId: group.id } }));
  });

  it("keep the meeting from guests invited to the thread", async () => {
    const { group, admin, guest, meeting, as } = await twoGroups();
    const { id } = await as(admin).thread.create({ groupId: group.id, title: "T", body: "B", meetingId: meeting.id });
    const { getDb } = await import("@/server/db");
    await getDb().threadGuest.create({ data: { threadId: id, userId: guest.id } });
    expect((await as(guest).thread.byId({ id })).meeting).toBeNull();
  });
});

describe("polls for a meeting", () => {
  it("link to a meeting of their group and refuse one of another group", async () => {
    const { group, admin, meeting, elsewhere, as } = await twoGroups();
    const base = { groupId: group.id, kind: "proposal" as const, title: "Agree the agenda", closingAt: inOneWeek() };
    await expect(as(admin).poll.create({ ...base, meetingId: elsewhere.id })).rejects.toMatchObject({ message: "That meeting is not in this group." });
    const { id } = await as(admin).poll.create({ ...base, meetingId: meeting.id });
    expect((await as(admin).poll.byId({ id })).meeting).toMatchObject({ id: meeting.id, title: "Budget meeting" });
    expect((await as(admin).meeting.byId({ id: meeting.id })).polls).toEqual([{ id, title: "Agree the agenda", closed: false }]);
  });
});
