import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { writePersonalExport } from "@/server/exports/personal/write";
import { exportScene, INJECTION } from "@/server/exports/test-scene";
import { addMember, makeDocComment, makeDocument, makeGroup, makeMeeting } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

async function exportOf(userId: string) {
  const out = new PassThrough();
  const written = text(out);
  await writePersonalExport(getDb(), userId, out);
  out.end();
  const raw = await written;
  return {
    raw,
    data: JSON.parse(raw) as Record<string, unknown> &
      Record<
        | "comments"
        | "votes"
        | "threads"
        | "documentComments"
        | "documentVersions"
        | "tasks"
        | "decisionNotes"
        | "acknowledgements"
        | "initiatives"
        | "charterSignatureRequests"
        | "suggestions"
        | "suggestionReplies"
        | "amendments",
        Record<string, unknown>[]
      >,
  };
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

  it("holds the tasks assigned to them or added by them, their decision notes and their acknowledgements, titled only while they may see them", async () => {
    const { group, admin, alice, bob } = await pollGroup();
    const db = getDb();
    const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id, title: "April meeting" });
    const decision = await db.decision.create({ data: { groupId: group.id, title: "Plant an orchard", result: "Agreed", decidedAt: new Date() } });
    await db.decisionNote.create({ data: { decisionId: decision.id, authorId: bob.id, body: "Saplings ordered", status: "in_progress" } });
    await db.decisionNote.create({ data: { decisionId: decision.id, authorId: admin.id, body: "Someone else's note" } });
    const assigned = await db.task.create({ data: { groupId: group.id, title: "Dig the holes", createdById: admin.id, decisionId: decision.id, assignees: { create: [{ userId: bob.id }] } } });
    const added = await db.task.create({ data: { groupId: group.id, title: "Buy stakes", createdById: bob.id, meetingId: meeting.id, doneAt: new Date(), doneById: bob.id } });
    await db.task.create({ data: { groupId: group.id, title: "Not about Bob", createdById: admin.id, assignees: { create: [{ userId: alice.id }] } } });
    const hash = "e".repeat(64);
    const minutes = await db.ackRequest.create({ data: { groupId: group.id, subjectType: "minutes", subjectId: meeting.id, contentHash: hash } });
    await db.acknowledgement.create({ data: { requestId: minutes.id, userId: bob.id, contentHash: "f".repeat(64) } });
    await db.acknowledgement.create({ data: { requestId: minutes.id, userId: alice.id, contentHash: hash } });

    const before = await exportOf(bob.id);
    expect(before.data.tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: assigned.id, title: "Dig the holes", addedByYou: false, assignedToYou: true, decision: { id: decision.id, title: "Plant an orchard" }, meeting: null }),
        expect.objectContaining({ id: added.id, title: "Buy stakes", addedByYou: true, assignedToYou: false, doneByYou: true, meeting: { id: meeting.id, title: "April meeting" } }),
      ]),
    );
    expect(before.data.tasks).toHaveLength(2);
    expect(before.data.decisionNotes).toEqual([
      expect.objectContaining({ body: "Saplings ordered", status: "in_progress", decision: { id: decision.id, title: "Plant an orchard" }, group: { handle: group.handle, name: group.name } }),
    ]);
    expect(before.data.acknowledgements).toEqual([expect.objectContaining({ subject: { type: "minutes", id: meeting.id, title: "April meeting" }, current: false })]);
    expect(before.raw).not.toContain("Not about Bob");
    expect(before.raw).not.toContain("Someone else's note");

    // Once Bob has left, what he wrote stays; the group's titles and a task someone else wrote do not.
    await db.membership.delete({ where: { userId_groupId: { userId: bob.id, groupId: group.id } } });
    const after = await exportOf(bob.id);
    expect(after.data.tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: assigned.id, title: null, decision: { id: decision.id, title: null } }),
        expect.objectContaining({ id: added.id, title: "Buy stakes", meeting: { id: meeting.id, title: null } }),
      ]),
    );
    expect(after.data.decisionNotes).toEqual([expect.objectContaining({ body: "Saplings ordered", decision: { id: decision.id, title: null } })]);
    expect(after.data.acknowledgements).toEqual([expect.objectContaining({ subject: { type: "minutes", id: meeting.id, title: null } })]);
    for (const title of ["Dig the holes", "Plant an orchard", "April meeting"]) expect(after.raw).not.toContain(title);
  });

  it("holds their push settings without any device's address or keys, the initiatives they added and the signatures they asked for", async () => {
    const { group, admin, alice, bob } = await pollGroup();
    const db = getDb();
    await db.user.update({ where: { id: alice.id }, data: { timeZone: "Europe/London", pushAtNight: true } });
    await db.notificationSetting.create({ data: { userId: alice.id, scope: "account", level: "all", pushLevel: "important" } });
    await db.notificationSetting.create({ data: { userId: alice.id, scope: group.id, level: "digest", pushLevel: "none" } });
    await db.notificationSetting.create({ data: { userId: bob.id, scope: group.id, level: "all", pushLevel: "all" } });
    await db.pushSubscription.create({ data: { userId: alice.id, endpoint: "https://push.example/alice-secret-endpoint", p256dh: "alice-p256dh-key", auth: "alice-auth-secret", userAgent: "Firefox on Android" } });
    await db.pushSubscription.create({ data: { userId: bob.id, endpoint: "https://push.example/bob", p256dh: "bob-key", auth: "bob-auth", userAgent: "Bob's browser" } });

    const thread = await db.thread.create({ data: { groupId: group.id, authorId: admin.id, title: "Befriending plans", body: "" } });
    const organisation = await db.organisation.create({ data: { name: `Age Concern ${group.handle}` } });
    const initiative = await db.initiative.create({
      data: { groupId: group.id, name: "Befriending", description: "Visits", organisationId: organisation.id, createdById: alice.id, tags: { create: [{ tag: "loneliness" }] }, threads: { create: [{ threadId: thread.id }] } },
    });
    await db.initiative.create({ data: { groupId: group.id, name: "Bob's initiative", createdById: bob.id } });
    const charter = await db.charter.create({ data: { groupId: group.id, body: "We care" } });
    const signedOn = new Date(Date.UTC(2026, 3, 1));
    await db.charterSignature.create({ data: { charterId: charter.id, organisationId: organisation.id, requestedById: alice.id, decidedById: admin.id, status: "approved", signedOn, decidedAt: signedOn } });

    const { raw, data } = await exportOf(alice.id);
    expect((data.notificationSettings as Record<string, unknown>).push).toEqual({
      levels: [
        { scope: "account", group: null, level: "important" },
        { scope: "group", group: { handle: group.handle, name: group.name }, level: "none" },
      ],
      pushAtNight: true,
      timeZone: "Europe/London",
      devices: [expect.objectContaining({ browser: "Firefox on Android", lastUsedAt: null })],
    });
    for (const secret of ["push.example", "alice-p256dh-key", "alice-auth-secret", "Bob's browser"]) expect(raw).not.toContain(secret);
    expect(data.initiatives).toEqual([
      expect.objectContaining({ id: initiative.id, name: "Befriending", description: "Visits", organisation: organisation.name, tags: ["loneliness"], threads: [{ id: thread.id, title: "Befriending plans" }], group: { handle: group.handle, name: group.name } }),
    ]);
    expect(raw).not.toContain("Bob's initiative");
    expect(data.charterSignatureRequests).toEqual([
      { id: expect.any(String), group: { handle: group.handle, name: group.name }, organisation: organisation.name, status: "approved", requestedAt: expect.any(String), decidedAt: signedOn.toISOString(), signedOn: signedOn.toISOString() },
    ]);
    expect((await exportOf(bob.id)).data.charterSignatureRequests).toEqual([]);
  });

  it("holds the suggestions they made, their replies and the amendments they proposed, the group's words only while they may see the document", async () => {
    const scene = await exportScene();
    const { vision, theirsDocument, openSuggestion, hiddenSuggestion, amendment } = scene.suggesting;
    const group = { handle: scene.group.handle, name: scene.group.name };
    await getDb().documentVersionAuthor.updateMany({ where: { userId: scene.alice.id, version: { documentId: vision.id, name: "Version 1" } }, data: { wordsAdded: 7, wordsRemoved: 2, suggestionsAccepted: 0 } });

    const alice = await exportOf(scene.alice.id);
    expect(alice.data.suggestions).toEqual(
      expect.arrayContaining([
        { id: openSuggestion.id, document: { id: vision.id, title: "Our vision" }, group, status: "open", amendment: null, inserts: "green ", createdAt: "2026-03-01T00:00:00.000Z", decidedAt: null },
        // Alice is not in the subgroup: its document is named by id only.
        expect.objectContaining({ id: hiddenSuggestion.id, document: { id: theirsDocument.id, title: null }, status: "open", inserts: null }),
      ]),
    );
    expect(alice.data.suggestions).toHaveLength(2);
    expect(alice.data.suggestionReplies).toEqual([expect.objectContaining({ suggestionId: openSuggestion.id, body: "Thanks, Bob", document: { id: vision.id, title: "Our vision" }, group })]);
    expect(alice.data.amendments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: amendment.id,
          number: 1,
          document: { id: vision.id, title: "Our vision" },
          passage: INJECTION,
          replacement: "Second, better draft",
          status: "adopted",
          result: "Passed: 1 of 3 eligible voted",
          poll: { id: scene.polls.named.id, title: "Adopt the budget" },
          alternativeTo: null,
        }),
        expect.objectContaining({ document: { id: theirsDocument.id, title: null }, passage: null, result: null, replacement: "Not for the parent's admins, an amendment" }),
      ]),
    );
    expect(alice.data.documentVersions).toContainEqual(expect.objectContaining({ version: expect.objectContaining({ name: "Version 1" }), wordsAdded: 7, wordsRemoved: 2, suggestionsAccepted: 0 }));
    expect(alice.raw).not.toContain("Not for the parent's admins, a document");
    expect(alice.raw).not.toContain("Green, yes");

    const bob = await exportOf(scene.bob.id);
    expect(bob.data.suggestions).toEqual([expect.objectContaining({ id: scene.suggesting.acceptedSuggestion.id, status: "accepted", amendment: 1, inserts: null })]);
    expect(bob.data.suggestionReplies).toEqual([expect.objectContaining({ body: "Green, yes" })]);
    expect(bob.data.amendments).toEqual([]);
  });
});
