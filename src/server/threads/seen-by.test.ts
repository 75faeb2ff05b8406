import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, countingCaller, makeGroup, makeGroupWithPeople, makeUser } from "@/server/test/factories";

/** A thread of two comments that nobody has a read row for yet (not even its author). */
async function threadWithTwoComments(groupId: string, authorId: string) {
  const thread = await getDb().thread.create({
    data: { groupId, authorId, title: "Budget", body: "Body", lastCommentSeq: 2, commentCount: 2 },
    select: { id: true },
  });
  await getDb().comment.createMany({
    data: [1, 2].map((seq) => ({ threadId: thread.id, authorId, seq, body: `Comment ${seq}` })),
  });
  return thread;
}

const person = ({ id, name }: { id: string; name: string }) => ({ id, name });

describe("thread.seenBy", () => {
  it("counts only those who have read to the newest comment, and a new comment drops the rest back out", async () => {
    const { group, admin, member, other } = await makeGroupWithPeople();
    const thread = await threadWithTwoComments(group.id, admin.id);
    const seenBy = () => callerFor(member.id).caller.thread.seenBy({ threadId: thread.id });
    // The guest was not invited to this thread, so the audience is the admin and the two members.
    expect(await seenBy()).toEqual({ seen: 0, of: 3, people: [] });

    await getDb().threadRead.create({ data: { userId: other.id, threadId: thread.id, lastReadSeq: 1 } });
    expect(await seenBy()).toEqual({ seen: 0, of: 3, people: [] });

    await callerFor(other.id).caller.thread.markRead({ id: thread.id });
    await callerFor(member.id).caller.thread.markRead({ id: thread.id });
    expect(await seenBy()).toEqual({ seen: 2, of: 3, people: [person(other), person(member)] });

    await callerFor(admin.id).caller.comment.create({ threadId: thread.id, body: "One more thing" });
    expect(await seenBy()).toEqual({ seen: 1, of: 3, people: [person(admin)] });
  });

  it("leaves out people who were removed, though their read rows remain", async () => {
    const { group, admin, member, other } = await makeGroupWithPeople();
    const thread = await threadWithTwoComments(group.id, admin.id);
    await callerFor(member.id).caller.thread.markRead({ id: thread.id });
    await callerFor(other.id).caller.thread.markRead({ id: thread.id });

    await callerFor(admin.id).caller.member.remove({ groupId: group.id, userId: member.id });
    expect(await getDb().threadRead.count({ where: { threadId: thread.id, userId: member.id } })).toBe(1);
    expect(await callerFor(admin.id).caller.thread.seenBy({ threadId: thread.id })).toEqual({ seen: 1, of: 2, people: [person(other)] });
  });

  it("counts invited guests for members, and gives a guest the counts without names", async () => {
    const { group, admin, member, guest } = await makeGroupWithPeople();
    const thread = await threadWithTwoComments(group.id, admin.id);
    await getDb().threadGuest.create({ data: { threadId: thread.id, userId: guest.id } });
    await callerFor(guest.id).caller.thread.markRead({ id: thread.id });
    await callerFor(member.id).caller.thread.markRead({ id: thread.id });

    expect(await callerFor(member.id).caller.thread.seenBy({ threadId: thread.id })).toEqual({
      seen: 2,
      of: 4,
      people: [person(member), person(guest)],
    });
    expect(await callerFor(guest.id).caller.thread.seenBy({ threadId: thread.id })).toEqual({ seen: 2, of: 4, people: null });
  });

  it("refuses a member of another group and a guest of another thread as thread.byId does", async () => {
    const { group, admin, guest } = await makeGroupWithPeople();
    const thread = await threadWithTwoComments(group.id, admin.id);
    const elsewhere = await threadWithTwoComments(group.id, admin.id);
    await getDb().threadGuest.create({ data: { threadId: elsewhere.id, userId: guest.id } });
    const stranger = await makeUser();
    await addMember((await makeGroup()).id, stranger.id, "admin");

    for (const userId of [stranger.id, guest.id]) {
      const { caller } = callerFor(userId);
      await expect(caller.thread.byId({ id: thread.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.thread.seenBy({ threadId: thread.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(callerFor(admin.id).caller.thread.seenBy({ threadId: "no-such-thread" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("tells the thread's room, naming nobody, when someone's read reaches the newest comment, and only then", async () => {
    const { group, admin, member, guest } = await makeGroupWithPeople();
    const thread = await threadWithTwoComments(group.id, admin.id);
    await getDb().threadGuest.create({ data: { threadId: thread.id, userId: guest.id } });
    const seen = { name: "thread.seen", room: `thread:${thread.id}`, payload: { threadId: thread.id } };

    const first = callerFor(member.id);
    await first.caller.thread.markRead({ id: thread.id });
    expect(first.published).toEqual([seen]);
    // Opened again with nothing new: nobody is told.
    const again = callerFor(member.id);
    await again.caller.thread.markRead({ id: thread.id });
    expect(again.published).toEqual([]);

    // A guest reading counts too; a behind read catching up is told once.
    await getDb().threadRead.create({ data: { userId: guest.id, threadId: thread.id, lastReadSeq: 1 } });
    const byGuest = callerFor(guest.id);
    await byGuest.caller.thread.markRead({ id: thread.id });
    await byGuest.caller.thread.markRead({ id: thread.id });
    expect(byGuest.published).toEqual([seen]);

    // After a new comment, reading to the end again tells the room again.
    await callerFor(admin.id).caller.comment.create({ threadId: thread.id, body: "One more thing" });
    const later = callerFor(member.id);
    await later.caller.thread.markRead({ id: thread.id });
    expect(later.published).toEqual([seen]);
    expect(await getDb().threadRead.findUniqueOrThrow({ where: { userId_threadId: { userId: member.id, threadId: thread.id } }, select: { lastReadSeq: true } })).toEqual({ lastReadSeq: 3 });
  });

  it("tells each thread that Mark all read brings to the end, and no other", async () => {
    const { group, admin, member } = await makeGroupWithPeople();
    const [unread, read] = await Promise.all([threadWithTwoComments(group.id, admin.id), threadWithTwoComments(group.id, admin.id)]);
    await callerFor(member.id).caller.thread.markRead({ id: read.id });
    const { caller, published } = callerFor(member.id);
    await caller.thread.markAllRead({ groupId: group.id });
    expect(published).toEqual([{ name: "thread.seen", room: `thread:${unread.id}`, payload: { threadId: unread.id } }]);
    expect(await callerFor(admin.id).caller.thread.seenBy({ threadId: unread.id })).toMatchObject({ people: [person(member)] });
  });

  it("tells nobody when someone who cannot see the thread tries to mark it read", async () => {
    const { group, admin } = await makeGroupWithPeople();
    const thread = await threadWithTwoComments(group.id, admin.id);
    const stranger = await makeUser();
    const { caller, published } = callerFor(stranger.id);
    await expect(caller.thread.markRead({ id: thread.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(published).toEqual([]);
    expect(await getDb().threadRead.count({ where: { threadId: thread.id } })).toBe(0);
  });

  it("answers in the same number of queries however many people can see the thread", async () => {
    const queriesFor = async (extraMembers: number) => {
      const { group, admin } = await makeGroupWithPeople();
      const thread = await threadWithTwoComments(group.id, admin.id);
      for (let index = 0; index < extraMembers; index++) {
        const user = await makeUser();
        await addMember(group.id, user.id);
        await getDb().threadRead.create({ data: { userId: user.id, threadId: thread.id, lastReadSeq: 2 } });
      }
      const { caller, reset } = countingCaller(admin.id);
      const answer = await caller.thread.seenBy({ threadId: thread.id });
      expect(answer).toMatchObject({ seen: extraMembers, of: 3 + extraMembers });
      return reset();
    };
    expect(await queriesFor(8)).toBe(await queriesFor(0));
  });
});
