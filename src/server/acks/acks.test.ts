import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { paragraph, stateOf } from "@/server/documents/versions/test-content";
import { addMember, callerFor, countingCaller, makeClosedProposal, makeDocument, makeGroup, makeGroupWithPeople, makeMeeting, makeUser } from "@/server/test/factories";

const person = ({ id, name }: { id: string; name: string }) => ({ id, name });
const ackNotices = (userId: string) => getDb().notification.count({ where: { userId, kind: "ack_requested" } });
const as = (userId: string) => callerFor(userId).caller;

describe("ack.request", () => {
  it("is for the group's admins, tells the members and admins (not guests, not the asker), and needs an outcome", async () => {
    const { group, admin, member, other, guest } = await makeGroupWithPeople();
    const secondAdmin = await makeUser();
    await addMember(group.id, secondAdmin.id, "admin");
    const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id, voterIds: [guest.id], outcome: "We agreed the budget." });
    const input = { kind: "outcome" as const, id: poll.id };

    await expect(as(member.id).ack.request(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest.id).ack.request(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await makeUser();
    await addMember((await makeGroup()).id, stranger.id, "admin");
    await expect(as(stranger.id).ack.request(input)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { caller, published } = callerFor(admin.id);
    const status = await caller.ack.request(input);
    expect(status).toMatchObject({ requested: true, acknowledged: 0, of: 4, mine: false, canRequest: true, canConfirm: true });
    expect(status.pending).toHaveLength(4);
    expect(published).toContainEqual({ name: "ack.changed", room: `group:${group.id}`, payload: { groupId: group.id, kind: "outcome", id: poll.id } });
    expect([await ackNotices(member.id), await ackNotices(other.id), await ackNotices(secondAdmin.id)]).toEqual([1, 1, 1]);
    expect([await ackNotices(admin.id), await ackNotices(guest.id)]).toEqual([0, 0]);

    // Asking again at once (a double click, or a second admin) tells nobody twice.
    await expect(as(secondAdmin.id).ack.request(input)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/less than an hour ago/) });
    expect(await ackNotices(member.id)).toBe(1);

    const open = await getDb().poll.create({
      data: { groupId: group.id, authorId: admin.id, kind: "proposal", title: "Open", closingAt: new Date(Date.now() + 86_400_000) },
      select: { id: true },
    });
    await expect(as(admin.id).ack.request({ kind: "outcome", id: open.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/no outcome yet/) });
  });

  it("asks again after an hour, telling only those who have not acknowledged", async () => {
    const { group, admin, member, other } = await makeGroupWithPeople();
    const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id, outcome: "We agreed the budget." });
    const input = { kind: "outcome" as const, id: poll.id };
    await as(admin.id).ack.request(input);
    await as(member.id).ack.confirm(input);
    await getDb().ackRequest.updateMany({ where: { subjectId: poll.id }, data: { createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });

    await as(admin.id).ack.request(input);
    expect([await ackNotices(member.id), await ackNotices(other.id)]).toEqual([1, 2]);
  });
});

describe("ack.confirm and ack.status", () => {
  it("acknowledges once however often it is pressed; names of who has not for admins, of who has for members, none for guests", async () => {
    const { group, admin, member, other, guest } = await makeGroupWithPeople();
    const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id, voterIds: [guest.id], outcome: "We agreed the budget." });
    const input = { kind: "outcome" as const, id: poll.id };
    await expect(as(member.id).ack.confirm(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/Nobody has asked/) });
    expect(await as(member.id).ack.status(input)).toMatchObject({ requested: false, acknowledged: 0, of: 3, canRequest: false });

    await as(admin.id).ack.request(input);
    const first = callerFor(member.id);
    await first.caller.ack.confirm(input);
    const second = callerFor(member.id);
    const again = await second.caller.ack.confirm(input);
    expect(second.published).toEqual([]);
    expect(await getDb().acknowledgement.count({ where: { userId: member.id } })).toBe(1);
    expect(again).toEqual({
      requested: true,
      acknowledged: 1,
      of: 3,
      mine: true,
      pending: null,
      acknowledgedBy: [person(member)],
      changedSinceRequest: false,
      canRequest: false,
      canConfirm: true,
    });
    expect(await as(admin.id).ack.status(input)).toMatchObject({ acknowledged: 1, mine: false, pending: [person(other), person(admin)], acknowledgedBy: [person(member)] });

    // The guest chosen to vote sees the poll, so the counts; nothing more, and is never asked.
    expect(await as(guest.id).ack.status(input)).toMatchObject({ acknowledged: 1, of: 3, pending: null, acknowledgedBy: null, canConfirm: false });
    await expect(as(guest.id).ack.confirm(input)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/guests/) });
  });

  it("refuses people of another group, guests who cannot see the item, removed members, and unknown ids", async () => {
    const { group, admin, member, other, guest } = await makeGroupWithPeople();
    const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id, outcome: "We agreed the budget." });
    const input = { kind: "outcome" as const, id: poll.id };
    await as(admin.id).ack.request(input);
    await as(member.id).ack.confirm(input);
    const stranger = await makeUser();
    await addMember((await makeGroup()).id, stranger.id, "admin");

    await as(admin.id).member.remove({ groupId: group.id, userId: member.id });
    for (const userId of [stranger.id, guest.id, member.id]) {
      await expect(as(userId).ack.confirm(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(as(userId).ack.status(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // The removed member's acknowledgement stays behind but no longer counts.
    expect(await as(admin.id).ack.status(input)).toMatchObject({ acknowledged: 0, of: 2, pending: [person(other), person(admin)] });
    for (const kind of ["outcome", "minutes", "document_version"] as const) {
      await expect(as(admin.id).ack.status({ kind, id: "no-such-thing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // A poll id is not a meeting id, whatever the kind says.
    await expect(as(admin.id).ack.request({ kind: "minutes", id: poll.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(admin.id).ack.status({ kind: "outcome", id: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("resets when the outcome changes, and tells those who had acknowledged once, however many read it", async () => {
    const { group, admin, member, other } = await makeGroupWithPeople();
    const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id, outcome: "We agreed the budget." });
    const input = { kind: "outcome" as const, id: poll.id };
    await as(admin.id).ack.request(input);
    await as(member.id).ack.confirm(input);
    expect(await ackNotices(member.id)).toBe(1);

    await as(admin.id).poll.setOutcome({ id: poll.id, statement: "We agreed the budget, less the travel line." });
    const reads = await Promise.all([as(admin.id).ack.status(input), as(other.id).ack.status(input), as(member.id).ack.status(input)]);
    for (const status of reads) expect(status).toMatchObject({ requested: true, acknowledged: 0, changedSinceRequest: true });
    expect(reads[2]!.mine).toBe(false);
    expect(await ackNotices(member.id)).toBe(2);
    expect(await ackNotices(other.id)).toBe(1);
    await as(admin.id).ack.status(input);
    expect(await ackNotices(member.id)).toBe(2);

    expect(await as(member.id).ack.confirm(input)).toMatchObject({ acknowledged: 1, mine: true, changedSinceRequest: false });
  });

  it("works the same for minutes, which must exist, and resets when they are edited", async () => {
    const { group, admin, member, guest } = await makeGroupWithPeople();
    const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id });
    const input = { kind: "minutes" as const, id: meeting.id };
    await expect(as(admin.id).ack.request(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/no minutes yet/) });
    await as(admin.id).meeting.update({ id: meeting.id, minutes: "We met and agreed." });
    await as(admin.id).ack.request(input);
    await expect(as(guest.id).ack.status(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await as(member.id).ack.confirm(input);
    expect(await as(admin.id).ack.status(input)).toMatchObject({ acknowledged: 1, of: 3 });

    await as(admin.id).meeting.update({ id: meeting.id, minutes: "We met and agreed, with one abstention." });
    expect(await as(admin.id).ack.status(input)).toMatchObject({ acknowledged: 0, changedSinceRequest: true });
    expect(await ackNotices(member.id)).toBe(2);
  });

  it("takes adopted document versions only", async () => {
    const { group, admin, member } = await makeGroupWithPeople();
    const document = await makeDocument({ groupId: group.id, createdById: admin.id });
    const version = await getDb().documentVersion.create({
      data: { documentId: document.id, kind: "named", name: "Charter", state: stateOf([paragraph("Our vision")]), createdById: admin.id },
      select: { id: true },
    });
    const input = { kind: "document_version" as const, id: version.id };
    await expect(as(admin.id).ack.request(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/adopted/) });
    await getDb().documentVersion.update({ where: { id: version.id }, data: { adoptedAt: new Date() } });
    await as(admin.id).ack.request(input);
    expect(await as(member.id).ack.confirm(input)).toMatchObject({ acknowledged: 1, of: 3, mine: true });
    expect(await getDb().notification.findFirst({ where: { userId: member.id, kind: "ack_requested" }, select: { url: true } })).toEqual({
      url: `/documents/${document.id}/history?version=${version.id}`,
    });
  });

  it("answers the admin's report in the same number of queries however large the group", async () => {
    const queriesFor = async (extraMembers: number) => {
      const { group, admin } = await makeGroupWithPeople();
      const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id, outcome: "We agreed the budget." });
      const input = { kind: "outcome" as const, id: poll.id };
      await as(admin.id).ack.request(input);
      for (let index = 0; index < extraMembers; index++) {
        const user = await makeUser();
        await addMember(group.id, user.id);
        if (index % 2 === 0) await as(user.id).ack.confirm(input);
      }
      const { caller, reset } = countingCaller(admin.id);
      expect(await caller.ack.status(input)).toMatchObject({ acknowledged: Math.ceil(extraMembers / 2), of: 3 + extraMembers });
      return reset();
    };
    expect(await queriesFor(6)).toBe(await queriesFor(0));
  });
});
