import { describe, expect, it } from "vitest";
import { mentionToken } from "@/lib/mentions";
import { getDb } from "@/server/db";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";
import { addMember, countingCaller, makeGroup, makeMeeting, makeStoredFile, makeUser } from "@/server/test/factories";

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

async function publishedResource(groupId: string, authorId: string, title: string, publishedAt: Date | null) {
  return getDb().resource.create({
    data: {
      groupId,
      kind: "file",
      title,
      authorId,
      publishedAt,
      latestVersion: 1,
      versions: { create: { number: 1, fileId: (await makeStoredFile(authorId)).id, uploadedById: authorId } },
    },
    select: { id: true },
  });
}

describe("dashboard.get", () => {
  it("lists open polls waiting for my vote, soonest first, at most five; a voted or closed poll drops out", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const create = (title: string, closingAt: Date) => as(admin).poll.create({ groupId: group.id, kind: "proposal", title, closingAt });
    const later = await create("Later", inDays(6));
    const soonest = await create("Soonest", inDays(1));
    for (const day of [2, 3, 4, 5]) await create(`Day ${day}`, inDays(day));
    const closed = await create("Closed early", inDays(1.5));
    await as(admin).poll.close({ id: closed.id });

    let dashboard = await as(alice).dashboard.get();
    expect(dashboard.awaitingVote.total).toBe(6);
    expect(dashboard.awaitingVote.items.map(({ title }) => title)).toEqual(["Soonest", "Day 2", "Day 3", "Day 4", "Day 5"]);
    expect(dashboard.awaitingVote.items[0]).toMatchObject({ id: soonest.id, kind: "proposal", group: { id: group.id, handle: group.handle } });

    const agree = (await as(alice).poll.byId({ id: soonest.id })).options[0]!.id;
    await as(alice).poll.vote({ pollId: soonest.id, choices: [{ optionId: agree }] });
    dashboard = await as(alice).dashboard.get();
    expect(dashboard.awaitingVote.total).toBe(5);
    expect(dashboard.awaitingVote.items.map(({ id }) => id)).not.toContain(soonest.id);
    expect(dashboard.awaitingVote.items.at(-1)!.id).toBe(later.id);
    // Still open, so it counts on the group's card though it no longer waits for alice.
    expect(dashboard.groups.find(({ id }) => id === group.id)!.openPollCount).toBe(6);
  });

  it("does not ask for a vote in a poll whose voters were chosen without me", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "For Bob", closingAt: inOneWeek(), voterIds: [bob.id] });
    expect((await as(alice).dashboard.get()).awaitingVote.total).toBe(0);
    expect((await as(bob).dashboard.get()).awaitingVote.items.map(({ title }) => title)).toEqual(["For Bob"]);
  });

  it("lists threads with unread comments and counts them per group; a read thread drops out", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const quiet = await as(admin).thread.create({ groupId: group.id, title: "Quiet", body: "Nothing new" });
    await as(alice).thread.markRead({ id: quiet.id });
    const busy = await as(admin).thread.create({ groupId: group.id, title: "Busy", body: "Talk" });
    await as(alice).thread.markRead({ id: busy.id });
    await as(admin).comment.create({ threadId: busy.id, body: "One" });
    await as(admin).comment.create({ threadId: busy.id, body: "Two" });
    const fresh = await as(admin).thread.create({ groupId: group.id, title: "Fresh", body: "Never opened" });

    let dashboard = await as(alice).dashboard.get();
    expect(dashboard.unreadThreads.items.map(({ title, unreadCount, unseen }) => ({ title, unreadCount, unseen }))).toEqual([
      { title: "Fresh", unreadCount: 0, unseen: true },
      { title: "Busy", unreadCount: 2, unseen: false },
    ]);
    expect(dashboard.groups.find(({ id }) => id === group.id)!.unreadThreadCount).toBe(2);
    // The thread list counts the same way.
    const listed = (await as(alice).thread.list({ groupId: group.id })).items.find(({ id }) => id === busy.id)!;
    expect(listed.unreadCount).toBe(2);

    await as(alice).thread.markRead({ id: busy.id });
    await as(alice).thread.markRead({ id: fresh.id });
    dashboard = await as(alice).dashboard.get();
    expect(dashboard.unreadThreads).toEqual({ total: 0, items: [] });
    expect(dashboard.groups.find(({ id }) => id === group.id)!.unreadThreadCount).toBe(0);
  });

  it("shows at most five unread threads, with the total", async () => {
    const { group, admin, alice, as } = await pollGroup();
    for (let index = 0; index < 7; index += 1) await as(admin).thread.create({ groupId: group.id, title: `Thread ${index}`, body: "Hi" });
    const { unreadThreads } = await as(alice).dashboard.get();
    expect(unreadThreads.total).toBe(7);
    expect(unreadThreads.items.map(({ title }) => title)).toEqual(["Thread 6", "Thread 5", "Thread 4", "Thread 3", "Thread 2"]);
  });

  it("lists unread mentions and replies only, and drops them once read", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Charter", body: "Draft" });
    const mine = await as(alice).comment.create({ threadId: thread.id, body: "My thoughts" });
    await as(bob).comment.create({ threadId: thread.id, body: "I agree", parentId: mine.id });
    await as(admin).comment.create({ threadId: thread.id, body: `${mentionToken(alice)} please look` });
    await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "New poll", closingAt: inOneWeek() });

    let dashboard = await as(alice).dashboard.get();
    expect(dashboard.mentions.total).toBe(2);
    expect(dashboard.mentions.items.map(({ kind }) => kind)).toEqual(["mention", "reply"]);
    expect(dashboard.mentions.items[0]).toMatchObject({ title: "Charter", read: false, group: { id: group.id } });

    await as(alice).notification.markRead({ ids: [dashboard.mentions.items[0]!.id] });
    dashboard = await as(alice).dashboard.get();
    expect(dashboard.mentions.items.map(({ kind }) => kind)).toEqual(["reply"]);
  });

  it("lists meetings of the next 14 days soonest first, and resources published in the last 14 days", async () => {
    const { group, admin, alice, as } = await pollGroup();
    await makeMeeting({ groupId: group.id, createdById: admin.id, title: "Next week", startsAt: inDays(7) });
    await makeMeeting({ groupId: group.id, createdById: admin.id, title: "Tomorrow", startsAt: inDays(1) });
    await makeMeeting({ groupId: group.id, createdById: admin.id, title: "Next month", startsAt: inDays(30) });
    await makeMeeting({ groupId: group.id, createdById: admin.id, title: "Last week", startsAt: inDays(-7) });
    await publishedResource(group.id, admin.id, "New agenda", inDays(-1));
    await publishedResource(group.id, admin.id, "Old minutes", inDays(-30));
    await publishedResource(group.id, admin.id, "A draft", null);

    const dashboard = await as(alice).dashboard.get();
    expect(dashboard.meetings.items.map(({ title }) => title)).toEqual(["Tomorrow", "Next week"]);
    expect(dashboard.meetings.items[0]!.group.handle).toBe(group.handle);
    expect(dashboard.resources.items.map(({ title }) => title)).toEqual(["New agenda"]);
    expect(dashboard.resources.total).toBe(1);
  });

  it("tells admins how many membership requests wait in each group they decide in, and nobody else", async () => {
    const { group, admin, alice, as } = await pollGroup();
    for (const applicant of [await makeUser(), await makeUser()]) {
      await getDb().membershipRequest.create({ data: { groupId: group.id, userId: applicant.id } });
    }
    const decided = await makeUser();
    await getDb().membershipRequest.create({ data: { groupId: group.id, userId: decided.id, status: "declined" } });

    expect((await as(admin).dashboard.get()).pendingRequests).toEqual({
      total: 2,
      items: [{ group: { id: group.id, name: group.name, handle: group.handle }, count: 2 }],
    });
    expect((await as(alice).dashboard.get()).pendingRequests).toEqual({ total: 0, items: [] });
  });

  it("shows a guest only the thread they were invited to and its poll: never other threads, polls, meetings or resources", async () => {
    const { group, admin, guest, as } = await pollGroup();
    const invited = await as(admin).thread.create({ groupId: group.id, title: "Invited", body: "For the guest" });
    const secret = await as(admin).thread.create({ groupId: group.id, title: "Members only", body: "Not for guests" });
    await getDb().threadGuest.create({ data: { threadId: invited.id, userId: guest.id } });
    await as(admin).comment.create({ threadId: secret.id, body: `${mentionToken(guest)} cannot see this` });
    await as(admin).poll.create({ groupId: group.id, threadId: invited.id, kind: "proposal", title: "Invited poll", closingAt: inOneWeek() });
    await as(admin).poll.create({ groupId: group.id, threadId: secret.id, kind: "proposal", title: "Secret poll", closingAt: inOneWeek() });
    await as(admin).poll.create({
      groupId: group.id,
      threadId: invited.id,
      kind: "proposal",
      title: "Guest chosen",
      closingAt: inOneWeek(),
      voterIds: [guest.id, admin.id],
    });
    await makeMeeting({ groupId: group.id, createdById: admin.id, startsAt: inDays(2) });
    await publishedResource(group.id, admin.id, "Members' agenda", new Date());
    await getDb().membershipRequest.create({ data: { groupId: group.id, userId: (await makeUser()).id } });

    const dashboard = await as(guest).dashboard.get();
    expect(dashboard.unreadThreads.items.map(({ title }) => title)).toEqual(["Invited"]);
    // Guests vote only where they were chosen as voters; the invited thread's poll is theirs to read.
    expect(dashboard.awaitingVote.items.map(({ title }) => title)).toEqual(["Guest chosen"]);
    expect(dashboard.mentions.total).toBe(0);
    expect(dashboard.meetings).toEqual({ total: 0, items: [] });
    expect(dashboard.resources).toEqual({ total: 0, items: [] });
    expect(dashboard.pendingRequests).toEqual({ total: 0, items: [] });
    expect(dashboard.groups).toEqual([expect.objectContaining({ id: group.id, role: "guest", unreadThreadCount: 1, openPollCount: 2 })]);
    expect(JSON.stringify(dashboard)).not.toMatch(/Members only|Secret poll|Members' agenda/);
  });

  it("shows nothing of a group the person has left, not even their unread mentions there", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Charter", body: "Draft" });
    await as(admin).comment.create({ threadId: thread.id, body: `${mentionToken(alice)} your view?` });
    await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Vote", closingAt: inOneWeek() });
    await makeMeeting({ groupId: group.id, createdById: admin.id, startsAt: inDays(2) });
    await publishedResource(group.id, admin.id, "Agenda", new Date());
    const before = await as(alice).dashboard.get();
    expect([before.awaitingVote.total, before.unreadThreads.total, before.mentions.total, before.meetings.total, before.resources.total]).toEqual([
      1, 1, 1, 1, 1,
    ]);

    await as(admin).member.remove({ groupId: group.id, userId: alice.id });
    const after = await as(alice).dashboard.get();
    expect(after).toEqual({
      awaitingVote: { total: 0, items: [] },
      unreadThreads: { total: 0, items: [] },
      mentions: { total: 0, items: [] },
      meetings: { total: 0, items: [] },
      resources: { total: 0, items: [] },
      pendingRequests: { total: 0, items: [] },
      groups: [],
    });
  });

  it("answers in the same number of queries whatever the number of groups", async () => {
    const person = await makeUser();
    const admin = await makeUser();
    const counting = countingCaller(person.id);
    const addGroup = async () => {
      const group = await makeGroup();
      await addMember(group.id, admin.id, "admin");
      await addMember(group.id, person.id, "admin");
      await makeMeeting({ groupId: group.id, createdById: admin.id, startsAt: inDays(3) });
      await publishedResource(group.id, admin.id, "Agenda", new Date());
      await getDb().membershipRequest.create({ data: { groupId: group.id, userId: (await makeUser()).id } });
      await getDb().thread.create({ data: { groupId: group.id, authorId: admin.id, title: "T", body: "B" } });
    };
    await addGroup();
    counting.reset();
    await counting.caller.dashboard.get();
    const withOne = counting.reset();
    await addGroup();
    await addGroup();
    const dashboard = await counting.caller.dashboard.get();
    expect(counting.reset()).toBe(withOne);
    expect(dashboard.pendingRequests.items).toHaveLength(3);
  });
});
