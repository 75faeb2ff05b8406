import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeMeeting, makeStoredFile, makeUser } from "@/server/test/factories";

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

async function meetingGroup() {
  const group = await makeGroup();
  const [admin, alice, bob, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, alice.id, "member");
  await addMember(group.id, bob.id, "member");
  await addMember(group.id, guest.id, "guest");
  const as = (user: { id: string }) => callerFor(user.id).caller;
  return { group, admin, alice, bob, guest, outsider, as };
}

async function notificationsOf(userId: string, kind: "meeting_new" | "meeting_changed") {
  return getDb().notification.findMany({ where: { userId, kind }, select: { title: true, url: true } });
}

describe("meeting.create", () => {
  it("schedules a meeting with attendees, publishes it and tells members and admins, not the actor or guests", async () => {
    const { group, admin, alice, bob, guest } = await meetingGroup();
    const { caller, published } = callerFor(admin.id);
    const { id } = await caller.meeting.create({
      groupId: group.id,
      title: "December steering group",
      startsAt: inDays(7),
      endsAt: new Date(inDays(7).getTime() + 2 * 3_600_000),
      location: "Guildhall",
      onlineUrl: "https://meet.example.org/steering",
      agenda: "1. Charter\n2. Budget",
      attendeeIds: [alice.id, admin.id],
    });
    const meeting = await caller.meeting.byId({ id });
    expect(meeting).toMatchObject({ title: "December steering group", location: "Guildhall", agenda: "1. Charter\n2. Budget", revision: 0, attending: true });
    expect(meeting.attendees.map(({ id: attendee }) => attendee).sort()).toEqual([admin.id, alice.id].sort());
    expect(published).toContainEqual({ name: "meeting.updated", room: `group:${group.id}`, payload: { meetingId: id, groupId: group.id } });
    expect(await notificationsOf(alice.id, "meeting_new")).toEqual([{ title: "December steering group", url: `/meetings/${id}` }]);
    expect(await notificationsOf(bob.id, "meeting_new")).toHaveLength(1);
    expect(await notificationsOf(admin.id, "meeting_new")).toHaveLength(0);
    expect(await notificationsOf(guest.id, "meeting_new")).toHaveLength(0);
  });

  it("refuses an end before the start, a javascript: link, guests or outsiders as attendees and long agendas, storing nothing", async () => {
    const { group, admin, guest, outsider, as } = await meetingGroup();
    const base = { groupId: group.id, title: "T", startsAt: inDays(2) };
    await expect(as(admin).meeting.create({ ...base, endsAt: inDays(1) })).rejects.toThrow("The meeting must end after it starts.");
    await expect(as(admin).meeting.create({ ...base, onlineUrl: "javascript:alert(1)" })).rejects.toThrow(
      "“javascript:” links are not allowed. Enter a web address starting with https:// or http://.",
    );
    await expect(as(admin).meeting.create({ ...base, onlineUrl: "meet.example.org" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin).meeting.create({ ...base, attendeeIds: [guest.id] })).rejects.toMatchObject({
      message: "Attendees must be members of this group. Someone you chose is not (or is only a guest).",
    });
    await expect(as(admin).meeting.create({ ...base, attendeeIds: [outsider.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin).meeting.create({ ...base, agenda: "x".repeat(10_001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin).meeting.create({ ...base, agenda: "x".repeat(10_000) })).resolves.toMatchObject({ id: expect.any(String) });
    expect(await getDb().meeting.count({ where: { groupId: group.id } })).toBe(1);
  });
});

describe("meeting.update", () => {
  it("bumps the revision on every change and tells the attendees (not the actor) about a new time", async () => {
    const { group, admin, alice, bob, as } = await meetingGroup();
    const { id } = await as(admin).meeting.create({ groupId: group.id, title: "Planning", startsAt: inDays(3), attendeeIds: [alice.id, admin.id] });
    const { caller, published } = callerFor(admin.id);
    await caller.meeting.update({ id, startsAt: inDays(4) });
    await caller.meeting.update({ id, title: "Planning day" });
    expect((await caller.meeting.byId({ id })).revision).toBe(2);
    expect(published.filter(({ name }) => name === "meeting.updated")).toHaveLength(2);
    expect(await notificationsOf(alice.id, "meeting_changed")).toEqual([{ title: "Planning", url: `/meetings/${id}` }]);
    expect(await notificationsOf(bob.id, "meeting_changed")).toHaveLength(0);
    expect(await notificationsOf(admin.id, "meeting_changed")).toHaveLength(0);
  });

  it("changes nothing, not even the revision, when nothing differs", async () => {
    const { group, admin, as } = await meetingGroup();
    const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id, title: "Same" });
    await as(admin).meeting.update({ id: meeting.id, title: "Same" });
    expect((await as(admin).meeting.byId({ id: meeting.id })).revision).toBe(0);
  });

  it("tells the whole group about changes to a meeting without attendees, and attendees when minutes are first added", async () => {
    const { group, admin, alice, bob, as } = await meetingGroup();
    const open = await makeMeeting({ groupId: group.id, createdById: admin.id });
    await as(admin).meeting.update({ id: open.id, location: "Library" });
    expect(await notificationsOf(bob.id, "meeting_changed")).toHaveLength(1);

    const small = await makeMeeting({ groupId: group.id, createdById: admin.id, startsAt: inDays(-1), attendeeIds: [alice.id] });
    await as(admin).meeting.update({ id: small.id, minutes: "We agreed the budget." });
    expect(await notificationsOf(alice.id, "meeting_changed")).toContainEqual({ title: small.title, url: `/meetings/${small.id}#minutes` });
    await as(admin).meeting.update({ id: small.id, minutes: "We agreed the budget, with thanks." });
    expect(await notificationsOf(alice.id, "meeting_changed")).toHaveLength(2);
    expect(await notificationsOf(bob.id, "meeting_changed")).toHaveLength(1);
    expect((await as(alice).meeting.byId({ id: small.id })).minutes).toBe("We agreed the budget, with thanks.");
  });

  it("checks the end against the stored start, and lets admins remove the online link", async () => {
    const { group, admin, as } = await meetingGroup();
    const { id } = await as(admin).meeting.create({ groupId: group.id, title: "T", startsAt: inDays(3), onlineUrl: "https://meet.example.org/x" });
    await expect(as(admin).meeting.update({ id, endsAt: inDays(2) })).rejects.toMatchObject({ message: "The meeting must end after it starts." });
    await as(admin).meeting.update({ id, onlineUrl: "" });
    expect((await as(admin).meeting.byId({ id })).onlineUrl).toBeNull();
  });
});

describe("meeting.list", () => {
  it("lists upcoming meetings soonest first and past ones latest first, paging without repeats", async () => {
    const { group, admin, alice, as } = await meetingGroup();
    const starts = [-3, -1, 1, 2, 5];
    for (const days of starts) await makeMeeting({ groupId: group.id, createdById: admin.id, title: `Day ${days}`, startsAt: inDays(days) });
    await getDb().meeting.create({
      data: { groupId: group.id, createdById: admin.id, title: "Running now", startsAt: inDays(-0.01), endsAt: inDays(0.05) },
    });
    const upcoming = await as(alice).meeting.list({ groupId: group.id });
    expect(upcoming.items.map(({ title }) => title)).toEqual(["Running now", "Day 1", "Day 2", "Day 5"]);
    const past = await as(alice).meeting.list({ groupId: group.id, when: "past" });
    expect(past.items.map(({ title }) => title)).toEqual(["Day -1", "Day -3"]);

    for (let index = 0; index < 26; index += 1) await makeMeeting({ groupId: group.id, createdById: admin.id, startsAt: inDays(10) });
    const first = await as(alice).meeting.list({ groupId: group.id });
    const second = await as(alice).meeting.list({ groupId: group.id, cursor: first.nextCursor });
    expect(first.items).toHaveLength(25);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map(({ id }) => id)).size).toBe(30);
  });
});

describe("meeting.byId", () => {
  it("shows published resources to members, drafts too to admins, with the latest file's download link", async () => {
    const { group, admin, alice, as } = await meetingGroup();
    const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id });
    const [v1, v2] = [await makeStoredFile(admin.id), await makeStoredFile(admin.id)];
    const db = getDb();
    await db.resource.create({
      data: {
        groupId: group.id,
        meetingId: meeting.id,
        kind: "file",
        title: "Budget",
        authorId: admin.id,
        publishedAt: new Date(),
        latestVersion: 2,
        versions: {
          create: [
            { number: 1, fileId: v1.id, uploadedById: admin.id },
            { number: 2, fileId: v2.id, uploadedById: admin.id },
          ],
        },
      },
    });
    await db.resource.create({ data: { groupId: group.id, meetingId: meeting.id, kind: "link", title: "Draft notes", url: "https://example.org/notes", authorId: admin.id } });
    const forMember = await as(alice).meeting.byId({ id: meeting.id });
    expect(forMember.resources).toEqual([
      { id: expect.any(String), title: "Budget", kind: "file", draft: false, url: null, file: expect.objectContaining({ id: v2.id, url: `/api/files/${v2.id}` }) },
    ]);
    expect(forMember.viewer).toEqual({ canManage: false, canAddResource: false, canStartThread: true, canStartPoll: true });
    const forAdmin = await as(admin).meeting.byId({ id: meeting.id });
    expect(forAdmin.resources.map(({ title, draft, url }) => ({ title, draft, url }))).toEqual([
      { title: "Budget", draft: false, url: null },
      { title: "Draft notes", draft: true, url: "https://example.org/notes" },
    ]);
  });

  it("is not found for guests and outsiders", async () => {
    const { group, admin, guest, outsider, as } = await meetingGroup();
    const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id });
    await expect(as(guest).meeting.byId({ id: meeting.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(outsider).meeting.byId({ id: meeting.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("meeting.delete", () => {
  it("removes the meeting and keeps the threads linked to it", async () => {
    const { group, admin, alice, as } = await meetingGroup();
    const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id });
    const thread = await as(alice).thread.create({ groupId: group.id, title: "About it", body: "Body", meetingId: meeting.id });
    await as(admin).meeting.delete({ id: meeting.id });
    await expect(as(admin).meeting.byId({ id: meeting.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await as(alice).thread.byId({ id: thread.id })).meeting).toBeNull();
  });
});
