import { describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE } from "@/server/audit/list";
import { recordAudit, type AuditEntryInput } from "@/server/audit/record";
import { getDb } from "@/server/db";
import { addMember, callerFor, countingCaller, makeGroup, makeUser } from "@/server/test/factories";

async function adminOfNewGroup() {
  const group = await makeGroup();
  const admin = await makeUser({ name: "Morgan Staff" });
  await addMember(group.id, admin.id, "admin");
  return { group, admin };
}

const revoked = (groupId: string, actorId: string, n: number): AuditEntryInput => ({
  groupId,
  actorId,
  action: "invitation.revoked",
  subject: { type: "invitation", id: `invitation-${n}`, label: `person${n}@example.test` },
});

describe("audit.list", () => {
  it("pages through every entry newest first by (time, id), without gaps or repeats, even when many share a time", async () => {
    const { group, admin } = await adminOfNewGroup();
    // One write: every entry has the same time, so the order rests on the id alone.
    await recordAudit(getDb(), Array.from({ length: 65 }, (_, n) => revoked(group.id, admin.id, n)));
    const later: AuditEntryInput = {
      groupId: group.id,
      actorId: admin.id,
      action: "invitation.revoked",
      subject: { type: "invitation", id: "later", label: "later@example.test" },
    };
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordAudit(getDb(), later);
    const { caller } = callerFor(admin.id);

    const first = await caller.audit.list({ groupId: group.id });
    expect(first.items).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.items[0]!.subject.label).toBe("later@example.test");
    // Written after the first page was read: newer than everything, so it never shifts the pages after it.
    await recordAudit(getDb(), revoked(group.id, admin.id, 100));
    const second = await caller.audit.list({ groupId: group.id, cursor: first.nextCursor });
    const third = await caller.audit.list({ groupId: group.id, cursor: second.nextCursor });
    expect(third.nextCursor).toBeNull();

    const seen = [...first.items, ...second.items, ...third.items];
    expect(seen).toHaveLength(66);
    expect(new Set(seen.map(({ id }) => id)).size).toBe(66);
    const stored = await getDb().auditEntry.findMany({
      where: { groupId: group.id, subjectId: { not: "invitation-100" } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen.map(({ id }) => id)).toEqual(stored.map(({ id }) => id));
  });

  it("shows only the group's own entries", async () => {
    const { group, admin } = await adminOfNewGroup();
    const other = await makeGroup();
    await recordAudit(getDb(), [revoked(group.id, admin.id, 1), revoked(other.id, admin.id, 2)]);
    const { items } = await callerFor(admin.id).caller.audit.list({ groupId: group.id });
    expect(items.map(({ subject }) => subject.label)).toEqual(["person1@example.test"]);
  });

  it("is for admins only: guests and members are told why, outsiders and removed admins find nothing, demoted admins are refused", async () => {
    const { group, admin } = await adminOfNewGroup();
    const [member, guest, outsider, removed, demoted] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
    await addMember(group.id, member.id, "member");
    await addMember(group.id, guest.id, "guest");
    await addMember(group.id, removed.id, "admin");
    await addMember(group.id, demoted.id, "admin");
    const list = (userId: string) => callerFor(userId).caller.audit.list({ groupId: group.id });
    await expect(list(removed.id)).resolves.toMatchObject({ items: [] });

    await callerFor(admin.id).caller.member.remove({ groupId: group.id, userId: removed.id });
    await callerFor(admin.id).caller.member.setRole({ groupId: group.id, userId: demoted.id, role: "member" });

    for (const refused of [member, guest, demoted]) {
      await expect(list(refused.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only the group's admins can see its audit log." });
    }
    for (const stranger of [outsider, removed]) await expect(list(stranger.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(admin.id).caller.audit.list({ groupId: "no-such-group" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.audit.list({ groupId: group.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers a cursor it did not make with a clear message", async () => {
    const { group, admin } = await adminOfNewGroup();
    await expect(callerFor(admin.id).caller.audit.list({ groupId: group.id, cursor: "not a cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That page of the audit log does not exist. Reload the page to start again.",
    });
  });

  it("keeps the subject's name after it is gone, and links it only while it exists in the group", async () => {
    const { group, admin } = await adminOfNewGroup();
    const { caller } = callerFor(admin.id);
    const kept = await caller.thread.create({ groupId: group.id, title: "Kept", body: "Stays" });
    const gone = await caller.thread.create({ groupId: group.id, title: "Gone", body: "Goes" });
    await recordAudit(getDb(), { groupId: group.id, actorId: admin.id, action: "thread.moved_in", subject: { type: "thread", id: kept.id, label: "Kept" } });
    await caller.thread.delete({ threadId: gone.id });
    await caller.thread.update({ id: kept.id, title: "Kept, renamed" });

    const { items } = await caller.audit.list({ groupId: group.id });
    expect(items.map(({ subject }) => subject)).toEqual([
      { type: "thread", id: gone.id, label: "Gone", url: null },
      { type: "thread", id: kept.id, label: "Kept", url: `/threads/${kept.id}` },
    ]);
  });

  it("names Hearth for its own actions and an account since deleted plainly", async () => {
    const { group, admin } = await adminOfNewGroup();
    const subject = { type: "poll" as const, id: "poll-1", label: "Budget" };
    await recordAudit(getDb(), [
      { groupId: group.id, actorId: null, action: "poll.closed_on_time", subject },
      { groupId: group.id, actorId: null, action: "poll.closed", subject },
    ]);
    const { items } = await callerFor(admin.id).caller.audit.list({ groupId: group.id });
    expect(items.map(({ sentence }) => sentence).sort()).toEqual([
      "Hearth closed the poll “Budget” at its closing time",
      "Someone whose account was deleted closed the poll “Budget”",
    ]);
  });

  it("reads a page in a fixed number of queries, however many entries and kinds of subject it holds", async () => {
    const { group, admin } = await adminOfNewGroup();
    const thread = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Budget", body: "Numbers" });
    const mixed = (n: number): AuditEntryInput[] => [
      revoked(group.id, admin.id, n),
      { groupId: group.id, actorId: admin.id, action: "thread.moved_in", subject: { type: "thread", id: thread.id, label: "Budget" } },
      { groupId: group.id, actorId: admin.id, action: "poll.closed", subject: { type: "poll", id: `poll-${n}`, label: "A poll" } },
      { groupId: group.id, actorId: admin.id, action: "group.exported", subject: { type: "group", id: group.id, label: "Group" }, after: { format: "zip" } },
    ];
    const { caller, reset } = countingCaller(admin.id);
    await recordAudit(getDb(), mixed(1));
    reset();
    await caller.audit.list({ groupId: group.id });
    const few = reset();
    await recordAudit(getDb(), Array.from({ length: 8 }, (_, n) => mixed(n + 2)).flat());
    await caller.audit.list({ groupId: group.id });
    expect(reset()).toBe(few);
  });
});
