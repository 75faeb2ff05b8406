import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { writePersonalExport } from "@/server/exports/personal/write";
import { addMember, makeDocComment, makeDocument, makeGroup } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

async function exportOf(userId: string) {
  const out = new PassThrough();
  const written = text(out);
  await writePersonalExport(getDb(), userId, out);
  out.end();
  const raw = await written;
  return { raw, data: JSON.parse(raw) as Record<string, unknown> & Record<"comments" | "votes" | "threads" | "documentComments" | "documentVersions", Record<string, unknown>[]> };
}

describe("a person's own download", () => {
  it("holds what they wrote and how they voted by name, never an anonymous ballot, a secret or someone else's email", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const db = getDb();
    const thread = await as(alice).thread.create({ groupId: group.id, title: "Garden rota", body: "Who waters on Sundays?" });
    const comment = await as(alice).comment.create({ threadId: thread.id, body: "I can, from May" });
    await db.reaction.create({ data: { subject: "comment", subjectId: comment.id, userId: alice.id, emoji: "🎉" } });
    await db.notificationSetting.create({ data: { userId: alice.id, scope: group.id, level: "digest" } });

    const named = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Plant roses", closingAt: inOneWeek() });
    const [agree, , disagree] = (await as(admin).poll.byId({ id: named.id })).options;
    await as(alice).poll.vote({ pollId: named.id, choices: [{ optionId: disagree!.id }], reason: "Too thorny" });
    await as(alice).poll.vote({ pollId: named.id, choices: [{ optionId: agree!.id }], reason: "Fine, if pruned" });
    const secret = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Secret", closingAt: inOneWeek(), anonymous: true });
    const [secretAgree] = (await as(admin).poll.byId({ id: secret.id })).options;
    await as(alice).poll.vote({ pollId: secret.id, choices: [{ optionId: secretAgree!.id }], reason: "My anonymous reason" });

    const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision" });
    await makeDocComment({ documentId: document.id, authorId: alice.id, body: "Shorter, please" });
    await db.documentVersion.create({ data: { documentId: document.id, kind: "named", name: "Draft", state: new Uint8Array(), authors: { create: [{ userId: alice.id }] } } });

    const { raw, data } = await exportOf(alice.id);
    expect(data).toMatchObject({ format: "hearth-personal-export", version: 1, profile: { id: alice.id, email: alice.email } });
    expect(data.threads).toEqual([expect.objectContaining({ id: thread.id, title: "Garden rota", body: "Who waters on Sundays?" })]);
    expect(data.comments).toEqual([
      expect.objectContaining({ id: comment.id, body: "I can, from May", thread: { id: thread.id, title: "Garden rota" }, group: { handle: group.handle, name: group.name } }),
    ]);
    expect(data.reactions).toEqual([expect.objectContaining({ subject: "comment", subjectId: comment.id, emoji: "🎉" })]);
    expect(data.memberships).toEqual([expect.objectContaining({ group: { handle: group.handle, name: group.name }, role: "member" })]);
    expect(data.notificationSettings).toMatchObject({ email: [{ scope: "group", group: { handle: group.handle }, level: "digest" }] });
    expect(data.votes).toHaveLength(2);
    expect(data.votes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ poll: expect.objectContaining({ id: named.id, title: "Plant roses" }), choices: [expect.objectContaining({ option: "Agree" })], reason: "Fine, if pruned", current: true }),
        expect.objectContaining({ choices: [expect.objectContaining({ option: "Disagree" })], reason: "Too thorny", current: false }),
      ]),
    );
    expect(data.documentComments).toEqual([expect.objectContaining({ body: "Shorter, please", document: { id: document.id, title: "Vision" }, quote: "some words" })]);
    expect(data.documentVersions).toEqual([expect.objectContaining({ version: expect.objectContaining({ name: "Draft" }), document: { id: document.id, title: "Vision" } })]);

    expect(raw).not.toContain("My anonymous reason");
    expect(raw).not.toContain(secret.id);
    expect((data.notes as string[]).join(" ")).toMatch(/anonymous polls are not here/);
    for (const leak of ["passwordHash", "credentialVersion", "receipt", "changeKey", bob.email, admin.email]) expect(raw).not.toContain(leak);
  });

  it("keeps what they wrote in a group they left, without the titles of that group's threads and documents", async () => {
    const { group, admin, bob, as } = await pollGroup();
    const other = await makeGroup();
    await addMember(other.id, bob.id);
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Private planning", body: "Only for members" });
    await as(bob).comment.create({ threadId: thread.id, body: "My words stay mine" });
    const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Private vision" });
    await makeDocComment({ documentId: document.id, authorId: bob.id, body: "A note on the vision" });
    await getDb().membership.delete({ where: { userId_groupId: { userId: bob.id, groupId: group.id } } });

    const { raw, data } = await exportOf(bob.id);
    expect(data.comments).toEqual([expect.objectContaining({ body: "My words stay mine", thread: { id: thread.id, title: null }, group: { handle: group.handle, name: group.name } })]);
    expect(data.documentComments).toEqual([expect.objectContaining({ body: "A note on the vision", document: { id: document.id, title: null }, quote: null })]);
    expect(raw).not.toContain("Private planning");
    expect(raw).not.toContain("Private vision");
    expect(raw).not.toContain("some words");
  });
});
