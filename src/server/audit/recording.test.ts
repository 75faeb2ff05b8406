import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { startGroupDownload } from "@/server/exports/downloads";
import { ExportSlots } from "@/server/exports/slots";
import { runImport } from "@/server/imports/admin/runs";
import { emptyReport } from "@/server/imports/report";
import { runPollSchedule } from "@/server/polls/scheduler";
import { addMember, callerFor, makeGroup, makeInvitation, makeMeeting, makeStoredFile, makeUser } from "@/server/test/factories";
import { inOneWeek } from "@/server/test/poll-fixtures";

/** A steering group: its admin Morgan, a member Sam Rivers, and an outsider to invite or move things to. */
async function steering() {
  const group = await makeGroup({ name: "Steering" });
  const [admin, sam] = [await makeUser({ name: "Morgan Staff" }), await makeUser({ name: "Sam Rivers" })];
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, sam.id, "member");
  return { group, admin, sam, as: (user: { id: string }) => callerFor(user.id).caller };
}

/** The group's log as its admin reads it, newest first. */
async function logOf(groupId: string, adminId: string) {
  return (await callerFor(adminId).caller.audit.list({ groupId })).items;
}

const sentences = async (groupId: string, adminId: string) => (await logOf(groupId, adminId)).map(({ sentence }) => sentence);

describe("the audit trail records", () => {
  it("settings changes with the values before and after of only the fields that changed, and nothing for no change", async () => {
    const { group, admin, as } = await steering();
    await as(admin).group.update({ id: group.id, name: "Steering group", membersCanPropose: false, membersCanInvite: false });
    await as(admin).group.update({ id: group.id, name: "Steering group" });

    const [entry, ...rest] = await logOf(group.id, admin.id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: "group.settings_changed",
      actor: { id: admin.id, name: "Morgan Staff" },
      sentence: "Morgan Staff changed the group's settings: name and members can start polls and proposals",
      subject: { type: "group", id: group.id, label: "Steering group", url: `/groups/${group.handle}` },
      before: { name: "Steering", membersCanPropose: true },
      after: { name: "Steering group", membersCanPropose: false },
    });
    expect(entry!.changes).toContainEqual({ field: "membersCanPropose", label: "Members can start polls and proposals", before: "yes", after: "no" });
  });

  it("a move under another group by the parent's name, never an id", async () => {
    const { group, admin, sam, as } = await steering();
    const parent = await makeGroup({ name: "Federation" });
    await addMember(parent.id, admin.id, "admin");
    await addMember(parent.id, sam.id, "member");
    await as(admin).group.update({ id: group.id, parentId: parent.id });
    const [entry] = await logOf(group.id, admin.id);
    expect(entry).toMatchObject({ before: { parent: null }, after: { parent: "Federation" } });
  });

  it("invitations sent, one entry per address, and revoked", async () => {
    const { group, admin, as } = await steering();
    const { invitations } = await as(admin).invitation.create({ groupId: group.id, emails: ["ana@example.test", "bo@example.test"], role: "member" });
    await as(admin).invitation.revoke({ id: invitations[0]!.id });

    expect(await sentences(group.id, admin.id)).toEqual([
      "Morgan Staff revoked the invitation to ana@example.test",
      "Morgan Staff invited bo@example.test as a member",
      "Morgan Staff invited ana@example.test as a member",
    ]);
  });

  it("invitations sent again, with the old and new expiry, once even when two resends race", async () => {
    const { group, admin, as } = await steering();
    const { invitations } = await as(admin).invitation.create({ groupId: group.id, emails: ["cy@example.test"], role: "member" });
    const { expiresAt: firstExpiry } = await getDb().invitation.findUniqueOrThrow({ where: { id: invitations[0]!.id }, select: { expiresAt: true } });
    const { expiresAt } = await as(admin).invitation.resend({ id: invitations[0]!.id });
    await as(admin).invitation.revoke({ id: invitations[0]!.id });
    await expect(as(admin).invitation.resend({ id: invitations[0]!.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const [revoked, resent, sent, ...rest] = await logOf(group.id, admin.id);
    expect(rest).toEqual([]);
    expect([revoked?.action, sent?.action]).toEqual(["invitation.revoked", "invitation.sent"]);
    expect(resent).toMatchObject({
      action: "invitation.resent",
      sentence: "Morgan Staff sent the invitation to cy@example.test again, with a new link",
      subject: { type: "invitation", id: invitations[0]!.id, label: "cy@example.test", url: null },
      before: { expiresAt: firstExpiry.toISOString() },
      after: { expiresAt: expiresAt.toISOString() },
    });
    expect(resent!.changes).toEqual([{ field: "expiresAt", label: "Expires", before: expect.stringMatching(/UTC$/), after: expect.stringMatching(/UTC$/) }]);
  });

  it("requests to join approved and declined, naming the person; an answer already given writes nothing", async () => {
    const { group, admin, as } = await steering();
    const [paz, quin] = [await makeUser({ name: "Paz Applicant" }), await makeUser({ name: "Quin Applicant" })];
    const approved = await as(paz).membershipRequest.create({ groupId: group.id });
    const declined = await as(quin).membershipRequest.create({ groupId: group.id });
    await as(admin).membershipRequest.approve({ id: approved.id });
    await as(admin).membershipRequest.decline({ id: declined.id, message: "Not this year" });
    await expect(as(admin).membershipRequest.decline({ id: approved.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const log = await logOf(group.id, admin.id);
    expect(log).toMatchObject([
      { action: "membership_request.declined", sentence: "Morgan Staff declined Quin Applicant's request to join the group", subject: { type: "person", id: quin.id } },
      { action: "membership_request.approved", sentence: "Morgan Staff approved Paz Applicant's request to join the group", subject: { type: "person", id: paz.id } },
    ]);
    // What the admin wrote to the person is theirs to read, not the log's.
    expect(JSON.stringify(log)).not.toContain("Not this year");
  });

  it("threads pinned and unpinned, closed and reopened; a pin of a pinned thread or a second close writes nothing", async () => {
    const { group, admin, as } = await steering();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Rota", body: "Who does what" });
    await as(admin).thread.pin({ id: thread.id, pinned: true });
    await as(admin).thread.pin({ id: thread.id, pinned: true });
    await as(admin).thread.pin({ id: thread.id, pinned: false });
    await Promise.allSettled([as(admin).thread.close({ id: thread.id }), as(admin).thread.close({ id: thread.id })]);
    await as(admin).thread.reopen({ id: thread.id });

    expect(await sentences(group.id, admin.id)).toEqual([
      "Morgan Staff reopened the thread “Rota” to new comments",
      "Morgan Staff closed the thread “Rota” to new comments",
      "Morgan Staff unpinned the thread “Rota”",
      "Morgan Staff pinned the thread “Rota”",
    ]);
    expect((await logOf(group.id, admin.id))[0]!.subject).toEqual({ type: "thread", id: thread.id, label: "Rota", url: `/threads/${thread.id}` });
  });

  it("role changes, from what to what", async () => {
    const { group, admin, sam, as } = await steering();
    await as(admin).member.setRole({ groupId: group.id, userId: sam.id, role: "admin" });
    const [entry] = await logOf(group.id, admin.id);
    expect(entry).toMatchObject({
      sentence: "Morgan Staff changed Sam Rivers's role from member to admin",
      subject: { type: "person", id: sam.id, label: "Sam Rivers", url: null },
      before: { role: "member" },
      after: { role: "admin" },
    });
  });

  it("removals, in the group and each subgroup the person left, and people leaving", async () => {
    const { group, admin, sam, as } = await steering();
    const sub = await makeGroup({ name: "Transport", parentId: group.id });
    await addMember(sub.id, admin.id, "admin");
    await addMember(sub.id, sam.id, "member");
    const leaver = await makeUser({ name: "Lee Leaver" });
    await addMember(group.id, leaver.id, "member");

    await as(admin).member.remove({ groupId: group.id, userId: sam.id });
    await as(leaver).member.leave({ groupId: group.id });

    expect(await sentences(group.id, admin.id)).toEqual(["Lee Leaver left the group", "Morgan Staff removed Sam Rivers from the group"]);
    expect(await sentences(sub.id, admin.id)).toEqual(["Morgan Staff removed Sam Rivers from the group"]);
  });

  it("guest access granted to a thread or a document, and withdrawn when the thread moves to another group", async () => {
    const { group, admin, as } = await steering();
    const other = await makeGroup({ name: "Allotments" });
    await addMember(other.id, admin.id, "admin");
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Budget", body: "Numbers" });
    const document = await getDb().document.create({ data: { groupId: group.id, title: "Vision", createdById: admin.id }, select: { id: true } });
    const gus = await makeUser({ name: "Gus Green" });
    const toThread = await makeInvitation({ groupId: group.id, invitedById: admin.id, email: gus.email, role: "guest" });
    await getDb().invitation.update({ where: { id: toThread.id }, data: { threadId: thread.id } });
    await as(gus).invitation.accept({ token: toThread.token });
    const rita = await makeUser({ name: "Rita Reader" });
    const toDocument = await makeInvitation({ groupId: group.id, invitedById: admin.id, email: rita.email, role: "guest" });
    await getDb().invitation.update({ where: { id: toDocument.id }, data: { documentId: document.id } });
    await as(rita).invitation.accept({ token: toDocument.token });

    await as(admin).thread.move({ id: thread.id, groupId: other.id });

    const [moved, ...granted] = await logOf(group.id, admin.id);
    expect(granted.map(({ sentence }) => sentence)).toEqual([
      "Rita Reader joined as a guest of the document “Vision”, invited by Morgan Staff",
      "Gus Green joined as a guest of the thread “Budget”, invited by Morgan Staff",
    ]);
    expect(moved).toMatchObject({
      sentence: "Morgan Staff moved the thread “Budget” to the group “Allotments”, withdrawing guest access from Gus Green",
      subject: { url: null },
      before: { group: "Steering", guests: "Gus Green" },
      after: { group: "Allotments" },
    });
    expect(await logOf(other.id, admin.id)).toMatchObject([
      { sentence: "Morgan Staff moved the thread “Budget” here from the group “Steering”", subject: { url: `/threads/${thread.id}` } },
    ]);
  });

  it("deletions of threads, polls, resources, folders and meetings, each named as it was", async () => {
    const { group, admin, as } = await steering();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Old plans", body: "Gone soon" });
    const poll = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Paint it red", closingAt: inOneWeek() });
    const resource = await getDb().resource.create({
      data: {
        groupId: group.id,
        kind: "file",
        title: "Agenda",
        authorId: admin.id,
        publishedAt: new Date(),
        latestVersion: 1,
        versions: { create: { number: 1, fileId: (await makeStoredFile(admin.id)).id, uploadedById: admin.id } },
      },
      select: { id: true },
    });
    const folder = await getDb().folder.create({ data: { groupId: group.id, name: "Minutes", createdById: admin.id }, select: { id: true } });
    const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id, title: "Spring meeting" });

    await as(admin).thread.delete({ threadId: thread.id });
    await as(admin).poll.delete({ pollId: poll.id });
    await as(admin).resource.delete({ id: resource.id });
    await as(admin).folder.delete({ id: folder.id });
    await as(admin).meeting.delete({ id: meeting.id });

    const log = await logOf(group.id, admin.id);
    expect(log.map(({ sentence }) => sentence)).toEqual([
      "Morgan Staff deleted the meeting “Spring meeting”",
      "Morgan Staff deleted the folder “Minutes”",
      "Morgan Staff deleted the resource “Agenda”",
      "Morgan Staff deleted the poll “Paint it red”",
      "Morgan Staff deleted the thread “Old plans”",
    ]);
    expect(log.every(({ subject }) => subject.url === null)).toBe(true);
  });

  it("a second delete of the same thread or poll writes no second entry", async () => {
    const { group, admin, as } = await steering();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Twice", body: "Once" });
    const poll = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Twice too", closingAt: inOneWeek() });
    await Promise.allSettled([as(admin).thread.delete({ threadId: thread.id }), as(admin).thread.delete({ threadId: thread.id })]);
    await Promise.allSettled([as(admin).poll.delete({ pollId: poll.id }), as(admin).poll.delete({ pollId: poll.id })]);
    expect((await logOf(group.id, admin.id)).map(({ action }) => action)).toEqual(["poll.deleted", "thread.deleted"]);
  });

  it("comments deleted by a moderator, naming the author and never the words; not authors deleting their own", async () => {
    const { group, admin, sam, as } = await steering();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Transport", body: "Buses?" });
    const rude = await as(sam).comment.create({ threadId: thread.id, body: "Something regrettable" });
    const mine = await as(sam).comment.create({ threadId: thread.id, body: "A typo" });
    await as(sam).comment.delete({ id: mine.id });
    await as(admin).comment.delete({ id: rude.id });

    const log = await logOf(group.id, admin.id);
    expect(log).toMatchObject([
      {
        sentence: "Morgan Staff deleted a comment by Sam Rivers in the thread “Transport”",
        subject: { type: "comment", id: rude.id, url: `/threads/${thread.id}#comment-${rude.id}` },
      },
    ]);
    expect(JSON.stringify(log)).not.toContain("regrettable");
  });

  it("polls closed and reopened by a person, and closed on time by Hearth itself", async () => {
    const { group, admin, as } = await steering();
    const byHand = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "By hand", closingAt: inOneWeek() });
    await as(admin).poll.close({ id: byHand.id });
    const closingAt = inOneWeek();
    await as(admin).poll.reopen({ id: byHand.id, closingAt });
    const onTime = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "On time", closingAt: new Date(Date.now() + 60_000) });

    await runPollSchedule(getDb(), () => undefined, new Date(Date.now() + 120_000));
    await runPollSchedule(getDb(), () => undefined, new Date(Date.now() + 180_000));

    const [closedOnTime, reopened, closed] = await logOf(group.id, admin.id);
    expect(closedOnTime).toMatchObject({
      action: "poll.closed_on_time",
      actor: null,
      actorName: "Hearth",
      sentence: "Hearth closed the poll “On time” at its closing time",
      subject: { id: onTime.id, url: `/polls/${onTime.id}` },
    });
    expect(reopened).toMatchObject({ sentence: "Morgan Staff reopened the poll “By hand”", after: { closingAt: closingAt.toISOString() } });
    expect(closed).toMatchObject({ sentence: "Morgan Staff closed the poll “By hand”" });
    expect(await logOf(group.id, admin.id)).toHaveLength(3);
  });

  it("nothing that names a voter or a ballot of an anonymous poll: only its close", async () => {
    const { group, admin, sam, as } = await steering();
    const poll = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Secret", closingAt: inOneWeek(), anonymous: true });
    const [agree] = (await as(admin).poll.byId({ id: poll.id })).options;
    await as(sam).poll.vote({ pollId: poll.id, choices: [{ optionId: agree!.id }], reason: "Quietly yes" });
    await as(admin).poll.close({ id: poll.id });

    const log = await logOf(group.id, admin.id);
    expect(log.map(({ action }) => action)).toEqual(["poll.closed"]);
    const stored = await getDb().auditEntry.findMany({ where: { groupId: group.id } });
    for (const secret of [sam.id, sam.name, "Quietly yes", agree!.id]) {
      expect(JSON.stringify(log)).not.toContain(secret);
      expect(JSON.stringify(stored)).not.toContain(secret);
    }
  });

  it("downloads of the group's data, in each group the download took in", async () => {
    const { group, admin } = await steering();
    const sub = await makeGroup({ name: "Transport", parentId: group.id });
    await addMember(sub.id, admin.id, "admin");
    const download = await startGroupDownload(getDb(), admin.id, group.handle, "json", { slots: new ExportSlots(2) });
    download.body.resume();
    await new Promise((resolve) => download.body.once("close", resolve));

    expect(await sentences(group.id, admin.id)).toEqual(["Morgan Staff downloaded all of the group's data (JSON)"]);
    expect(await sentences(sub.id, admin.id)).toEqual(["Morgan Staff downloaded all of the group's data (JSON)"]);
  });

  it("imports, once the run is done, in each group the import brought in; not the dry run", async () => {
    const { group, admin } = await steering();
    const siteAdmin = await makeUser({ name: "Ida Importer", isAdmin: true });
    const storedPath = path.join(tmpdir(), `hearth-audit-import-${crypto.randomUUID()}.json`);
    const report = { ...emptyReport("loomio", false), created: { threads: 3 }, groups: [{ handle: group.handle, name: group.name }] };
    const importers = { loomio: async () => report, hearth: async () => report };
    const run = async (dryRun: boolean) => {
      writeFileSync(storedPath, "{}\n");
      const { id } = await getDb().importRun.create({
        data: { format: "loomio", startedById: siteAdmin.id, fileName: "export.json", fileSize: 3, storedPath, status: dryRun ? "checking" : "importing" },
        select: { id: true },
      });
      await runImport(getDb(), { id, format: "loomio", storedPath, startedById: siteAdmin.id }, dryRun, importers);
    };
    await run(true);
    await run(false);

    expect(await logOf(group.id, admin.id)).toMatchObject([
      { sentence: "Ida Importer imported the group's data from a Loomio export", after: { format: "loomio", created: "3 threads" } },
    ]);
  });
});
