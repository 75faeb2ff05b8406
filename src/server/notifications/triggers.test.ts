import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { getDb, type Db } from "@/server/db";
import type { DomainEvent } from "@/server/events";
import type { NotificationKind } from "@/server/notifications/schemas";
import { mentionToken } from "@/lib/mentions";
import { runPollSchedule } from "@/server/polls/scheduler";
import { inOneWeek } from "@/server/test/poll-fixtures";
import { addMember, callerFor, makeGroup, makeInvitation, makeUser } from "@/server/test/factories";

/** A group with an admin, two members, a guest (invited to nothing yet) and an outsider. */
async function circle() {
  const group = await makeGroup();
  const [admin, alice, bob, guest, outsider] = await Promise.all([
    makeUser({ name: "Ada Admin" }),
    makeUser({ name: "Alice Member" }),
    makeUser({ name: "Bob Member" }),
    makeUser({ name: "Gus Guest" }),
    makeUser({ name: "Olga Outsider" }),
  ]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, alice.id, "member");
  await addMember(group.id, bob.id, "member");
  await addMember(group.id, guest.id, "guest");
  const as = (user: { id: string }) => callerFor(user.id).caller;
  return { group, admin, alice, bob, guest, outsider, as };
}

/** Who got a notification of this kind in this group, as sorted user ids. */
async function recipients(kind: NotificationKind, groupId: string, url?: string): Promise<string[]> {
  const rows = await getDb().notification.findMany({ where: { kind, groupId, ...(url ? { url } : {}) }, select: { userId: true } });
  return rows.map(({ userId }) => userId).sort();
}

const ids = (...people: { id: string }[]) => people.map(({ id }) => id).sort();

describe("mentions", () => {
  it("notify the people mentioned who can see the thread, never the author, and link to the comment", async () => {
    const { group, admin, alice, bob, guest, outsider, as } = await circle();
    const invitedGuest = await makeUser({ name: "Ivy Invited" });
    await addMember(group.id, invitedGuest.id, "guest");
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Charter", body: "Draft" });
    await getDb().threadGuest.create({ data: { threadId: thread.id, userId: invitedGuest.id } });

    const { caller, published } = callerFor(alice.id);
    const body = [admin, alice, guest, outsider, invitedGuest].map(mentionToken).join(" ") + " please look";
    const comment = await caller.comment.create({ threadId: thread.id, body });

    const url = `/threads/${thread.id}#comment-${comment.id}`;
    expect(await recipients("mention", group.id)).toEqual(ids(admin, invitedGuest));
    expect(await recipients("mention", group.id, url)).toEqual(ids(admin, invitedGuest));
    const event = published.find((item) => item.name === "notification.created" && item.room === `user:${admin.id}`);
    expect(event?.payload).toMatchObject({ summary: "Alice Member mentioned you in “Charter”", url, read: false });
    expect(published.filter((item) => item.name === "notification.created").map(({ room }) => room)).not.toContain(`user:${bob.id}`);
  });
});

describe("replies", () => {
  it("notify the author of the comment replied to, unless it is the replier or the reply mentions them", async () => {
    const { group, admin, alice, bob, as } = await circle();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Budget", body: "Numbers" });
    const top = await as(alice).comment.create({ threadId: thread.id, body: "First thoughts" });

    const reply = await as(bob).comment.create({ threadId: thread.id, body: "I agree", parentId: top.id });
    expect(await recipients("reply", group.id)).toEqual(ids(alice));
    expect(await recipients("reply", group.id, `/threads/${thread.id}#comment-${reply.id}`)).toEqual(ids(alice));

    await as(alice).comment.create({ threadId: thread.id, body: "Adding to my own", parentId: top.id });
    expect(await recipients("reply", group.id)).toEqual(ids(alice));

    await as(admin).comment.create({ threadId: thread.id, body: `${mentionToken(alice)} see this`, parentId: top.id });
    expect(await recipients("reply", group.id)).toEqual(ids(alice));
    expect(await recipients("mention", group.id)).toEqual(ids(alice));

    await as(alice).comment.create({ threadId: thread.id, body: "Answering Bob", parentId: reply.id });
    expect(await recipients("reply", group.id)).toEqual(ids(alice, bob));
  });

  it("do not reach someone who can no longer see the thread", async () => {
    const { group, admin, alice, as } = await circle();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Venue", body: "Where?" });
    const top = await as(alice).comment.create({ threadId: thread.id, body: "The hall" });
    await as(alice).member.leave({ groupId: group.id });
    await as(admin).comment.create({ threadId: thread.id, body: "Good idea", parentId: top.id });
    expect(await recipients("reply", group.id)).toEqual([]);
  });
});

describe("new threads", () => {
  it("notify the group's members and admins, not its guests, not the author", async () => {
    const { group, admin, alice, bob } = await circle();
    const { caller, published } = callerFor(alice.id);
    const thread = await caller.thread.create({ groupId: group.id, title: "Summer fair", body: "Ideas?" });
    expect(await recipients("new_thread", group.id, `/threads/${thread.id}`)).toEqual(ids(admin, bob));
    expect(published.filter(({ name }) => name === "notification.created").map(({ room }) => room).sort()).toEqual(
      [`user:${admin.id}`, `user:${bob.id}`].sort(),
    );
  });
});

describe("polls", () => {
  it("a new poll notifies its voters: every member and admin, or only the chosen ones", async () => {
    const { group, admin, alice, bob, as } = await circle();
    const open = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Adopt", closingAt: inOneWeek() });
    expect(await recipients("new_poll", group.id, `/polls/${open.id}`)).toEqual(ids(alice, bob));

    const chosen = await as(admin).poll.create({
      groupId: group.id,
      kind: "proposal",
      title: "Treasurer",
      closingAt: inOneWeek(),
      voterIds: [alice.id, admin.id],
    });
    expect(await recipients("new_poll", group.id, `/polls/${chosen.id}`)).toEqual(ids(alice));
  });

  it("a poll in a thread links to its card in the thread", async () => {
    const { group, admin, alice, bob, as } = await circle();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Dates", body: "When?" });
    const poll = await as(alice).poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Saturday", closingAt: inOneWeek() });
    expect(await recipients("new_poll", group.id, `/threads/${thread.id}#poll-${poll.id}-title`)).toEqual(ids(admin, bob));
  });

  it("a poll closing within a day notifies those who have not voted, once", async () => {
    const { group, admin, alice, bob, as } = await circle();
    const soon = await as(admin).poll.create({
      groupId: group.id,
      kind: "proposal",
      title: "Closing soon",
      closingAt: new Date(Date.now() + 60 * 60 * 1000),
    });
    const [agree] = (await as(admin).poll.byId({ id: soon.id })).options;
    await as(alice).poll.vote({ pollId: soon.id, choices: [{ optionId: agree!.id }] });
    const published: DomainEvent[] = [];
    await runPollSchedule(getDb(), (event) => published.push(event));
    await runPollSchedule(getDb(), (event) => published.push(event));
    expect(await recipients("poll_closing", group.id, `/polls/${soon.id}`)).toEqual(ids(admin, bob));
    const event = published.find(({ name }) => name === "notification.created");
    expect(event?.payload).toMatchObject({ actor: null, summary: "“Closing soon” closes within a day and you have not voted yet" });
  });

  it("an outcome notifies the group's members and admins except its author", async () => {
    const { group, admin, alice, bob, as } = await circle();
    const { id } = await as(alice).poll.create({ groupId: group.id, kind: "proposal", title: "Adopt", closingAt: inOneWeek() });
    await as(alice).poll.close({ id });
    await as(alice).poll.setOutcome({ id, statement: "Adopted." });
    expect(await recipients("poll_outcome", group.id, `/polls/${id}`)).toEqual(ids(admin, bob));
  });
});

describe("membership", () => {
  it("an accepted invitation notifies the inviter, with the newcomer as the actor", async () => {
    const { group, admin } = await circle();
    const invitation = await makeInvitation({ groupId: group.id, invitedById: admin.id });
    await callerFor(null).caller.invitation.accept({ token: invitation.token, name: "Nia Newcomer", password: "a long enough password" });
    const rows = await getDb().notification.findMany({
      where: { kind: "invitation_accepted", groupId: group.id },
      select: { userId: true, actor: { select: { name: true } }, url: true },
    });
    expect(rows).toEqual([{ userId: admin.id, actor: { name: "Nia Newcomer" }, url: `/groups/${group.handle}/members` }]);
    const [item] = (await callerFor(admin.id).caller.notification.list({})).items;
    expect(item?.summary).toBe(`Nia Newcomer accepted your invitation to ${group.name}`);
  });

  it("a membership request notifies the group's admins only", async () => {
    const { group, admin, outsider, as } = await circle();
    const secondAdmin = await makeUser();
    await addMember(group.id, secondAdmin.id, "admin");
    await as(outsider).membershipRequest.create({ groupId: group.id, introduction: "Hello" });
    expect(await recipients("membership_request", group.id, `/groups/${group.handle}/requests`)).toEqual(ids(admin, secondAdmin));
  });
});

describe("failures", () => {
  it("a failing notification never fails the comment that caused it", async () => {
    const { group, admin, alice, as } = await circle();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Fragile", body: "Body" });
    const broken = getDb().$extends({
      query: {
        notification: {
          createManyAndReturn() {
            throw new Error("disk full");
          },
        },
      },
    }) as unknown as Db;
    const caller = createCaller({ db: broken, userId: alice.id, publish: () => undefined });
    const comment = await caller.comment.create({ threadId: thread.id, body: `${mentionToken(admin)} still saved` });
    expect(await getDb().comment.count({ where: { id: comment.id } })).toBe(1);
    expect(await recipients("mention", group.id)).toEqual([]);
  });
});

describe("a new comment", () => {
  it("reaches each person once, mention before reply before new comment, never its author or anyone who cannot see the thread", async () => {
    const { group, admin, alice, bob, guest, outsider, as } = await circle();
    const [carol, invited] = await Promise.all([makeUser({ name: "Carol Member" }), makeUser({ name: "Ivy Invited" })]);
    await addMember(group.id, carol.id, "member");
    await addMember(group.id, invited.id, "guest");
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Rota", body: "Who does what" });
    await getDb().threadGuest.create({ data: { threadId: thread.id, userId: invited.id } });
    const top = await as(alice).comment.create({ threadId: thread.id, body: "I can do Mondays" });
    const everyone = [admin, alice, bob, carol, guest, outsider, invited];
    // Starting and commenting already followed it for the admin and Alice.
    await getDb().threadFollow.deleteMany({ where: { threadId: thread.id } });
    await getDb().threadFollow.createMany({ data: everyone.map(({ id }) => ({ userId: id, threadId: thread.id, following: true })) });
    await getDb().notification.deleteMany({ where: { groupId: group.id } });

    const reply = await as(admin).comment.create({
      threadId: thread.id,
      body: `${mentionToken(bob)} ${mentionToken(admin)} ${mentionToken(outsider)} could you swap?`,
      parentId: top.id,
    });

    const rows = await getDb().notification.findMany({ where: { groupId: group.id }, select: { userId: true, kind: true, url: true } });
    const url = `/threads/${thread.id}#comment-${reply.id}`;
    expect(rows.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [
        { userId: bob.id, kind: "mention", url },
        { userId: alice.id, kind: "reply", url },
        { userId: carol.id, kind: "new_comment", url },
        { userId: invited.id, kind: "new_comment", url },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
  });
});
