import { describe, expect, it } from "vitest";
import { mentionToken } from "@/lib/mentions";
import { getDb } from "@/server/db";
import { excerptOf } from "@/server/threads/dto";
import { addMember, callerFor, countingCaller, makeGroup, makeUser } from "@/server/test/factories";

async function groupWithPeople() {
  const group = await makeGroup();
  const [admin, member, guest, outsider] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  return { group, admin, member, guest, outsider };
}

describe("thread.create and thread.list", () => {
  it("creates a thread with normalised tags and lists it first by activity, pinned on top", async () => {
    const { group, member, admin } = await groupWithPeople();
    const { caller } = callerFor(member.id);
    const first = await caller.thread.create({ groupId: group.id, title: "Charter", body: "Draft **one**", tags: ["#Vision", "vision", "Bath"] });
    const second = await caller.thread.create({ groupId: group.id, title: "Meeting notes", body: "Notes" });
    await callerFor(admin.id).caller.thread.pin({ id: first.id, pinned: true });

    const list = await caller.thread.list({ groupId: group.id });
    expect(list.items.map(({ title, pinned }) => ({ title, pinned }))).toEqual([
      { title: "Charter", pinned: true },
      { title: "Meeting notes", pinned: false },
    ]);
    expect(list.items[0]!.tags).toEqual(["Bath", "vision"]);
    expect((await caller.thread.list({ groupId: group.id, tag: "Bath" })).items.map(({ id }) => id)).toEqual([first.id]);
    expect(second.id).toBeDefined();
  });

  it("refuses guests, outsiders and empty or oversize bodies, storing nothing", async () => {
    const { group, guest, outsider, member } = await groupWithPeople();
    const input = { groupId: group.id, title: "Hello", body: "Body" };
    await expect(callerFor(guest.id).caller.thread.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.thread.create(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(member.id).caller.thread.create({ ...input, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(member.id).caller.thread.create({ ...input, body: "x".repeat(50_001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await getDb().thread.count({ where: { groupId: group.id } })).toBe(0);
  });

  it("pages through many threads without repeats or gaps", async () => {
    const { group, member } = await groupWithPeople();
    const { caller } = callerFor(member.id);
    for (let index = 0; index < 30; index++) await caller.thread.create({ groupId: group.id, title: `T${index}`, body: "b" });
    const first = await caller.thread.list({ groupId: group.id });
    const second = await caller.thread.list({ groupId: group.id, cursor: first.nextCursor! });
    const ids = [...first.items, ...second.items].map(({ id }) => id);
    expect(first.items).toHaveLength(25);
    expect(new Set(ids).size).toBe(30);
    expect(second.nextCursor).toBeNull();
  });
});

describe("guests", () => {
  it("see only the threads they were invited to, and can take part there", async () => {
    const { group, member, guest } = await groupWithPeople();
    const { caller } = callerFor(member.id);
    const invited = await caller.thread.create({ groupId: group.id, title: "Open to guests", body: "b" });
    const hidden = await caller.thread.create({ groupId: group.id, title: "Members only", body: "b" });
    await getDb().threadGuest.create({ data: { threadId: invited.id, userId: guest.id } });

    const asGuest = callerFor(guest.id).caller;
    expect((await asGuest.thread.list({ groupId: group.id })).items.map(({ id }) => id)).toEqual([invited.id]);
    await expect(asGuest.thread.byId({ id: hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asGuest.comment.list({ threadId: hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asGuest.comment.create({ threadId: invited.id, body: "Thanks for having me" })).resolves.toMatchObject({ seq: 1 });
  });

  it("can be invited to a thread by those its page offers it to, and then see it", async () => {
    const { group, admin, member, guest } = await groupWithPeople();
    const thread = await callerFor(member.id).caller.thread.create({ groupId: group.id, title: "Ask a neighbour", body: "b" });
    const canInviteGuests = async (userId: string) => (await callerFor(userId).caller.thread.byId({ id: thread.id })).viewer.canInviteGuests;
    await getDb().threadGuest.create({ data: { threadId: thread.id, userId: guest.id } });
    expect([await canInviteGuests(admin.id), await canInviteGuests(member.id), await canInviteGuests(guest.id)]).toEqual([
      true,
      false,
      false,
    ]);
    await getDb().group.update({ where: { id: group.id }, data: { membersCanInvite: true } });
    expect(await canInviteGuests(member.id)).toBe(true);

    const email = `neighbour-${thread.id}@example.org`;
    const { invitations } = await callerFor(member.id).caller.invitation.create({
      groupId: group.id,
      emails: [email],
      role: "guest",
      threadId: thread.id,
    });
    const neighbour = await makeUser({ email });
    await callerFor(neighbour.id).caller.invitation.accept({ token: new URL(invitations[0]!.link).pathname.split("/").pop()! });
    const asNeighbour = callerFor(neighbour.id).caller;
    expect((await asNeighbour.thread.list({ groupId: group.id })).items.map(({ id }) => id)).toEqual([thread.id]);
  });

  it("filters by status and tag together, pinned threads first, and a guest's list by their invitations", async () => {
    const { group, admin, guest } = await groupWithPeople();
    const asAdmin = callerFor(admin.id).caller;
    const open = await asAdmin.thread.create({ groupId: group.id, title: "Open", body: "b", tags: ["budget"] });
    const closed = await asAdmin.thread.create({ groupId: group.id, title: "Closed", body: "b", tags: ["budget"] });
    const pinned = await asAdmin.thread.create({ groupId: group.id, title: "Pinned", body: "b", tags: ["other"] });
    await asAdmin.thread.close({ id: closed.id });
    await asAdmin.thread.pin({ id: pinned.id, pinned: true });
    const titles = async (input: { status?: "open" | "closed" | "all"; tag?: string }, caller = asAdmin) =>
      (await caller.thread.list({ groupId: group.id, ...input })).items.map(({ title }) => title);

    expect(await titles({})).toEqual(["Pinned", "Open"]);
    expect(await titles({ status: "all" })).toEqual(["Pinned", "Closed", "Open"]);
    expect(await titles({ status: "closed" })).toEqual(["Closed"]);
    expect(await titles({ status: "open", tag: "#budget" })).toEqual(["Open"]);
    expect(await titles({ status: "all", tag: "nothing" })).toEqual([]);
    const asGuest = callerFor(guest.id).caller;
    expect(await titles({ status: "all" }, asGuest)).toEqual([]);
    await getDb().threadGuest.create({ data: { threadId: pinned.id, userId: guest.id } });
    expect(await titles({ status: "all" }, asGuest)).toEqual(["Pinned"]);
    expect(open.id).toBeDefined();
  });

  it("page through only the threads they were invited to", async () => {
    const { group, member, guest } = await groupWithPeople();
    const start = Date.now();
    const threads = await getDb().thread.createManyAndReturn({
      data: Array.from({ length: 60 }, (_, index) => ({
        groupId: group.id,
        authorId: member.id,
        title: `T${index}`,
        body: "b",
        lastActivityAt: new Date(start - index * 1000),
      })),
      select: { id: true },
    });
    const invited = threads.filter((_, index) => index % 2 === 0).map(({ id }) => id);
    await getDb().threadGuest.createMany({ data: invited.map((threadId) => ({ threadId, userId: guest.id })) });

    const asGuest = callerFor(guest.id).caller;
    const first = await asGuest.thread.list({ groupId: group.id, status: "open" });
    const second = await asGuest.thread.list({ groupId: group.id, status: "open", cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map(({ id }) => id)).toEqual(invited);
    expect(second.nextCursor).toBeNull();
  });
});

describe("comments", () => {
  it("numbers comments, nests replies one level, and counts unread for others", async () => {
    const { group, member, admin } = await groupWithPeople();
    const thread = await callerFor(member.id).caller.thread.create({ groupId: group.id, title: "T", body: "b" });
    const { caller: asAdmin, published } = callerFor(admin.id);
    const top = await asAdmin.comment.create({ threadId: thread.id, body: "First" });
    const reply = await callerFor(member.id).caller.comment.create({ threadId: thread.id, body: "Reply", parentId: top.id });
    const replyToReply = await asAdmin.comment.create({ threadId: thread.id, body: "Deeper", parentId: reply.id });

    expect(replyToReply.parentId).toBe(top.id);
    expect(published.map(({ name }) => name)).toContain("comment.created");
    const page = await asAdmin.comment.list({ threadId: thread.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.replies.map(({ body }) => body)).toEqual(["Reply", "Deeper"]);

    const memberList = await callerFor(member.id).caller.thread.list({ groupId: group.id });
    expect(memberList.items[0]).toMatchObject({ commentCount: 3, unreadCount: 1 });
    await callerFor(member.id).caller.thread.markRead({ id: thread.id });
    expect((await callerFor(member.id).caller.thread.list({ groupId: group.id })).items[0]!.unreadCount).toBe(0);
  });

  it("refuses a reply to a comment in another thread and comments in a closed thread", async () => {
    const { group, member, admin } = await groupWithPeople();
    const { caller } = callerFor(member.id);
    const one = await caller.thread.create({ groupId: group.id, title: "One", body: "b" });
    const two = await caller.thread.create({ groupId: group.id, title: "Two", body: "b" });
    const elsewhere = await caller.comment.create({ threadId: one.id, body: "Here" });
    await expect(caller.comment.create({ threadId: two.id, body: "Reply", parentId: elsewhere.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You can only reply to a comment in the same thread.",
    });
    await expect(caller.thread.close({ id: two.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await callerFor(admin.id).caller.thread.close({ id: two.id });
    await expect(caller.comment.create({ threadId: two.id, body: "Late" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await callerFor(admin.id).caller.thread.reopen({ id: two.id });
    await expect(caller.comment.create({ threadId: two.id, body: "Back" })).resolves.toMatchObject({ body: "Back" });
    expect(await getDb().comment.count({ where: { threadId: two.id } })).toBe(1);
  });

  it("keeps edit history, and deletion leaves a marker that replies keep", async () => {
    const { group, member, admin } = await groupWithPeople();
    const thread = await callerFor(member.id).caller.thread.create({ groupId: group.id, title: "T", body: "b" });
    const { caller } = callerFor(member.id);
    const comment = await caller.comment.create({ threadId: thread.id, body: "Original" });
    await callerFor(admin.id).caller.comment.create({ threadId: thread.id, body: "A reply", parentId: comment.id });
    await expect(callerFor(admin.id).caller.comment.update({ id: comment.id, body: "Hijack" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const edited = await caller.comment.update({ id: comment.id, body: "Edited" });
    expect(edited.editedAt).not.toBeNull();
    expect((await caller.comment.revisions({ id: comment.id })).map(({ body }) => body)).toEqual(["Original"]);

    const deleted = await callerFor(admin.id).caller.comment.delete({ id: comment.id });
    expect(deleted).toMatchObject({ deleted: true, body: "" });
    const page = await caller.comment.list({ threadId: thread.id });
    expect(page.items[0]).toMatchObject({ deleted: true, body: "" });
    expect(page.items[0]!.replies.map(({ body }) => body)).toEqual(["A reply"]);
  });

  it("pages a long thread from the first unread comment", async () => {
    const { group, member, admin } = await groupWithPeople();
    const thread = await callerFor(member.id).caller.thread.create({ groupId: group.id, title: "Long", body: "b" });
    const db = getDb();
    await db.comment.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({ threadId: thread.id, authorId: admin.id, seq: index + 1, body: `c${index + 1}` })),
    });
    await db.thread.update({ where: { id: thread.id }, data: { lastCommentSeq: 120, commentCount: 120 } });
    await db.threadRead.update({ where: { userId_threadId: { userId: member.id, threadId: thread.id } }, data: { lastReadSeq: 70 } });

    const { caller } = callerFor(member.id);
    const page = await caller.comment.list({ threadId: thread.id, anchor: "firstUnread" });
    expect(page.items[0]!.seq).toBe(71);
    expect(page.items).toHaveLength(50);
    expect(page.beforeCursor).toBe("71");
    expect(page.afterCursor).toBeNull();
    const earlier = await caller.comment.list({ threadId: thread.id, cursor: page.beforeCursor!, direction: "before" });
    expect(earlier.items.map(({ seq }) => seq)).toEqual(Array.from({ length: 50 }, (_, index) => index + 21));
    expect(earlier.beforeCursor).toBe("21");
  });
});

describe("query counts", () => {
  it("stay the same for a page of a 10-comment and a 300-comment thread", async () => {
    const { group, member, admin } = await groupWithPeople();
    const db = getDb();
    async function threadWith(count: number) {
      const thread = await callerFor(member.id).caller.thread.create({ groupId: group.id, title: `${count}`, body: "b" });
      await db.comment.createMany({
        data: Array.from({ length: count }, (_, index) => ({ threadId: thread.id, authorId: admin.id, seq: index + 1, body: "c" })),
      });
      await db.thread.update({ where: { id: thread.id }, data: { lastCommentSeq: count, commentCount: count } });
      return thread.id;
    }
    const [short, long] = [await threadWith(10), await threadWith(300)];
    const counted = countingCaller(member.id);
    await counted.caller.comment.list({ threadId: short, anchor: "firstUnread" });
    const shortQueries = counted.reset();
    await counted.caller.comment.list({ threadId: long, anchor: "firstUnread" });
    expect(counted.reset()).toBe(shortQueries);
    await counted.caller.thread.list({ groupId: group.id });
    expect(counted.reset()).toBeLessThanOrEqual(6);
  });
});

describe("reactions", () => {
  it("toggles an emoji and reports who reacted", async () => {
    const { group, member, admin } = await groupWithPeople();
    const thread = await callerFor(member.id).caller.thread.create({ groupId: group.id, title: "T", body: "b" });
    const { caller, published } = callerFor(admin.id);
    const on = await caller.reaction.toggle({ subject: "thread", id: thread.id, emoji: "🎉" });
    expect(on.reactions).toEqual([{ emoji: "🎉", count: 1, people: [{ id: admin.id, name: admin.name }] }]);
    expect(published.at(-1)).toMatchObject({ name: "reaction.changed", room: `thread:${thread.id}` });
    const off = await caller.reaction.toggle({ subject: "thread", id: thread.id, emoji: "🎉" });
    expect(off.reactions).toEqual([]);
    await expect(caller.reaction.toggle({ subject: "thread", id: thread.id, emoji: "💩" as "👍" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("moderation", () => {
  it("moves a thread only between groups the caller administers", async () => {
    const { group, member, admin } = await groupWithPeople();
    const thread = await callerFor(member.id).caller.thread.create({ groupId: group.id, title: "T", body: "b" });
    const elsewhere = await makeGroup();
    await expect(callerFor(admin.id).caller.thread.move({ id: thread.id, groupId: elsewhere.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await addMember(elsewhere.id, admin.id, "admin");
    await callerFor(admin.id).caller.thread.move({ id: thread.id, groupId: elsewhere.id });
    expect((await callerFor(admin.id).caller.thread.byId({ id: thread.id })).group.id).toBe(elsewhere.id);
    await expect(callerFor(member.id).caller.thread.byId({ id: thread.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("thread.mentionable", () => {
  it("offers members everyone who can see the thread, and guests only the people taking part", async () => {
    const { group, member, admin, guest } = await groupWithPeople();
    const thread = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "T", body: "b" });
    await getDb().threadGuest.create({ data: { threadId: thread.id, userId: guest.id } });

    const forMember = await callerFor(member.id).caller.thread.mentionable({ id: thread.id, search: "" });
    expect(forMember.map(({ id }) => id).sort()).toEqual([admin.id, guest.id].sort());

    const forGuest = await callerFor(guest.id).caller.thread.mentionable({ id: thread.id, search: "" });
    expect(forGuest.map(({ id }) => id)).toEqual([admin.id]);
    await callerFor(member.id).caller.comment.create({ threadId: thread.id, body: "Joining in" });
    const later = await callerFor(guest.id).caller.thread.mentionable({ id: thread.id, search: member.name });
    expect(later.map(({ id }) => id)).toEqual([member.id]);
  });

  it("offers only people who may see the thread now, as the policy decides", async () => {
    const { group, member, admin, guest } = await groupWithPeople();
    const thread = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "T", body: "b" });
    await getDb().threadGuest.create({ data: { threadId: thread.id, userId: guest.id } });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: guest.id } });

    const forMember = await callerFor(member.id).caller.thread.mentionable({ id: thread.id, search: "" });
    expect(forMember.map(({ id }) => id)).toEqual([admin.id]);
  });
});

describe("mentions in a new thread", () => {
  const kindsFor = async (userId: string) =>
    (await callerFor(userId).caller.notification.list({})).items.map(({ kind, url }) => ({ kind, url }));

  it("notify the members mentioned, once each, with a mention linking to the thread", async () => {
    const { group, admin, member } = await groupWithPeople();
    const body = `${mentionToken({ id: member.id, name: "Sam" })} and again ${mentionToken({ id: member.id, name: "Sam" })}, what do you think?`;
    const thread = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Budget", body });
    expect(await kindsFor(member.id)).toEqual([{ kind: "mention", url: `/threads/${thread.id}` }]);
  });

  it("notify only those who can see the thread: never an uninvited guest, an outsider, or the author mentioning themselves", async () => {
    const { group, admin, member, guest, outsider } = await groupWithPeople();
    const body = [admin, guest, outsider, member].map((person) => mentionToken({ id: person.id, name: "Someone" })).join(" ");
    const thread = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Members only", body });
    expect(await kindsFor(member.id)).toEqual([{ kind: "mention", url: `/threads/${thread.id}` }]);
    expect(await kindsFor(admin.id)).toEqual([]);
    expect(await kindsFor(guest.id)).toEqual([]);
    expect(await kindsFor(outsider.id)).toEqual([]);
  });

  it("are offered before the thread exists from the people who will see it, to those who may start one", async () => {
    const { group, admin, member, guest, outsider } = await groupWithPeople();
    const offered = await callerFor(member.id).caller.thread.mentionable({ groupId: group.id, search: "" });
    expect(offered.map(({ id }) => id)).toEqual([admin.id]);
    await expect(callerFor(guest.id).caller.thread.mentionable({ groupId: group.id, search: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.thread.mentionable({ groupId: group.id, search: "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("added by editing the thread notify nobody, as edited comments do not", async () => {
    const { group, admin, member } = await groupWithPeople();
    const thread = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Rota", body: "Who can help?" });
    await callerFor(admin.id).caller.thread.update({ id: thread.id, body: `${mentionToken(member)} can you help?` });
    expect(await kindsFor(member.id)).toEqual([{ kind: "new_thread", url: `/threads/${thread.id}` }]);
  });
});

describe("excerptOf", () => {
  it("drops markdown punctuation without leaving gaps, and keeps link and mention text", () => {
    expect(excerptOf("# Title\n\nUse **threads**, _decisions_ and [@Priya Shah](mention:cmabc1234567).\n- one\n- two")).toBe(
      "Title Use threads, decisions and @Priya Shah. one two",
    );
    expect(excerptOf("x".repeat(300))).toHaveLength(200);
  });
});

describe("returning to a fully read thread", () => {
  it("opens at the latest comments, with the earlier ones a page away", async () => {
    const { group, member, admin } = await groupWithPeople();
    const thread = await callerFor(member.id).caller.thread.create({ groupId: group.id, title: "Read", body: "b" });
    await getDb().comment.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({ threadId: thread.id, authorId: admin.id, seq: index + 1, body: `c${index + 1}` })),
    });
    await getDb().thread.update({ where: { id: thread.id }, data: { lastCommentSeq: 60, commentCount: 60 } });
    const { caller } = callerFor(member.id);
    await caller.thread.markRead({ id: thread.id });
    const page = await caller.comment.list({ threadId: thread.id, anchor: "firstUnread" });
    expect(page.items.map(({ seq }) => seq)).toEqual(Array.from({ length: 50 }, (_, index) => index + 11));
    expect(page.beforeCursor).toBe("11");
    expect(page.afterCursor).toBeNull();
  });
});
