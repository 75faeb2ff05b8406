import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeStoredFile, makeUser } from "@/server/test/factories";

/** A thread as an import leaves it: one attachment it could only name, on the thread's first comment. */
async function importedThread() {
  const group = await makeGroup();
  const [admin, member, outsider] = [await makeUser(), await makeUser(), await makeUser()];
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  const thread = await getDb().thread.create({
    data: { groupId: group.id, authorId: member.id, title: "Budget", body: "See the sheet.", lastCommentSeq: 1, commentCount: 1 },
    select: { id: true },
  });
  const comment = await getDb().comment.create({ data: { threadId: thread.id, authorId: member.id, seq: 1, body: "Here it is" }, select: { id: true } });
  const missing = await getDb().missingAttachment.create({
    data: {
      threadId: thread.id,
      commentId: comment.id,
      filename: "budget-2024.xlsx",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      sourceUrl: "https://www.loomio.com/rails/active_storage/blobs/abc/budget-2024.xlsx",
    },
    select: { id: true },
  });
  return { thread, comment, missing, admin, member, outsider };
}

describe("attachments an import could not bring", () => {
  it("are listed to everyone who sees the thread; where they were, only to its admins", async () => {
    const { thread, comment, missing, admin, member } = await importedThread();
    const forMember = await callerFor(member.id).caller.thread.byId({ id: thread.id });
    expect(forMember.missingAttachments).toEqual([{ id: missing.id, filename: "budget-2024.xlsx", commentId: comment.id, sourceUrl: null }]);
    expect(forMember.viewer.canRestoreAttachments).toBe(false);

    const forAdmin = await callerFor(admin.id).caller.thread.byId({ id: thread.id });
    expect(forAdmin.missingAttachments[0]!.sourceUrl).toBe("https://www.loomio.com/rails/active_storage/blobs/abc/budget-2024.xlsx");
    expect(forAdmin.viewer.canRestoreAttachments).toBe(true);
  });

  it("become the thread's attachment once an admin uploads the file, in place of the missing line", async () => {
    const { thread, missing, admin, member } = await importedThread();
    const file = await makeStoredFile(admin.id, { originalName: "budget-2024.xlsx" });
    const { caller, published } = callerFor(admin.id);

    expect(await caller.missingAttachment.restore({ id: missing.id, fileId: file.id })).toMatchObject({ id: file.id, name: "budget-2024.xlsx", url: `/api/files/${file.id}` });
    const after = await callerFor(member.id).caller.thread.byId({ id: thread.id });
    expect(after.missingAttachments).toEqual([]);
    expect(after.attachments.map(({ id }) => id)).toEqual([file.id]);
    expect(published).toContainEqual({ name: "thread.updated", room: `thread:${thread.id}`, payload: { threadId: thread.id } });

    const again = await makeStoredFile(admin.id);
    await expect(caller.missingAttachment.restore({ id: missing.id, fileId: again.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That attachment is no longer missing: someone has uploaded it already.",
    });
  });

  it("are uploaded by the group's admins only, with a file of their own", async () => {
    const { thread, missing, admin, member, outsider } = await importedThread();
    const membersFile = await makeStoredFile(member.id);
    await expect(callerFor(member.id).caller.missingAttachment.restore({ id: missing.id, fileId: membersFile.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const outsidersFile = await makeStoredFile(outsider.id);
    await expect(callerFor(outsider.id).caller.missingAttachment.restore({ id: missing.id, fileId: outsidersFile.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(admin.id).caller.missingAttachment.restore({ id: missing.id, fileId: membersFile.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const still = await callerFor(admin.id).caller.thread.byId({ id: thread.id });
    expect(still.missingAttachments).toHaveLength(1);
    expect(still.attachments).toEqual([]);
  });
});
