import { describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { getDb } from "@/server/db";
import { getEventBus } from "@/server/events";
import { deleteThread } from "@/server/threads/delete";
import { addMember, callerFor, makeGroup, makeStoredFile, makeUser } from "@/server/test/factories";
import { inOneWeek } from "@/server/test/poll-fixtures";
import { connectAs, eventually, roomsOf, startRealtime } from "@/server/test/sockets";

async function groupWithPeople() {
  const group = await makeGroup();
  const [admin, member, guest, outsider] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  return { group, admin, member, guest, outsider, as: (user: { id: string }) => callerFor(user.id).caller };
}

/** A thread by the member with a reply chain, reactions, a follow, a guest, an attachment, a poll with a vote and a notification. */
async function busyThread() {
  const people = await groupWithPeople();
  const { group, admin, member, guest, as } = people;
  const file = await makeStoredFile(member.id);
  const thread = await as(member).thread.create({ groupId: group.id, title: "Busy", body: "Body", attachmentIds: [file.id] });
  const top = await as(admin).comment.create({ threadId: thread.id, body: "First" });
  const reply = await as(member).comment.create({ threadId: thread.id, body: "A reply", parentId: top.id });
  await as(admin).reaction.toggle({ subject: "comment", id: reply.id, emoji: "👍" });
  await as(admin).reaction.toggle({ subject: "thread", id: thread.id, emoji: "🎉" });
  await as(member).thread.update({ id: thread.id, body: "Edited body" });
  await getDb().threadGuest.create({ data: { threadId: thread.id, userId: guest.id } });
  const poll = await as(member).poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Inside", closingAt: inOneWeek() });
  const [agree] = (await as(member).poll.byId({ id: poll.id })).options;
  await as(admin).poll.vote({ pollId: poll.id, choices: [{ optionId: agree!.id }] });
  return { ...people, thread, poll, file, comments: [top.id, reply.id] };
}

describe("thread.delete", () => {
  it("deletes the thread with everything in it, tells its room and lists, and a replay is NOT_FOUND", async () => {
    const { group, admin, member, thread, poll, file, comments, as } = await busyThread();
    const { caller, published } = callerFor(admin.id);
    await expect(caller.thread.delete({ threadId: thread.id })).resolves.toEqual({ id: thread.id });

    const db = getDb();
    const where = { threadId: thread.id };
    expect(await db.thread.count({ where: { id: thread.id } })).toBe(0);
    expect(await db.comment.count({ where })).toBe(0);
    expect(await db.commentRevision.count({ where: { commentId: { in: comments } } })).toBe(0);
    expect(await db.reaction.count({ where: { subjectId: { in: [thread.id, ...comments] } } })).toBe(0);
    for (const model of [db.threadRevision, db.threadRead, db.threadFollow, db.threadGuest, db.threadAttachment, db.threadTag] as const) {
      expect(await (model as unknown as { count: (args: object) => Promise<number> }).count({ where })).toBe(0);
    }
    expect(await db.poll.count({ where: { id: poll.id } })).toBe(0);
    expect(await db.ballot.count({ where: { pollId: poll.id } })).toBe(0);
    expect(await db.storedFile.count({ where: { id: file.id } })).toBe(0);
    expect(await db.notification.count({ where: { url: { startsWith: `/threads/${thread.id}` } } })).toBe(0);

    expect(published).toContainEqual({ name: "thread.deleted", room: `thread:${thread.id}`, payload: { threadId: thread.id, groupId: group.id } });
    expect(published).toContainEqual({ name: "thread.activity", room: `group:${group.id}`, payload: { groupId: group.id, threadId: thread.id } });
    expect(published).toContainEqual(expect.objectContaining({ name: "poll.updated", payload: expect.objectContaining({ pollId: poll.id }) }));

    expect((await as(member).thread.list({ groupId: group.id })).items).toEqual([]);
    expect(await as(member).poll.list({ groupId: group.id })).toEqual([]);
    await expect(as(member).thread.byId({ id: thread.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.thread.delete({ threadId: thread.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers NOT_FOUND, not a failure, when another delete finishes between its access check and its reads", async () => {
    const { admin, thread } = await busyThread();
    const db = getDb();
    // The thread's row is read after the access check: the other delete ends just before it.
    const threads = new Proxy(db.thread, {
      get: (target, key) =>
        key === "findUnique" || key === "findUniqueOrThrow"
          ? async (args: Parameters<typeof db.thread.findUnique>[0]) => {
              await deleteThread(db, () => {}, admin.id, thread.id);
              return target[key](args);
            }
          : Reflect.get(target, key),
    });
    const racing = new Proxy(db, { get: (target, key) => (key === "thread" ? threads : Reflect.get(target, key)) });
    await expect(deleteThread(racing, () => {}, admin.id, thread.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers the second of two deletes at once like a replay", async () => {
    const { admin, thread, as } = await busyThread();
    const outcomes = await Promise.allSettled([as(admin).thread.delete({ threadId: thread.id }), as(admin).thread.delete({ threadId: thread.id })]);
    expect(outcomes.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find(({ status }) => status === "rejected")).toMatchObject({ reason: { code: "NOT_FOUND" } });
  });

  it("is for the group's admins only: not the author, guests, removed members or another group's admin", async () => {
    const { group, member, guest, outsider, thread, as } = await busyThread();
    const otherGroup = await makeGroup();
    await addMember(otherGroup.id, outsider.id, "admin");
    await expect(as(member).thread.delete({ threadId: thread.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only the group's admins can delete a thread.",
    });
    await expect(as(guest).thread.delete({ threadId: thread.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(outsider).thread.delete({ threadId: thread.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await getDb().membership.updateMany({ where: { groupId: group.id, userId: member.id }, data: { role: "admin" } });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: member.id } });
    await expect(as(member).thread.delete({ threadId: thread.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(member).thread.delete({ threadId: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getDb().thread.count({ where: { id: thread.id } })).toBe(1);
  });

  it("tells open pages live and takes every socket out of the thread's room", async () => {
    const { url, io } = await startRealtime();
    const { group, admin, member } = await groupWithPeople();
    const thread = await callerFor(member.id).caller.thread.create({ groupId: group.id, title: "Live", body: "b" });
    const socket = await connectAs(url, member.id);
    const deleted: unknown[] = [];
    socket.on("thread.deleted", (payload: unknown) => deleted.push(payload));
    expect(await new Promise((resolve) => (socket as Socket).emit("thread.join", thread.id, resolve))).toEqual({ ok: true });
    expect(roomsOf(io, socket)).toContain(`thread:${thread.id}`);

    const { caller, published } = callerFor(admin.id);
    await caller.thread.delete({ threadId: thread.id });
    for (const event of published) getEventBus().publish(event);
    await eventually(() => expect(deleted).toEqual([{ threadId: thread.id, groupId: group.id }]));
    await eventually(() => expect(roomsOf(io, socket)).not.toContain(`thread:${thread.id}`));
    expect(await new Promise((resolve) => socket.emit("thread.join", thread.id, resolve))).toEqual({ ok: false });
  });
});
