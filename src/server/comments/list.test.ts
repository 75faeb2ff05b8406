import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

/** A thread of `count` top-level comments (seq 1…count) written by someone else, and a member who has read none of them. */
async function longThread(count: number) {
  const group = await makeGroup();
  const [admin, member] = [await makeUser(), await makeUser()];
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  const thread = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Long", body: "b" });
  const db = getDb();
  await db.comment.createMany({
    data: Array.from({ length: count }, (_, index) => ({ threadId: thread.id, authorId: admin.id, seq: index + 1, body: `c${index + 1}` })),
  });
  await db.thread.update({ where: { id: thread.id }, data: { lastCommentSeq: count, commentCount: count } });
  const bySeq = async (seq: number) => (await db.comment.findFirstOrThrow({ where: { threadId: thread.id, seq }, select: { id: true } })).id;
  return { group, admin, member, thread, bySeq, caller: callerFor(member.id).caller };
}

describe("comment.list at a linked comment", () => {
  it("starts the page at a comment beyond the first page, with the earlier ones a page away", async () => {
    const { thread, bySeq, caller } = await longThread(120);
    const page = await caller.comment.list({ threadId: thread.id, anchor: "firstUnread", commentId: await bySeq(97) });
    expect(page.items.map(({ seq }) => seq)).toEqual(Array.from({ length: 24 }, (_, index) => index + 97));
    expect(page.beforeCursor).toBe("97");
    expect(page.afterCursor).toBeNull();
  });

  it("starts at the conversation a linked reply belongs to", async () => {
    const { admin, thread, bySeq, caller } = await longThread(80);
    const reply = await callerFor(admin.id).caller.comment.create({ threadId: thread.id, body: "A late reply", parentId: await bySeq(60) });
    const page = await caller.comment.list({ threadId: thread.id, commentId: reply.id });
    expect(page.items[0]).toMatchObject({ seq: 60 });
    expect(page.items[0]!.replies.map(({ id }) => id)).toEqual([reply.id]);
  });

  it("ignores a comment of another thread, opening where it would have opened", async () => {
    const { group, admin, thread, caller } = await longThread(60);
    const other = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Other", body: "b" });
    const elsewhere = await callerFor(admin.id).caller.comment.create({ threadId: other.id, body: "Elsewhere" });
    const page = await caller.comment.list({ threadId: thread.id, anchor: "firstUnread", commentId: elsewhere.id });
    expect(page.items[0]).toMatchObject({ seq: 1 });
    expect(page.afterCursor).toBe("50");
  });

  it("refuses a linked comment in a thread the caller may not see", async () => {
    const { thread, bySeq } = await longThread(3);
    const outsider = await makeUser();
    await expect(callerFor(outsider.id).caller.comment.list({ threadId: thread.id, commentId: await bySeq(2) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
