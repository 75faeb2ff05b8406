import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, countingCaller, makeDocComment, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

async function setup() {
  const group = await makeGroup();
  const [admin, member, other, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, other.id, "member");
  await addMember(group.id, guest.id, "guest");
  const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision", guestIds: [guest.id] });
  return { group, admin, member, other, guest, outsider, document };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe("docComment.create", () => {
  it("keeps the quote, lists the comment with its author, and tells open panels", async () => {
    const { member, document } = await setup();
    const { caller, published } = callerFor(member.id);
    const { id } = await caller.docComment.create({ documentId: document.id, body: "  Too vague?  ", quote: "a shared future" });

    const { items, nextCursor } = await caller.docComment.list({ documentId: document.id });
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id,
      documentId: document.id,
      body: "Too vague?",
      quote: "a shared future",
      author: { id: member.id },
      resolvedAt: null,
      resolvedBy: null,
      replies: [],
    });
    expect(published).toEqual([{ name: "docComment.changed", room: `document:${document.id}`, payload: { documentId: document.id } }]);
  });

  it("lets invited guests read comments but not write them, and hides the document from outsiders", async () => {
    const { member, guest, outsider, document } = await setup();
    await makeDocComment({ documentId: document.id, authorId: member.id });

    expect((await callerFor(guest.id).caller.docComment.list({ documentId: document.id })).items).toHaveLength(1);
    expect(await codeOf(callerFor(guest.id).caller.docComment.create({ documentId: document.id, body: "Hi" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(outsider.id).caller.docComment.list({ documentId: document.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(outsider.id).caller.docComment.create({ documentId: document.id, body: "Hi" }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(null).caller.docComment.list({ documentId: document.id }))).toBe("UNAUTHORIZED");
  });

  it("hides the document from guests of the group who were not invited to it", async () => {
    const { group, admin, member, document } = await setup();
    const uninvited = await makeUser();
    await addMember(group.id, uninvited.id, "guest");
    await makeDocComment({ documentId: document.id, authorId: member.id });
    expect(await codeOf(callerFor(uninvited.id).caller.docComment.list({ documentId: document.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(admin.id).caller.docComment.list({ documentId: document.id }))).toBe("ok");
  });

  it("refuses empty or oversized text and overlong quotes", async () => {
    const { member, document } = await setup();
    const { caller } = callerFor(member.id);
    expect(await codeOf(caller.docComment.create({ documentId: document.id, body: "   " }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.docComment.create({ documentId: document.id, body: "x".repeat(10_001) }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.docComment.create({ documentId: document.id, body: "x".repeat(10_000) }))).toBe("ok");
    expect(await codeOf(caller.docComment.create({ documentId: document.id, body: "Hi", quote: "q".repeat(501) }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.docComment.create({ documentId: document.id, body: "Hi", quote: "q".repeat(500) }))).toBe("ok");
  });
});

describe("replies", () => {
  it("hang from the thread's first comment, keep no quote, and notify the people in the thread", async () => {
    const { admin, member, other, document } = await setup();
    const { id: threadId } = await callerFor(member.id).caller.docComment.create({
      documentId: document.id,
      body: "Too vague?",
      quote: "future",
    });
    const { id: firstReply } = await callerFor(other.id).caller.docComment.create({
      documentId: document.id,
      body: "Agreed",
      parentId: threadId,
      quote: "ignored",
    });
    const { caller, published } = callerFor(admin.id);
    await caller.docComment.create({ documentId: document.id, body: "Reworded", parentId: firstReply });

    const { items } = await caller.docComment.list({ documentId: document.id });
    expect(items).toHaveLength(1);
    expect(items[0]!.replies.map(({ body, author }) => [body, author.id])).toEqual([
      ["Agreed", other.id],
      ["Reworded", admin.id],
    ]);
    const notified = await getDb().notification.findMany({
      where: { kind: "reply", actorId: admin.id },
      select: { userId: true, title: true, url: true },
    });
    expect(notified.map(({ userId }) => userId).sort()).toEqual([member.id, other.id].sort());
    expect(notified[0]).toMatchObject({ title: "Vision", url: `/documents/${document.id}?comment=${threadId}` });
    expect(published.filter(({ name }) => name === "notification.created")).toHaveLength(2);
  });

  it("do not notify people who can no longer see the document", async () => {
    const { group, member, other, document } = await setup();
    const { id: threadId } = await callerFor(member.id).caller.docComment.create({ documentId: document.id, body: "Hm" });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: member.id } });
    await callerFor(other.id).caller.docComment.create({ documentId: document.id, body: "Yes", parentId: threadId });
    expect(await getDb().notification.count({ where: { userId: member.id } })).toBe(0);
  });

  it("must answer a comment on the same document", async () => {
    const { group, admin, member, document } = await setup();
    const elsewhere = await makeDocument({ groupId: group.id, createdById: admin.id });
    const foreign = await makeDocComment({ documentId: elsewhere.id, authorId: admin.id });
    const { caller } = callerFor(member.id);
    expect(await codeOf(caller.docComment.create({ documentId: document.id, body: "Hi", parentId: foreign.id }))).toBe("BAD_REQUEST");
  });
});

describe("docComment.resolve", () => {
  it("resolves and reopens, and resolved threads are listed only when asked, after the open ones", async () => {
    const { admin, member, other, document } = await setup();
    const first = await makeDocComment({ documentId: document.id, authorId: member.id, body: "first" });
    await makeDocComment({ documentId: document.id, authorId: member.id, body: "second" });
    const { caller, published } = callerFor(other.id);

    const resolved = await caller.docComment.resolve({ id: first.id, resolved: true });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(resolved.resolvedBy?.id).toBe(other.id);
    expect(published).toHaveLength(1);
    expect((await caller.docComment.list({ documentId: document.id })).items.map(({ body }) => body)).toEqual(["second"]);
    expect(
      (await caller.docComment.list({ documentId: document.id, includeResolved: true })).items.map(({ body }) => body),
    ).toEqual(["second", "first"]);

    await caller.docComment.resolve({ id: first.id, resolved: true });
    expect(published).toHaveLength(1);

    const reopened = await callerFor(admin.id).caller.docComment.resolve({ id: first.id, resolved: false });
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedBy: null });
    expect((await caller.docComment.list({ documentId: document.id })).items.map(({ body }) => body)).toEqual(["first", "second"]);
  });

  it("is refused to guests, for replies, and hides comments from outsiders", async () => {
    const { member, guest, outsider, document } = await setup();
    const thread = await makeDocComment({ documentId: document.id, authorId: member.id });
    const reply = await makeDocComment({ documentId: document.id, authorId: member.id, parentId: thread.id });
    expect(await codeOf(callerFor(guest.id).caller.docComment.resolve({ id: thread.id, resolved: true }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(outsider.id).caller.docComment.resolve({ id: thread.id, resolved: true }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(member.id).caller.docComment.resolve({ id: reply.id, resolved: true }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(member.id).caller.docComment.resolve({ id: "missing", resolved: true }))).toBe("NOT_FOUND");
  });
});

describe("docComment.update and delete", () => {
  it("are for the author only; deleting a thread removes its replies", async () => {
    const { admin, member, document } = await setup();
    const thread = await makeDocComment({ documentId: document.id, authorId: member.id });
    await makeDocComment({ documentId: document.id, authorId: admin.id, parentId: thread.id });

    expect(await codeOf(callerFor(admin.id).caller.docComment.update({ id: thread.id, body: "Mine now" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(admin.id).caller.docComment.delete({ id: thread.id }))).toBe("FORBIDDEN");
    const { caller } = callerFor(member.id);
    expect((await caller.docComment.update({ id: thread.id, body: "Clearer" })).body).toBe("Clearer");
    await caller.docComment.delete({ id: thread.id });
    expect(await getDb().docComment.count({ where: { documentId: document.id } })).toBe(0);
  });
});

describe("docComment.list paging", () => {
  it("pages through more threads than fit on one page, each once", async () => {
    const { member, document } = await setup();
    await getDb().docComment.createMany({
      data: Array.from({ length: 105 }, (_, i) => ({
        documentId: document.id,
        authorId: member.id,
        body: `c${i}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      })),
    });
    const { caller } = callerFor(member.id);
    const first = await caller.docComment.list({ documentId: document.id });
    expect(first.items).toHaveLength(100);
    const second = await caller.docComment.list({ documentId: document.id, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map(({ body }) => body)).toEqual(Array.from({ length: 105 }, (_, i) => `c${i}`));
  });
});

describe("docComment.list queries", () => {
  it("do not grow with the number of threads and replies", async () => {
    const { member, other, document } = await setup();
    const { caller, reset } = countingCaller(member.id);
    const thread = await makeDocComment({ documentId: document.id, authorId: member.id });
    await makeDocComment({ documentId: document.id, authorId: other.id, parentId: thread.id });
    reset();
    await caller.docComment.list({ documentId: document.id });
    const few = reset();
    for (let i = 0; i < 15; i += 1) {
      const more = await makeDocComment({ documentId: document.id, authorId: other.id });
      await makeDocComment({ documentId: document.id, authorId: member.id, parentId: more.id });
    }
    reset();
    await caller.docComment.list({ documentId: document.id });
    expect(reset()).toBe(few);
  });
});
